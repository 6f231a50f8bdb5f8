// A form that comes back with an error keeps what the person typed: the field's server-side
// default (an invited person's name guessed from their email) never replaces it.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, SaveRow } from "@/components/form-fields";

describe("Field", () => {
  it("shows the typed value after a failed submit, not its default", () => {
    const html = renderToStaticMarkup(
      <Field name="name" label="Your name" defaultValue="grace" state={{ ok: false, values: { name: "Grace Hopper" } }} />,
    );
    expect(html).toContain('value="Grace Hopper"');
    expect(html).not.toContain('value="grace"');
  });

  it("shows the default before anything was submitted", () => {
    expect(renderToStaticMarkup(<Field name="name" label="Your name" defaultValue="grace" state={{ ok: true }} />)).toContain(
      'value="grace"',
    );
  });

  it("never puts a password back into the page", () => {
    const html = renderToStaticMarkup(
      <Field name="password" label="Password" type="password" state={{ ok: false, values: { password: "hunter22" } }} />,
    );
    expect(html).not.toContain("hunter22");
  });
});

describe("SaveRow", () => {
  const row = (props: Partial<Parameters<typeof SaveRow>[0]>) =>
    renderToStaticMarkup(<SaveRow busy={false} label="Save" busyLabel="Saving…" outcome={null} {...props} />);

  it("announces a save that went well politely and a refusal at once", () => {
    expect(row({ outcome: { ok: true, text: "Saved." } })).toMatch(/<p role="status"[^>]*>Saved\.<\/p>/);
    expect(row({ outcome: { ok: false, text: "Weight must be 0 to 100." } })).toMatch(
      /<p role="alert"[^>]*>Weight must be 0 to 100\.<\/p>/,
    );
  });

  it("says the save is under way and takes no second click meanwhile", () => {
    const html = row({ busy: true });
    expect(html).toContain("Saving…");
    expect(html).toMatch(/<button[^>]*disabled=""/);
  });

  it("has no button for a reader who may not change anything, and says nothing before a save", () => {
    expect(row({ editable: false })).toBe("");
  });
});
