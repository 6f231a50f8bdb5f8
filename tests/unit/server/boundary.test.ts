// What leaves the server is said in the reader's language: an AppError's message (a catalog
// message, nested values and all, or a legacy plain string), a JSON error body (its `error`
// code unchanged), and zod's field messages, the schemas' own message ids included.
import { describe, expect, it, vi } from "vitest";
vi.mock("server-only", () => ({}));
import { z } from "zod";
import { SignInSchema, SignUpSchema } from "@/lib/auth/schemas";
import { issueErrorMap } from "@/lib/i18n/field-messages";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { msg } from "@/lib/i18n/msg";
import { issueText, textIn } from "@/lib/i18n/translate";
import { AppError } from "@/lib/server/errors";
import { errorResponse, userRoute } from "@/lib/server/route";

const route = userRoute(z.object({}), async () => new Response("reached"));
const call = (init: RequestInit) => route(new Request("http://localhost:3000/api/x", init), { params: Promise.resolve({}) });

describe("JSON errors of route handlers", () => {
  it("a 401 in Chinese for a browser that asks for Chinese, the code unchanged", async () => {
    const response = await call({ headers: { "accept-language": "zh-CN,zh;q=0.9" } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "UNAUTHENTICATED", message: "请登录后继续：你的会话已结束。" });
  });

  it("a 401 in English by default, and in the switch's language over Accept-Language", async () => {
    expect((await (await call({})).json()).message).toBe("Sign in to continue: your session has ended.");
    const chosen = await call({ headers: { "accept-language": "en", cookie: `${LOCALE_COOKIE}=zh-CN` } });
    expect((await chosen.json()).message).toBe("请登录后继续：你的会话已结束。");
  });

  it("a 403 (no Origin) and a 415 (not JSON) in Chinese", async () => {
    const noOrigin = await call({ method: "POST", headers: { "accept-language": "zh", host: "localhost:3000" }, body: "{}" });
    expect(noOrigin.status).toBe(403);
    expect(await noOrigin.json()).toMatchObject({ error: "FORBIDDEN", message: expect.stringMatching(/^已拒绝：.*Origin/) });
    const form = await call({
      method: "POST",
      headers: { "accept-language": "zh", host: "localhost:3000", origin: "http://localhost:3000", "content-type": "text/plain" },
      body: "{}",
    });
    expect(form.status).toBe(415);
    expect((await form.json()).message).toBe("请以 JSON 格式发送请求，并带上Content-Type: application/json。");
  });

  it("renders a message with values in the locale asked for; a plain string as it is", async () => {
    const deep = new AppError("BAD_REQUEST", msg("errors.request.tooDeep", { depth: 32 }));
    expect(await errorResponse(deep, "zh-CN").json()).toEqual({ error: "BAD_REQUEST", message: "请求的嵌套超过了32层。" });
    expect((await errorResponse(deep).json()).message).toBe("The request nests deeper than 32 levels.");
    const legacy = new AppError("CONFLICT", "This quiz has closed.");
    expect((await errorResponse(legacy, "zh-CN").json()).message).toBe("This quiz has closed.");
  });

  it("renders nested messages", () => {
    const text = msg("auth.profile.badName", { problem: msg("errors.field.nameRequired") });
    expect(textIn("zh-CN")(text)).toBe("姓名：请输入你的姓名");
    expect(textIn("en")(text)).toBe("Name: Enter your name");
  });
});

/** The field messages a parse gives, as the form boundary renders them. */
function fieldMessages(schema: z.ZodType, input: unknown, locale: Locale): string[] {
  const result = schema.safeParse(input, { error: issueErrorMap(locale) });
  return (result.error?.issues ?? []).map((issue) => textIn(locale)(issueText(issue)));
}

describe("field messages", () => {
  const short = { name: "Nia", email: "nia@example.edu", password: "short" };
  it("a schema's message id, with the issue's limit as its argument", () => {
    expect(fieldMessages(SignUpSchema, short, "en")).toEqual(["Use at least 8 characters"]);
    expect(fieldMessages(SignUpSchema, short, "zh-CN")).toEqual(["请至少输入8个字符"]);
  });

  it("every field of a form in the reader's language", () => {
    expect(fieldMessages(SignUpSchema, { name: " ", email: "not an email", password: "long enough" }, "zh-CN")).toEqual([
      "请输入你的姓名",
      "请输入有效的邮箱地址（形如 用户名@学校域名）",
    ]);
    expect(fieldMessages(SignInSchema, { email: "ada@example.edu", password: "" }, "en")).toEqual(["Enter your password"]);
  });

  it("the generic messages where a schema gives none, zod's own words beyond them", () => {
    expect(fieldMessages(z.object({ token: z.string() }), {}, "zh-CN")).toEqual(["此项为必填项。"]);
    expect(fieldMessages(z.object({ code: z.string().max(3) }), { code: "abcd" }, "en")).toEqual(["Use at most 3 characters"]);
    expect(fieldMessages(z.object({ n: z.number().min(2) }), { n: 1 }, "zh-CN")).toEqual(["请输入不小于2的数"]);
    expect(fieldMessages(z.object({ kind: z.enum(["a", "b"]) }), { kind: "c" }, "zh-CN")).toEqual(["请从选项中选择一项。"]);
    const [unknownKey] = fieldMessages(z.object({}).strict(), { extra: 1 }, "zh-CN");
    expect(unknownKey).toMatch(/[\u4e00-\u9fff]/);
  });

  it("a custom issue's params are its message's arguments", () => {
    const schema = z
      .string()
      .superRefine((_, ctx) => ctx.addIssue({ code: "custom", message: "auth.signIn.tooMany", params: { seconds: 42 } }));
    expect(fieldMessages(schema, "x", "en")).toEqual(["Too many failed sign-ins. Try again in 42 s."]);
    expect(fieldMessages(schema, "x", "zh-CN")).toEqual(["登录失败次数过多。请在42秒后重试。"]);
  });

  it("a message that is no id is shown as written (an author's words, legacy English)", () => {
    expect(fieldMessages(z.string().min(2, "Say more"), "x", "zh-CN")).toEqual(["Say more"]);
  });
});
