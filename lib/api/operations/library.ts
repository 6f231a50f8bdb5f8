// The /api/v1 operations of this area (lib/api/operation.ts). Route files under app/api/v1
// build their handlers from these with apiRoute; the OpenAPI document lists them.
//
// The starter library: ready-made question templates, by scenario family, each family with
// what it teaches. Any signed-in user may read it; copying into a bank is copyFromLibrary.
import { z } from "zod";
import type { Operation } from "../operation";

/** defineOperation, keeping which schemas an operation has: its handler then gets `body` and `query` typed, not possibly undefined. */
const defineOperation = <O extends Operation>(op: O): O => op;

export const getLibraryOp = defineOperation({
  id: "getLibrary",
  method: "GET",
  path: "/library",
  summary: "The starter library by family, each with its concept, in the caller's language",
  tag: "Library",
  access: "signed-in",
  params: z.object({}),
  response: z.object({
    families: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        concept: z.string().meta({ description: "What the family teaches" }),
        templates: z.array(
          z.object({
            id: z.string().meta({ description: "The template id: copyFromLibrary's templateIds" }),
            title: z.string(),
            kind: z.string().meta({ description: "The answer kind" }),
            tags: z.array(z.string()),
          }),
        ),
      }),
    ),
  }),
});

export const libraryOperations: readonly Operation[] = [getLibraryOp];
