// An author's words in Markdown: a question's prompt and explanation. CommonMark (emphasis,
// code, lists, links, quotes) rendered by react-markdown, then sanitized by rehype-sanitize
// (GitHub's allow-list) so nothing an author types runs in a student's browser: raw HTML is
// dropped, never rendered, and a `javascript:` link loses its target. Links open with
// rel="noopener noreferrer". Headings are shown as bold paragraphs, so a prompt cannot break
// the page's heading outline; images are shown as their description (a question page loads
// nothing from elsewhere). Code blocks wrap instead of scrolling, to fit a 360 px screen.
import type { ComponentProps, ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

const heading = ({ children }: { children?: ReactNode }) => <p className="font-semibold text-slate-900">{children}</p>;

const components: Components = {
  h1: heading,
  h2: heading,
  h3: heading,
  h4: heading,
  h5: heading,
  h6: heading,
  a: ({ href, children }: ComponentProps<"a">) => (
    <a href={href} rel="noopener noreferrer" className="text-accent-700 underline">
      {children}
    </a>
  ),
  img: ({ alt }: ComponentProps<"img">) => (alt ? <span className="italic">{alt}</span> : null),
  ul: ({ children }) => <ul className="list-disc space-y-1 pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal space-y-1 pl-5">{children}</ol>,
  blockquote: ({ children }) => <blockquote className="border-l-4 border-slate-300 pl-3 text-slate-600">{children}</blockquote>,
  code: ({ children }) => <code className="rounded bg-slate-100 px-1 font-mono text-[0.9em]">{children}</code>,
  pre: ({ children }) => (
    <pre className="whitespace-pre-wrap break-words rounded-lg bg-slate-100 p-3 font-mono text-sm [&>code]:bg-transparent [&>code]:p-0">
      {children}
    </pre>
  ),
};

const rehypePlugins = [rehypeSanitize];

export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={`flex flex-col gap-2 break-words ${className ?? ""}`}>
      <ReactMarkdown skipHtml rehypePlugins={rehypePlugins} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
