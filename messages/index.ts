// The catalogs: one per language, kept as one JSON file per namespace so that each part of
// the product owns its messages. English is the reference: its shape is the type of every
// message id (lib/i18n/msg.ts), and tests/unit/i18n checks the other catalog has the same keys.
import type { Locale } from "@/lib/i18n/locales";
import en_common from "./en/common.json" with { type: "json" };
import en_auth from "./en/auth.json" with { type: "json" };
import en_account from "./en/account.json" with { type: "json" };
import en_admin from "./en/admin.json" with { type: "json" };
import en_errors from "./en/errors.json" with { type: "json" };
import en_courses from "./en/courses.json" with { type: "json" };
import en_roster from "./en/roster.json" with { type: "json" };
import en_quizzes from "./en/quizzes.json" with { type: "json" };
import en_attempt from "./en/attempt.json" with { type: "json" };
import en_practice from "./en/practice.json" with { type: "json" };
import en_question from "./en/question.json" with { type: "json" };
import en_answers from "./en/answers.json" with { type: "json" };
import en_feedback from "./en/feedback.json" with { type: "json" };
import en_tcp from "./en/tcp.json" with { type: "json" };
import en_rules from "./en/rules.json" with { type: "json" };
import en_families from "./en/families.json" with { type: "json" };
import en_setup from "./en/setup.json" with { type: "json" };
import en_timeline from "./en/timeline.json" with { type: "json" };
import en_capture from "./en/capture.json" with { type: "json" };
import en_scenarioTemplate from "./en/scenarioTemplate.json" with { type: "json" };
import en_quizBuilder from "./en/quizBuilder.json" with { type: "json" };
import en_tokens from "./en/tokens.json" with { type: "json" };
import en_editor from "./en/editor.json" with { type: "json" };
import en_banks from "./en/banks.json" with { type: "json" };
import en_sandbox from "./en/sandbox.json" with { type: "json" };
import en_gradeChanges from "./en/gradeChanges.json" with { type: "json" };
import en_analytics from "./en/analytics.json" with { type: "json" };
import en_misconceptions from "./en/misconceptions.json" with { type: "json" };
import en_gradebook from "./en/gradebook.json" with { type: "json" };
import en_regrade from "./en/regrade.json" with { type: "json" };
import en_lmsGrades from "./en/lmsGrades.json" with { type: "json" };
import en_rosterImport from "./en/rosterImport.json" with { type: "json" };
import en_bankFormats from "./en/bankFormats.json" with { type: "json" };
import en_bankTransfer from "./en/bankTransfer.json" with { type: "json" };
import en_ltiAdmin from "./en/ltiAdmin.json" with { type: "json" };
import en_ltiLaunch from "./en/ltiLaunch.json" with { type: "json" };
import en_ltiDeepLink from "./en/ltiDeepLink.json" with { type: "json" };
import en_ltiScores from "./en/ltiScores.json" with { type: "json" };
import en_ltiRoster from "./en/ltiRoster.json" with { type: "json" };
import zh_common from "./zh-CN/common.json" with { type: "json" };
import zh_auth from "./zh-CN/auth.json" with { type: "json" };
import zh_account from "./zh-CN/account.json" with { type: "json" };
import zh_admin from "./zh-CN/admin.json" with { type: "json" };
import zh_errors from "./zh-CN/errors.json" with { type: "json" };
import zh_courses from "./zh-CN/courses.json" with { type: "json" };
import zh_roster from "./zh-CN/roster.json" with { type: "json" };
import zh_quizzes from "./zh-CN/quizzes.json" with { type: "json" };
import zh_attempt from "./zh-CN/attempt.json" with { type: "json" };
import zh_practice from "./zh-CN/practice.json" with { type: "json" };
import zh_question from "./zh-CN/question.json" with { type: "json" };
import zh_answers from "./zh-CN/answers.json" with { type: "json" };
import zh_feedback from "./zh-CN/feedback.json" with { type: "json" };
import zh_tcp from "./zh-CN/tcp.json" with { type: "json" };
import zh_rules from "./zh-CN/rules.json" with { type: "json" };
import zh_families from "./zh-CN/families.json" with { type: "json" };
import zh_setup from "./zh-CN/setup.json" with { type: "json" };
import zh_timeline from "./zh-CN/timeline.json" with { type: "json" };
import zh_capture from "./zh-CN/capture.json" with { type: "json" };
import zh_scenarioTemplate from "./zh-CN/scenarioTemplate.json" with { type: "json" };
import zh_quizBuilder from "./zh-CN/quizBuilder.json" with { type: "json" };
import zh_tokens from "./zh-CN/tokens.json" with { type: "json" };
import zh_editor from "./zh-CN/editor.json" with { type: "json" };
import zh_banks from "./zh-CN/banks.json" with { type: "json" };
import zh_sandbox from "./zh-CN/sandbox.json" with { type: "json" };
import zh_gradeChanges from "./zh-CN/gradeChanges.json" with { type: "json" };
import zh_analytics from "./zh-CN/analytics.json" with { type: "json" };
import zh_misconceptions from "./zh-CN/misconceptions.json" with { type: "json" };
import zh_gradebook from "./zh-CN/gradebook.json" with { type: "json" };
import zh_regrade from "./zh-CN/regrade.json" with { type: "json" };
import zh_lmsGrades from "./zh-CN/lmsGrades.json" with { type: "json" };
import zh_rosterImport from "./zh-CN/rosterImport.json" with { type: "json" };
import zh_bankFormats from "./zh-CN/bankFormats.json" with { type: "json" };
import zh_bankTransfer from "./zh-CN/bankTransfer.json" with { type: "json" };
import zh_ltiAdmin from "./zh-CN/ltiAdmin.json" with { type: "json" };
import zh_ltiLaunch from "./zh-CN/ltiLaunch.json" with { type: "json" };
import zh_ltiDeepLink from "./zh-CN/ltiDeepLink.json" with { type: "json" };
import zh_ltiScores from "./zh-CN/ltiScores.json" with { type: "json" };
import zh_ltiRoster from "./zh-CN/ltiRoster.json" with { type: "json" };

const en = {
  common: en_common,
  auth: en_auth,
  account: en_account,
  admin: en_admin,
  errors: en_errors,
  courses: en_courses,
  roster: en_roster,
  quizzes: en_quizzes,
  attempt: en_attempt,
  practice: en_practice,
  question: en_question,
  answers: en_answers,
  feedback: en_feedback,
  tcp: en_tcp,
  rules: en_rules,
  families: en_families,
  setup: en_setup,
  timeline: en_timeline,
  capture: en_capture,
  scenarioTemplate: en_scenarioTemplate,
  quizBuilder: en_quizBuilder,
  tokens: en_tokens,
  editor: en_editor,
  banks: en_banks,
  sandbox: en_sandbox,
  gradeChanges: en_gradeChanges,
  analytics: en_analytics,
  misconceptions: en_misconceptions,
  gradebook: en_gradebook,
  regrade: en_regrade,
  lmsGrades: en_lmsGrades,
  rosterImport: en_rosterImport,
  bankFormats: en_bankFormats,
  bankTransfer: en_bankTransfer,
  ltiAdmin: en_ltiAdmin,
  ltiLaunch: en_ltiLaunch,
  ltiDeepLink: en_ltiDeepLink,
  ltiScores: en_ltiScores,
  ltiRoster: en_ltiRoster,
};

export type Messages = typeof en;

/** The namespaces, in the order above: what the parity test walks. */
export const NAMESPACES = Object.keys(en) as (keyof Messages)[];

// zh-CN is typed as a loose tree here; the parity test proves it has the English shape.
const zh = {
  common: zh_common,
  auth: zh_auth,
  account: zh_account,
  admin: zh_admin,
  errors: zh_errors,
  courses: zh_courses,
  roster: zh_roster,
  quizzes: zh_quizzes,
  attempt: zh_attempt,
  practice: zh_practice,
  question: zh_question,
  answers: zh_answers,
  feedback: zh_feedback,
  tcp: zh_tcp,
  rules: zh_rules,
  families: zh_families,
  setup: zh_setup,
  timeline: zh_timeline,
  capture: zh_capture,
  scenarioTemplate: zh_scenarioTemplate,
  quizBuilder: zh_quizBuilder,
  tokens: zh_tokens,
  editor: zh_editor,
  banks: zh_banks,
  sandbox: zh_sandbox,
  gradeChanges: zh_gradeChanges,
  analytics: zh_analytics,
  misconceptions: zh_misconceptions,
  gradebook: zh_gradebook,
  regrade: zh_regrade,
  lmsGrades: zh_lmsGrades,
  rosterImport: zh_rosterImport,
  bankFormats: zh_bankFormats,
  bankTransfer: zh_bankTransfer,
  ltiAdmin: zh_ltiAdmin,
  ltiLaunch: zh_ltiLaunch,
  ltiDeepLink: zh_ltiDeepLink,
  ltiScores: zh_ltiScores,
  ltiRoster: zh_ltiRoster,
} as unknown as Messages;

export const catalogs: Record<Locale, Messages> = { en, "zh-CN": zh };
