// A file fetched by the page (so that a refusal can be shown beside the form, not as a browser
// error page) handed to the browser as a download, under the name the server gave it.

/** Saves the response's body as a file; returns the file's name (the header's, else `fallback`). */
export async function saveDownload(response: Response, fallback: string): Promise<string> {
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallback;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob only after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
