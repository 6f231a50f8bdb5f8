// The browser's calls to the banks' /api/v1 routes: the same operations a token caller uses,
// so the pages and the API are one implementation. Same origin, JSON; an error answer gives
// its sentence (in the reader's language, from the server) and its problems by path.

export type ApiIssue = { path: (string | number)[]; message: string };

export type ApiAnswer<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string; issues: ApiIssue[] };

export async function callApi<T>(path: string, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", body?: unknown): Promise<ApiAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch (error) {
    return { ok: false, status: 0, message: (error as Error).message, issues: [] };
  }
  const data: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: data as T };
  const failure = (data ?? {}) as { message?: unknown; issues?: unknown };
  return {
    ok: false,
    status: response.status,
    message: typeof failure.message === "string" ? failure.message : response.statusText,
    issues: Array.isArray(failure.issues) ? (failure.issues as ApiIssue[]) : [],
  };
}

/** The messages of the issues at `field` (the first part of their path), for the message beside it. */
export function issuesAt(issues: readonly ApiIssue[], field: string): string[] {
  return issues.filter((i) => i.path[0] === field).map((i) => i.message);
}
