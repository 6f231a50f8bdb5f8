// The editor's calls to /api/v1 (the same routes any API client uses): the preview and its
// variety report (lib/api/operations/preview.ts), and saving through the bank's question
// routes: POST for a new question, PUT with the version the draft started from.
import type { VarietyReport } from "@/lib/authoring/variety";
import type { Answer, Presentation, Trace } from "@/lib/questions/client";
import { callApi } from "../api-client";
import type { Issue, TemplateDraft } from "./template-draft";

export interface PreviewBody {
  presentation: Presentation;
  expected?: Answer;
  trace?: Trace;
}

/** What a call answered: its body, or the error the API sent (`issues` for a template that does not validate). */
export type Outcome<T> =
  | { ok: true; data: T; status: number; serverMs: number | null; totalMs: number }
  | { ok: false; status: number; error: string; message: string; issues: Issue[]; current?: { version: number } };

function serverTiming(response: Response): number | null {
  const header = response.headers.get("Server-Timing");
  const dur = header?.match(/dur=([\d.]+)/);
  return dur ? Number(dur[1]) : null;
}

async function call<T>(method: "GET" | "POST" | "PUT", url: string, body: unknown, signal?: AbortSignal): Promise<Outcome<T>> {
  const started = performance.now();
  const result = await callApi<T>(method, url, body, signal);
  if (result.ok)
    return {
      ok: true,
      data: result.data,
      status: result.status,
      serverMs: serverTiming(result.response),
      totalMs: performance.now() - started,
    };
  const { status, error, message, issues } = result;
  const current = result.body?.current as { version: number } | undefined;
  return { ok: false, status, error, message, issues: issues as Issue[], ...(current ? { current } : {}) };
}

const course = (courseId: string) => `/api/v1/courses/${encodeURIComponent(courseId)}`;
const questions = (courseId: string, bankId: string) => `${course(courseId)}/banks/${encodeURIComponent(bankId)}/questions`;

export function previewCall(courseId: string, template: TemplateDraft, seed: number, signal?: AbortSignal) {
  return call<PreviewBody>("POST", `${course(courseId)}/preview`, { template, seed }, signal);
}

export function varietyCall(courseId: string, template: TemplateDraft, samples: number, firstSeed: number) {
  return call<VarietyReport>("POST", `${course(courseId)}/preview/variety`, { template, samples, firstSeed });
}

export interface SavedQuestion {
  key: string;
  version: number;
}

export function createQuestion(courseId: string, bankId: string, template: TemplateDraft) {
  return call<SavedQuestion>("POST", questions(courseId, bankId), { template });
}

export function updateQuestion(courseId: string, bankId: string, key: string, template: TemplateDraft, baseVersion: number) {
  return call<SavedQuestion>("PUT", `${questions(courseId, bankId)}/${encodeURIComponent(key)}`, { template, baseVersion });
}

export function loadQuestion(courseId: string, bankId: string, key: string) {
  return call<SavedQuestion & { template: TemplateDraft }>("GET", `${questions(courseId, bankId)}/${encodeURIComponent(key)}`, undefined);
}
