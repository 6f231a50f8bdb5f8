// LTI role URIs → a role in a course here (LTI Core 1.3 §A.2). Platforms send full context
// role URIs (…/membership#Instructor), institution and system roles (…/institution/person#
// Administrator), sub-roles (…/membership/Instructor#TeachingAssistant), and short forms
// ("Instructor"), which certification requires a tool to accept; unknown values are ignored.
import type { CourseRole } from "../auth/roles";

const CONTEXT = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
const CONTEXT_SUB = "http://purl.imsglobal.org/vocab/lis/v2/membership/";
const INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
const SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

/** The role's name without its vocabulary: "Instructor", "Instructor#TeachingAssistant", or null when not LIS. */
function shortName(uri: string): { name: string; scope: "context" | "institution" | "system" } | null {
  if (uri.startsWith(CONTEXT)) return { name: uri.slice(CONTEXT.length), scope: "context" };
  if (uri.startsWith(CONTEXT_SUB)) return { name: uri.slice(CONTEXT_SUB.length), scope: "context" };
  if (uri.startsWith(INSTITUTION)) return { name: uri.slice(INSTITUTION.length), scope: "institution" };
  if (uri.startsWith(SYSTEM)) return { name: uri.slice(SYSTEM.length), scope: "system" };
  if (/^[A-Za-z#]+$/.test(uri)) return { name: uri, scope: "context" };
  return null;
}

/**
 * The course role the launch's roles give: teaching assistants (a sub-role of Instructor, or the
 * context role TeachingAssistant) → TA; instructors, content developers and administrators →
 * INSTRUCTOR (an institution or system administrator too: an LMS admin opening a course); everyone else, including no role at all → STUDENT (the least a launch can grant).
 */
export function courseRoleOf(roles: readonly string[]): CourseRole {
  let teaches = false;
  let assists = false;
  for (const uri of roles) {
    const role = shortName(uri.trim());
    if (!role) continue;
    const [main, sub] = role.name.split("#");
    if (sub === "TeachingAssistant" || main === "TeachingAssistant") assists = true;
    else if (
      role.scope === "context" ? ["Instructor", "ContentDeveloper", "Administrator", "Manager"].includes(main) : main === "Administrator"
    )
      teaches = true;
  }
  if (assists && !teaches) return "TA";
  if (teaches) return "INSTRUCTOR";
  return "STUDENT";
}

/** Whether the launch's roles name a site or institution administrator of the platform. */
export function platformAdmin(roles: readonly string[]): boolean {
  return roles.some((uri) => {
    const role = shortName(uri.trim());
    return role !== null && role.scope !== "context" && role.name.split("#")[0] === "Administrator";
  });
}
