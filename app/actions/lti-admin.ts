"use server";
// The site administrator's changes on /admin/lti: platforms (add, edit, delete), their
// deployment ids, the tool's signing key, and one-time dynamic-registration URLs.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { msg } from "@/lib/i18n/msg";
import { allowLocalHttp, ltiAdminService, toolOrigin } from "@/lib/lti/platform-admin-service";
import { registrationUrl } from "@/lib/lti/registration";
import { deploymentIdSchema, deploymentList, MAX_DEPLOYMENTS, MAX_ID, platformSchema } from "@/lib/lti/registration-config";
import { toolUrls } from "@/lib/lti/vocabulary";
import { adminAction } from "@/lib/server/action-client";

const PAGE = "/admin/lti";
const fields = platformSchema(allowLocalHttp()).shape;
const PlatformId = z.string().min(1).max(64);

const AddPlatform = z.object({
  ...fields,
  deploymentIds: z
    .string()
    .max((MAX_ID + 1) * MAX_DEPLOYMENTS)
    .default("")
    .transform(deploymentList)
    .pipe(z.array(deploymentIdSchema).max(MAX_DEPLOYMENTS, "ltiAdmin.errors.tooMany")),
});
const { deploymentIds: _deployments, ...editable } = fields;
const EditPlatform = z.object({ ...editable, platformId: PlatformId });
const Deployment = z.object({ platformId: PlatformId, deploymentId: deploymentIdSchema });

export const addPlatformAction = adminAction(AddPlatform, async (input, { user }) => {
  const platform = await ltiAdminService.registerPlatform(input, { actorId: user.id, via: "manual", update: false });
  revalidatePath(PAGE);
  return { ok: true, message: msg("ltiAdmin.form.added", { name: platform.name }) };
});

export const editPlatformAction = adminAction(EditPlatform, async ({ platformId, ...input }, { user }) => {
  const platform = await ltiAdminService.updatePlatform(user.id, platformId, input);
  revalidatePath(PAGE);
  return { ok: true, message: msg("ltiAdmin.form.saved", { name: platform.name }) };
});

export const deletePlatformAction = adminAction(z.object({ platformId: PlatformId }), async ({ platformId }, { user }) => {
  const platform = await ltiAdminService.deletePlatform(user.id, platformId);
  revalidatePath(PAGE);
  return { ok: true, message: msg("ltiAdmin.platforms.deleted", { name: platform.name }) };
});

export const addDeploymentAction = adminAction(Deployment, async ({ platformId, deploymentId }, { user }) => {
  await ltiAdminService.addDeployment(user.id, platformId, deploymentId);
  revalidatePath(PAGE);
  return { ok: true, message: msg("ltiAdmin.platforms.added", { id: deploymentId }) };
});

export const removeDeploymentAction = adminAction(Deployment, async ({ platformId, deploymentId }, { user }) => {
  await ltiAdminService.removeDeployment(user.id, platformId, deploymentId);
  revalidatePath(PAGE);
  return { ok: true, message: msg("ltiAdmin.platforms.removed", { id: deploymentId }) };
});

export const rotateKeyAction = adminAction(z.object({}), async (_input, { user }) => {
  const { kid } = await ltiAdminService.rotateToolKey(user.id);
  revalidatePath(PAGE);
  return { ok: true, message: msg("ltiAdmin.key.rotated", { kid }) };
});

/** The URL is in `values`: it is shown once, on the page that made it, and never stored. */
export const createInviteAction = adminAction(z.object({}), async (_input, { user }) => {
  const { token, expiresAt } = await ltiAdminService.createRegistrationInvite(user.id);
  return {
    ok: true,
    message: msg("ltiAdmin.invite.made"),
    values: { url: registrationUrl(toolUrls(toolOrigin()).registration, token), expiresAt: expiresAt.toISOString() },
  };
});
