// The builder's calls to the quiz API: the shared /api/v1 client (components/api-client.ts).
export { callApi, fieldErrorsOf, type ApiFailure, type ApiResult } from "../api-client";
