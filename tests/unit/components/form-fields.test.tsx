// A form that comes back with an error keeps what the person typed: the field's server-side
// default (an invited person's name guessed from their email) never replaces it.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field } from "@/components/form-fields";

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
