// The browser's one client for /api/v1: the authoring pages call the same operations an API
// token caller does, so the pages and the API are one implementation. Same origin (the session
// cookie), JSON in and out; a failure gives the server's code, its sentence (in the reader's
// language) and, for a body that does not validate, every issue with its path.
import type { ApiIssue } from "@/lib/api/errors";

export type { ApiIssue };

export type ApiFailure = {
  ok: false;
  /** 0 when the request never reached the server. */
  status: number;
  error: string;
  message: string;
  issues: ApiIssue[];
  /** The whole error body, for operations that say more (a 409's `current` version). */
  body: Record<string, unknown> | null;
};
export type ApiResult<T> = { ok: true; status: number; data: T; response: Response } | ApiFailure;

export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Calls `url` (a path under /api/v1) with `body` as JSON. An aborted call rethrows its AbortError. */
export async function callApi<T>(method: ApiMethod, url: string, body?: unknown, signal?: AbortSignal): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: "same-origin",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    return {
      ok: false,
      status: 0,
      error: "NETWORK",
      message: error instanceof Error ? error.message : String(error),
      issues: [],
      body: null,
    };
  }
  const data: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: data as T, response };
  const failure = (data !== null && typeof data === "object" ? data : null) as Record<string, unknown> | null;
  return {
    ok: false,
    status: response.status,
    error: typeof failure?.error === "string" ? failure.error : "INTERNAL",
    message: typeof failure?.message === "string" ? failure.message : response.statusText,
    issues: Array.isArray(failure?.issues) ? (failure.issues as ApiIssue[]) : [],
    body: failure,
  };
}

/** The messages of the issues at `field` (the first part of their path), for the message beside it. */
export function issuesAt(issues: readonly ApiIssue[], field: string): string[] {
  return issues.filter((i) => String(i.path[0] ?? "") === field).map((i) => i.message);
}

/** Each field's messages, by the first part of its path ("closesAt", "items"). */
export function fieldErrorsOf(issues: readonly ApiIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[String(issue.path[0] ?? "")] ??= []).push(issue.message);
  return errors;
}
