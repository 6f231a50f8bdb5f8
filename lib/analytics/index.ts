// Analytics, for the app: bound to the app's database (see lib/db/bind.ts). Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { itemAnalytics, quizOptions } from "./items";

export const analytics = bound(db, { items: itemAnalytics, quizzes: quizOptions });
export type { AnalyticsQuizOption, GroupRow, ItemAnalytics, ItemRow, SectionRow } from "./schemas";
