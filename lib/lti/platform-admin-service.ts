// Registration and the admin page's operations, bound to the app's database for pages,
// actions and route handlers (lib/db/bind.ts). Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { appUrl } from "../env";
import { addDeployment, deletePlatform, removeDeployment, rotateToolKey, toolKeyStatus, updatePlatform } from "./platform-admin";
import { platformsWithDeployments } from "./platform-queries";
import { createRegistrationInvite, registerDynamically, registerPlatform } from "./registration";
import { forgetFramingOrigins } from "./frame-origins";
import { publishedJwks } from "./tool-keys";

/** A change to the platforms: this process's list of who may frame the app is read again (others within 30 s). */
function reframing<A extends unknown[], R>(change: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    const result = await change(...args);
    forgetFramingOrigins();
    return result;
  };
}

export const ltiAdminService = bound(db, {
  platformsWithDeployments,
  registerPlatform: reframing(registerPlatform),
  updatePlatform: reframing(updatePlatform),
  deletePlatform: reframing(deletePlatform),
  addDeployment,
  removeDeployment,
  rotateToolKey,
  toolKeyStatus,
  createRegistrationInvite,
  registerDynamically: reframing(registerDynamically),
  publishedJwks,
});

/** The tool's origin, as the LMS must reach it: APP_URL (else http://localhost:PORT). */
export function toolOrigin(): string {
  return new URL(appUrl()).origin;
}

/**
 * Plain http to this machine is accepted for platform addresses only while the app itself is
 * not served over https: development and the tests' mock platform, never a deployment.
 */
export function allowLocalHttp(): boolean {
  return !appUrl().startsWith("https://");
}
