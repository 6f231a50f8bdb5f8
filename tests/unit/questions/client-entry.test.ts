// The browser bundle: components reach the questions and the grader only through their
// client entries (lib/questions/client.ts, lib/grading/client.ts), and nothing a component
// loads at run time pulls in the starter library, the scenario families, the simulator or
// the server-side kind modules. Walks the real imports (type-only ones are erased).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? join(dirname(from), specifier)
      : null;
  if (base === null) return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${relative(ROOT, from)}: cannot resolve ${specifier}`);
}

/** The imports of a file that survive compilation, as written. */
function runtimeImports(file: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    false,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: { specifier: string; typeOnly: boolean }[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      const typeOnly = Boolean(
        clause && (clause.isTypeOnly || (!clause.name && named && named.length > 0 && named.every((e) => e.isTypeOnly))),
      );
      out.push({ specifier: statement.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const named = statement.exportClause && ts.isNamedExports(statement.exportClause) ? statement.exportClause.elements : null;
      const typeOnly = statement.isTypeOnly || Boolean(named && named.length > 0 && named.every((e) => e.isTypeOnly));
      out.push({ specifier: statement.moduleSpecifier.text, typeOnly });
    }
  }
  return out;
}

// A server action reaches the browser as a reference, not as code.
const isServerModule = (file: string) => /^\s*["']use server["']/.test(readFileSync(file, "utf8"));

/** Every repository module loaded at run time from `entries`, with the chain that reaches it. */
function closure(entries: string[]): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const queue = entries.map((file) => [file]);
  while (queue.length) {
    const chain = queue.shift()!;
    const file = chain[chain.length - 1];
    if (reached.has(file)) continue;
    reached.set(file, chain);
    if (isServerModule(file) || !/\.tsx?$/.test(file)) continue;
    for (const { specifier, typeOnly } of runtimeImports(file)) {
      if (typeOnly) continue;
      const target = resolve(file, specifier);
      if (target) queue.push([...chain, target]);
    }
  }
  return reached;
}

const FORBIDDEN = [
  /^lib\/questions\/library/,
  /^lib\/questions\/kinds\//,
  /^lib\/questions\/index\.ts$/,
  /^lib\/scenarios\//,
  /^lib\/tcp\/(simulate|endpoint|scenario|profiles|index)\.ts$/,
  /^lib\/grading\/(grade|index)\.ts$/,
];

describe("client entry points", () => {
  const components = files(join(ROOT, "components"));

  it("components import lib/questions and lib/grading only through their client entries", () => {
    const wrong: string[] = [];
    for (const file of components) {
      for (const { specifier } of runtimeImports(file)) {
        if (/^@\/lib\/(questions|grading)(\/|$)/.test(specifier) && !/^@\/lib\/(questions|grading)\/client$/.test(specifier))
          wrong.push(`${relative(ROOT, file)}: ${specifier}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("nothing a component loads pulls in the library, the families, the simulator or the grader", () => {
    const reached = closure([...components, join(ROOT, "lib/questions/client.ts"), join(ROOT, "lib/grading/client.ts")]);
    const bad = [...reached]
      .filter(([file]) => FORBIDDEN.some((re) => re.test(relative(ROOT, file))))
      .map(([, chain]) => chain.map((f) => relative(ROOT, f)).join(" → "));
    expect(bad).toEqual([]);
    // The walk does follow imports: the client entry's own pieces are reached.
    expect([...reached.keys()].map((f) => relative(ROOT, f))).toEqual(
      expect.arrayContaining(["lib/questions/state-names.ts", "lib/tcp/trace.ts", "lib/tcp/flags.ts"]),
    );
  });
});
