// A template that cannot be used: invalid JSON, or a variant that cannot ask what it asks
// (e.g. fewer segments on the wire than the template gives away).
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}
