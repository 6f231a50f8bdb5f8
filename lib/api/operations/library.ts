// The /api/v1 operations of this area (lib/api/operation.ts). Route files under app/api/v1
// build their handlers from these with apiRoute; the OpenAPI document lists them.
import type { Operation } from "../operation";

export const libraryOperations: readonly Operation[] = [];
