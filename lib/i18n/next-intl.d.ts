// Typed message ids for next-intl: `t("common.nav.practice")` is checked against the English catalog.
import type { Messages } from "../../messages";
import type { Locale } from "./locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
