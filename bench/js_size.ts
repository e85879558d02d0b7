/**
 * 7. JavaScript shipped by the pages with islands (`/reveal`, `/looks`,
 * `/wardrobe`), gzipped, and by pages with no islands.
 *
 * The pages are rendered by the app (in this process, over HTTP) and every
 * script they load is counted: `<script src>` and `<link rel=modulepreload>`
 * from static/build/, plus anything those files import statically (a page
 * would fetch it too). Each file is gzipped on its own with
 * `CompressionStream("gzip")`, as the server's compression sends it.
 * Inline scripts are counted by their text.
 */
import { BUILD_DIR } from "../lib/islands.ts";
import { startTestServer } from "../tests/helpers/server.ts";
import type { Result } from "./stats.ts";
import { serverDay } from "../lib/client/days.ts";

/** Pages the README promises ship no JavaScript at all. */
const WITHOUT_ISLANDS = ["/", "/consider-buying"];
/** Per page with islands (the product issues' budget since the looks). */
const GOAL_BYTES = 16 * 1024;

export async function jsSize(_: { quick: boolean }) {
  await using server = await startTestServer();
  const shopper = server.client();
  const jobId = await shopper.generate({
    mode: "occasion",
    occasions: ["work"],
    include_reasoning: false,
    parallel: false,
  });
  // A kept look, so /looks shows its island (with none it ships nothing).
  await shopper.events(jobId);
  const kept = await shopper.send("POST", "/api/looks", {
    job_id: jobId,
    outfit_number: 1,
    saved: true,
  });
  if (kept.status !== 201) throw new Error(`Saving a look: ${kept.status}`);
  // A trip's reveal page adds its packing list island.
  const tripId = await shopper.generate({
    mode: "trip",
    place: "Oslo",
    start_date: serverDay(),
    days: 5,
    occasions: ["work"],
  });
  await shopper.events(tripId);
  const results: Result[] = [];
  for (
    const [id, path] of [
      ["reveal", `/reveal?job=${jobId}`],
      ["reveal_trip", `/reveal?job=${tripId}`],
      ["looks", "/looks"],
      ["wardrobe", "/wardrobe"],
    ]
  ) {
    const page = await pageScripts(shopper, path);
    results.push({
      id: `js_${id}_gzip`,
      metric: `JS shipped by ${path.split("?")[0]}${
        id === "reveal_trip" ? " of a trip" : ""
      }, gzip`,
      unit: "B",
      value: page.gzip,
      goal: "≤ 16 KB (16,384 B)",
      pass: page.gzip <= GOAL_BYTES,
      note: `${page.files.length} files, ${page.raw} B minified`,
    });
  }
  for (const path of WITHOUT_ISLANDS) {
    const page = await pageScripts(shopper, path);
    results.push({
      id: `js_${path === "/" ? "home" : path.slice(1)}_gzip`,
      metric: `JS shipped by ${path}, gzip`,
      unit: "B",
      value: page.gzip,
      goal: "0",
      pass: page.gzip === 0,
      note: page.files.length ? page.files.join(", ") : "no <script>",
    });
  }
  return results;
}

type Fetcher = { fetch(path: string): Promise<Response> };

async function pageScripts(client: Fetcher, path: string) {
  const res = await client.fetch(path);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  const html = await res.text();
  const files = new Set<string>();
  let inline = "";
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const attrs = tag[0];
    const src = /\b(?:src|href)="\/static\/build\/([^"]+\.js)"/.exec(attrs);
    if (src && (tag[1] === "script" || /modulepreload/.test(attrs))) {
      files.add(src[1]);
    }
  }
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    inline += m[1];
  }
  // What the listed files import statically is loaded too.
  for (const file of files) {
    const text = await Deno.readTextFile(new URL(file, BUILD_DIR));
    for (const m of text.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) {
      files.add(m[1]);
    }
  }
  let raw = new TextEncoder().encode(inline).length;
  let gzip = inline ? await gzipSize(new TextEncoder().encode(inline)) : 0;
  for (const file of files) {
    const bytes = await Deno.readFile(new URL(file, BUILD_DIR));
    raw += bytes.length;
    gzip += await gzipSize(bytes);
  }
  return { files: [...files], raw, gzip };
}

async function gzipSize(bytes: Uint8Array<ArrayBuffer>): Promise<number> {
  const stream = new Blob([bytes]).stream()
    .pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}
