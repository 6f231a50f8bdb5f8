// The banks pages' calls: the shared /api/v1 client (components/api-client.ts), with paths
// written below /api/v1.
import { callApi as call, type ApiMethod, type ApiResult } from "../api-client";

export { issuesAt, type ApiIssue } from "../api-client";
export type ApiAnswer<T> = ApiResult<T>;

export function callApi<T>(path: string, method: ApiMethod, body?: unknown): Promise<ApiAnswer<T>> {
  return call<T>(method, `/api/v1${path}`, body);
}
