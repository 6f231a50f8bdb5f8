// The builder's calls to the quiz API (/api/v1, the same routes API clients use): JSON in,
// JSON out, and a failure as its message and the issues of each field it names.
import type { ApiIssue } from "@/lib/api/errors";

export type ApiFailure = { ok: false; status: number; message: string; issues: ApiIssue[] };
export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

export async function callApi<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: "", issues: [] };
  }
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: data as T };
  const failure = (data ?? {}) as { message?: string; issues?: ApiIssue[] };
  return { ok: false, status: response.status, message: failure.message ?? "", issues: failure.issues ?? [] };
}

/** Each field's messages, by the first part of its path ("closesAt", "items"). */
export function fieldErrorsOf(issues: readonly ApiIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}
