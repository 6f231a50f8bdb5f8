// The /api/v1 operations of this area (lib/api/operation.ts). Route files under app/api/v1
// build their handlers from these with apiRoute; the OpenAPI document lists them.
//
// Personal API tokens (lib/auth/api-tokens.ts): any signed-in user lists and revokes their own;
// creating one needs the session (a token cannot make tokens, or revoking it would not be the end).
import { z } from "zod";
import { defineOperation, type Operation } from "../operation";

/** The longest a token may live, in days; without `expiresInDays` it lives until revoked. */
export const MAX_TOKEN_DAYS = 365;
export const MAX_TOKEN_NAME = 80;

const NoParams = z.object({});

export const TokenSchema = z.object({
  id: z.string(),
  name: z.string().meta({ description: "The owner's name for it" }),
  prefix: z.string().meta({ description: "The token's first characters, to tell tokens apart (never enough to use)" }),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable().meta({ description: "The last call made with it (recorded at most once a minute), or null" }),
  expiresAt: z.iso.datetime().nullable().meta({ description: "When it stops working, or null: until revoked" }),
});
export type TokenView = z.infer<typeof TokenSchema>;

export const CreateTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(MAX_TOKEN_NAME).meta({ description: 'What it is for ("grading scripts")' }),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_TOKEN_DAYS)
    .optional()
    .meta({ description: `Days until it stops working (1–${MAX_TOKEN_DAYS}); left out, it works until revoked` }),
});
export type CreateTokenBody = z.input<typeof CreateTokenBodySchema>;

export const listTokensOp = defineOperation({
  id: "listTokens",
  method: "GET",
  path: "/tokens",
  summary: "The caller's personal API tokens, newest first (never the tokens themselves)",
  tag: "Tokens",
  access: "signed-in",
  params: NoParams,
  response: z.object({ tokens: z.array(TokenSchema) }),
});

export const createTokenOp = defineOperation({
  id: "createToken",
  method: "POST",
  path: "/tokens",
  summary: "Create a personal API token: the answer holds the token, shown this once",
  description:
    "Session only (the Account page): a token cannot create tokens. Only the token's SHA-256 is stored; " +
    "keep the `token` of the answer, it cannot be read again. At most 20 tokens per person (409 beyond).",
  tag: "Tokens",
  access: "signed-in",
  sessionOnly: true,
  params: NoParams,
  body: CreateTokenBodySchema,
  response: TokenSchema.extend({ token: z.string().meta({ description: "synack_…: send it as `Authorization: Bearer <token>`" }) }),
  status: 201,
  errors: [409],
});

export const revokeTokenOp = defineOperation({
  id: "revokeToken",
  method: "DELETE",
  path: "/tokens/{tokenId}",
  summary: "Revoke one of the caller's tokens: calls made with it answer 401 from now on",
  tag: "Tokens",
  access: "signed-in",
  params: z.object({ tokenId: z.string().min(1).max(64) }),
  response: z.null(),
  status: 204,
});

export const tokensOperations: readonly Operation[] = [listTokensOp, createTokenOp, revokeTokenOp];
