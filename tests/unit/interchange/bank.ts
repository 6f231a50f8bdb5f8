// A bank built by hand for the format tests: templates from the starter library and, for each,
// variants written as the variants module would write them (ExportVariant is the contract), with
// names and texts that carry what a file must survive: a formula, quotes and commas, accents,
// CJK, markup, and every character GIFT reserves.
import { starterLibrary } from "@/lib/questions/library";
import type { QuestionTemplate } from "@/lib/questions/schema";
import type { ExportBank, ExportVariant, VariantAnswer } from "@/lib/interchange/types";

export function template(id: string): QuestionTemplate {
  const found = starterLibrary.find((t) => t.id === id);
  if (!found) throw new Error(`no library template ${id}`);
  return found;
}

export const TRICKY = 'Naïve "quotes", commas \\ # = ~ { } : 握手 <script>alert(1)</script>';

export function variant(id: string, seed: number, answer: VariantAnswer, over: Partial<ExportVariant> = {}): ExportVariant {
  const t = template(id);
  return {
    template: t,
    seed,
    name: `${id} (seed ${seed})`,
    prompt: "Which states?",
    html: `<p>Which states? ${TRICKY.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>\n<ul>\n<li>The client connects.</li>\n</ul>`,
    setup: ["The client connects."],
    given: "client → server  SYN seq=0\nserver → client  SYN,ACK seq=0 ack=1",
    feedback: "The FIN is answered by an ACK.\n\nThen TIME_WAIT {2 MSL}.",
    points: t.points,
    answer,
    ...over,
  };
}

export const ordering: VariantAnswer = { type: "ordering", items: ["CLOSED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT {2 MSL}", "CLOSED"] };
export const numerical: VariantAnswer = { type: "numerical", value: 60000, tolerance: 500, unit: "ms" };
export const multichoice: Extract<VariantAnswer, { type: "multichoice" }> = {
  type: "multichoice",
  options: [
    { text: "Only the client", correct: true },
    { text: "Only the server", correct: false },
    { text: "Both endpoints", correct: false },
    { text: "Neither endpoint", correct: false },
  ],
};
export const oneBlank: VariantAnswer = { type: "shortanswer", blanks: [{ label: "Next segment", answers: ["ACK", "ack"] }] };
export const blanks: VariantAnswer = {
  type: "shortanswer",
  blanks: [
    { label: "Segment 4", answers: ["FIN,ACK"] },
    { label: "Segment 5 = ~ {x}", answers: ["ACK/1", 'a"b#c'] },
  ],
};

/** One question of each answer shape, two seeds for the ordering one. */
export function bank(): ExportBank {
  const q = (id: string, variants: ExportVariant[]) => ({ template: template(id), variants });
  return {
    title: 'Closing / =HYPERLINK("x") 关闭',
    questions: [
      q("active-close-states", [
        variant("active-close-states", 1, ordering),
        variant("active-close-states", 2, ordering, { name: '=HYPERLINK("http://x") 状态' }),
      ]),
      q("accept-queue-overflow-leave", [variant("accept-queue-overflow-leave", 7, numerical, { given: "" })]),
      q("fin-wait-2-timeout-rst", [variant("fin-wait-2-timeout-rst", 3, multichoice, { name: TRICKY })]),
      q("handshake-next", [variant("handshake-next", 4, oneBlank, { feedback: "" })]),
      q("combined-fin-ack-segments", [variant("combined-fin-ack-segments", 5, blanks)]),
    ],
  };
}

export const bytes = (text: string) => new TextEncoder().encode(text);
export const bodyText = (body: string | Uint8Array) => (typeof body === "string" ? body : new TextDecoder().decode(body));
