// Bring your own capture (/sandbox/capture): a student uploads a real capture (the files in
// tests/fixtures/captures), picks a connection and a vantage, and sees the engine's ladder
// beside the captured segments with a verdict per segment and its reason; a bad file is
// refused in words; a drop works like the file picker; the page reads in Chinese, fits a
// phone and passes axe; the API route takes the file's bytes under a limit. An instructor
// makes a question from a capture (the editor opens with it as the draft); a student cannot.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { decodeShared } from "../../lib/authoring/share";
import { expectAccessible, signIn } from "./helpers";

const CAPTURES = join(import.meta.dirname, "../fixtures/captures");
const capture = (name: string) => join(CAPTURES, name);

async function openAsStudent(page: Page) {
  await signIn(page, "ada@synack.test", undefined, "/sandbox/capture");
  await expect(page.getByRole("heading", { level: 1, name: "Bring your own capture" })).toBeVisible();
}

test("signed out, the capture page sends the visitor to sign in and back", async ({ page }) => {
  await page.goto("/sandbox/capture");
  await expect(page).toHaveURL(/\/login\?next=%2Fsandbox%2Fcapture/);
  await page.getByLabel("Email").fill("ada@synack.test");
  await page.getByLabel("Password").fill("synack-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sandbox\/capture$/);
});

test("a student uploads a capture of two connections, compares one, changes the vantage and opens it in the sandbox", async ({ page }) => {
  await openAsStudent(page);
  await expectAccessible(page);

  await page.getByLabel("Capture file (pcap or pcapng)").setInputFiles(capture("two-interfaces.pcapng"));
  await expect(page.getByText("two-interfaces.pcapng: a pcapng file of 18 frames.")).toBeVisible();
  const connections = page.getByRole("table", { name: "The TCP connections in two-interfaces.pcapng" });
  await expect(connections.getByRole("row")).toHaveCount(3);
  await expect(connections.getByRole("row").nth(2)).toContainText("10.77.0.1 port 40972");
  await expect(connections.getByRole("row").nth(2)).toContainText("725.9 ms");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Compare connection 2" }).click();
  await expect(page.getByRole("heading", { name: "Connection 2 against the engine" })).toBeVisible();
  await expect(page.getByText("9 of 9 segments agree")).toBeVisible();
  await expect(page.getByText("the client (from the handshake's timing)")).toBeVisible();
  await expect(page.getByText("One-way latency 51 ms: half the 102.148 ms from the SYN to the handshake's ACK.")).toBeVisible();
  await expect(page.getByRole("img", { name: /The engine's ladder: a ladder diagram/ })).toBeVisible();
  const segments = page.getByRole("table", { name: "The captured segments beside the engine's" });
  await expect(segments.getByRole("row")).toHaveCount(10);
  await expect(segments.getByText("agrees", { exact: true })).toHaveCount(9);
  // The SYN+ACK, frame 11 of the merged file, as both saw it.
  await expect(segments.getByRole("row").nth(2)).toContainText("SYN+ACK seq=1445492270 ack=1550007271");
  await expectAccessible(page);

  // Seen from the wrong side, the far side's segments are one latency off, and the rows say so.
  await page.getByRole("radio", { name: "At the server" }).check();
  await expect(page.getByText("the server", { exact: true })).toBeVisible();
  await expect(page.getByText("9 of 9 segments agree")).toBeHidden();
  await expect(segments.getByText("seen at 102.1 ms in the capture, 0.0 ms in the engine (more than 50 ms apart)")).toBeVisible();
  await expect(segments.getByText("differs", { exact: true }).first()).toBeVisible();

  await page.getByRole("radio", { name: "Where the handshake's timing says" }).check();
  await expect(page.getByText("9 of 9 segments agree")).toBeVisible();
  // Students are given no way to make a question of it.
  await expect(page.getByRole("heading", { name: "Make a question from this capture" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Open in the question editor" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/capture.png", fullPage: true });
  const link = page.getByRole("link", { name: "Open in the sandbox" });
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/sandbox\?s=[A-Za-z0-9_-]+$/);
  const scenario = decodeShared(new URL(href, "http://x").searchParams.get("s")) as { endpoints: unknown; profile: string };
  expect(scenario.profile).toBe("linux");
  expect(scenario.endpoints).toEqual({ client: { isn: 1550007270 }, server: { isn: 1445492270 } });
});

test("a dropped capture is read like a chosen one; a file that is not a capture, or holds no TCP, is refused in words", async ({
  page,
}) => {
  await openAsStudent(page);
  const bytes = readFileSync(capture("relayed-lost-fin.pcapng")).toString("base64");
  const transfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    dt.items.add(new File([raw], "lost-fin.pcapng"));
    return dt;
  }, bytes);
  await page.getByRole("group", { name: "Drop a capture file here" }).dispatchEvent("drop", { dataTransfer: transfer });
  // One connection: compared at once, its lost FIN read as a drop.
  await expect(page.getByText("10 of 10 segments agree")).toBeVisible();
  await expect(page.getByText("Frame 9 retransmits frame 6: frame 6 was lost (drop the 1st FIN+ACK from the client).")).toBeVisible();
  await expect(page.getByRole("table", { name: "The captured segments beside the engine's" })).toContainText("FIN+ACK");

  const input = page.getByLabel("Capture file (pcap or pcapng)");
  await input.setInputFiles(capture("no-tcp-udp.pcap"));
  // Next.js's route announcer is an alert too: the file's is the one beside the field, and describes it.
  const problem = page.getByRole("alert").filter({ hasText: "could not be read" });
  await expect(problem).toHaveText("no-tcp-udp.pcap could not be read: The capture holds no TCP segment.");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveAccessibleDescription(/no-tcp-udp\.pcap could not be read: The capture holds no TCP segment\.$/);
  await expect(page.getByRole("heading", { name: "Connections" })).toBeHidden();

  await input.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a capture at all") });
  await expect(problem).toContainText("notes.txt could not be read: This is not a packet capture");
  await expectAccessible(page);
});

test("in Chinese, on a phone: the page and the reasons read in Chinese and nothing scrolls the page sideways", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await openAsStudent(page);
  await context.addCookies([{ name: "synack-locale", value: "zh-CN", url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "导入自己的抓包" })).toBeVisible();
  await page.getByLabel("抓包文件（PCAP 或 PCAPNG）").setInputFiles(capture("relayed-close-nano.pcap"));
  await expect(page.getByText("9 个报文段中有 9 个一致")).toBeVisible();
  await page.getByRole("radio", { name: "在服务器" }).check();
  await expect(page.getByText("抓包中在 102.1 ms 看到，引擎中在 0.0 ms（相差超过 50 ms）")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/zh-capture-phone.png", fullPage: true });
  await expectAccessible(page);
  await context.close();
});

test("POST /api/v1/captures takes the file's bytes: 401 signed out, 415 for JSON, 413 over the limit, 200 with the comparison", async ({
  page,
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const signedOut = await anonymous.post("/api/v1/captures", {
    headers: { "content-type": "application/octet-stream" },
    data: readFileSync(capture("relayed-close-nano.pcap")),
  });
  expect(signedOut.status()).toBe(401);
  await anonymous.dispose();

  await openAsStudent(page);
  const origin = new URL(page.url()).origin;
  const post = (type: string, data: Buffer, query = "") =>
    page.request.post(`/api/v1/captures${query}`, { headers: { Origin: origin, "content-type": type }, data });

  const json = await post("application/json", Buffer.from("{}"));
  expect(json.status()).toBe(415);
  expect((await json.json()).message).toBe("Send the capture's bytes as the body, declared application/octet-stream.");

  const tooLarge = await post("application/octet-stream", Buffer.alloc(16 * 1024 * 1024 + 1));
  expect(tooLarge.status()).toBe(413);

  const notThere = await post("application/octet-stream", readFileSync(capture("two-interfaces.pcapng")), "?connection=3");
  expect(notThere.status()).toBe(422);
  expect((await notThere.json()).message).toBe("The capture has no such connection: pick one from the list.");

  const ok = await post("application/vnd.tcpdump.pcap", readFileSync(capture("two-interfaces.pcapng")), "?connection=1&vantage=client");
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.connections).toHaveLength(2);
  expect(body.analysis.connection).toBe(1);
  expect(body.analysis.vantage).toBe("client");
  expect(body.analysis.rows).toHaveLength(9);
});

test("an instructor makes a question from a capture: K given segments, then the editor opens with the draft and previews it", async ({
  page,
}) => {
  await signIn(page, "instructor@synack.test", undefined, "/sandbox/capture");
  await page.getByLabel("Capture file (pcap or pcapng)").setInputFiles(capture("relayed-close-nano.pcap"));
  await expect(page.getByText("9 of 9 segments agree")).toBeVisible();
  const section = page.getByRole("region", { name: "Make a question from this capture" });
  await expect(section).toBeVisible();
  await expect(section.getByLabel("Ask the students for")).toHaveValue("next");
  const given = section.getByLabel("Segments given before the one asked for");
  // By default all but the last captured segment are given.
  await expect(given).toHaveValue("8");
  await expect(given).toHaveAccessibleDescription(/^From 0 to 8: the engine sends 9 segments/);
  await given.fill("9");
  await expect(section.getByText("Enter a whole number from 0 to 8.")).toBeVisible();
  await expect(given).toHaveAttribute("aria-invalid", "true");
  await expect(section.getByRole("link", { name: "Open in the question editor" })).toHaveCount(0);
  await given.fill("3");
  await section.getByLabel("Title").fill("The captured close");
  await expectAccessible(page);

  const link = section.getByRole("link", { name: "Open in the question editor" });
  const url = new URL((await link.getAttribute("href"))!, "http://x");
  expect(url.pathname).toMatch(/^\/courses\/[^/]+\/banks\/[^/]+\/questions\/new$/);
  const draft = decodeShared(url.searchParams.get("draft")) as Record<string, unknown>;
  expect(draft).toMatchObject({
    family: "custom",
    params: {},
    ask: { kind: "next", given: 3 },
    title: "The captured close",
    prompt: expect.stringContaining("You see its first 3 segments."),
    scenario: { profile: "linux" },
  });

  // Both endpoints' final states instead: nothing given, nothing to count.
  await section.getByLabel("Ask the students for").selectOption("final-state");
  await expect(given).toHaveCount(0);
  const finalUrl = new URL((await link.getAttribute("href"))!, "http://x");
  expect(decodeShared(finalUrl.searchParams.get("draft"))).toMatchObject({ ask: { kind: "final-state", endpoints: ["client", "server"] } });
  await section.getByLabel("Ask the students for").selectOption("next");
  await given.fill("3");

  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: "New question" })).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("The captured close");
  await page.getByLabel("Question id").fill(`captured-close-${Date.now().toString(36)}`);
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");
  // The student's view: the first three captured segments, and the next one asked for.
  const preview = page.getByRole("region", { name: "What a student sees" });
  const shown = preview.getByRole("table", { name: "The segments so far" });
  await expect(shown.getByRole("row")).toHaveCount(4);
  await expect(shown.getByRole("row").nth(2)).toContainText(/SYN.?ACK/);
  await expectAccessible(page);
});
