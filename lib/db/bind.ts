// Services and queries take the database as their first argument, so the integration suite
// runs the same code on SQLite and PostgreSQL in one process. The app's pages, actions and
// route handlers use them bound to the app's database (`bound(db, {...})` in each domain's
// index.ts), and never import the client themselves (eslint.config.mjs).
import type { Db } from "./client";

type Unbound = (db: Db, ...args: never[]) => unknown;
export type Bound<F> = F extends (db: Db, ...args: infer A) => infer R ? (...args: A) => R : never;

export function bound<T extends Record<string, Unbound>>(db: Db, fns: T): { [K in keyof T]: Bound<T[K]> } {
  return Object.fromEntries(Object.entries(fns).map(([name, fn]) => [name, (...args: never[]) => fn(db, ...args)])) as {
    [K in keyof T]: Bound<T[K]>;
  };
}
