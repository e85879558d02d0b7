/**
 * The benchmark suite: runs every measurement in one process on this
 * machine, prints one table (metric, p50 / p95 / p99 or a value, the goal,
 * met or missed) and writes bench/results.json. Numbers are reported, never
 * gated: the exit status says only whether every benchmark ran.
 *
 *   deno task bench                  the full run (≤ 3 min on 2 cores)
 *   deno task bench --quick          fewer samples (< 30 s), CI's smoke test
 *   deno task bench --only=delivery,js_size
 *
 * `BENCH_SERVER_ARGS="--v8-flags=--prof"` passes flags to the server
 * processes (fan-out, throughput) to profile them.
 */
import { delivery } from "./delivery.ts";
import { fanout } from "./fanout.ts";
import { firstEvent } from "./first_event.ts";
import { jsSize } from "./js_size.ts";
import { model } from "./model.ts";
import { PACE } from "./pace.ts";
import { shareImage } from "./share_image.ts";
import { stylistQuality } from "./stylist_quality.ts";
import { verdict } from "./verdict.ts";
import type { Result } from "./stats.ts";
import { throughput } from "./throughput.ts";

type Bench = (options: { quick: boolean }) => Promise<Result[]>;

/** In the order they run; the noisiest (other processes) last. */
const SUITES: Record<string, Bench> = {
  js_size: jsSize,
  stylist_quality: stylistQuality,
  verdict,
  share_image: shareImage,
  first_event: firstEvent,
  delivery,
  model,
  throughput,
  fanout,
};

const quick = Deno.args.includes("--quick");
const only = Deno.args.find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length).split(",");
const unknown = only?.filter((name) => !(name in SUITES)) ?? [];
if (unknown.length) {
  console.error(
    `Unknown benchmark "${unknown.join(", ")}": expected ${
      Object.keys(SUITES).join(", ")
    }`,
  );
  Deno.exit(2);
}

// Other work on the machine skews every number: say how busy it was.
const loadBefore = Deno.loadavg();
const started = performance.now();
const results: Result[] = [];
const failed: string[] = [];
for (const [name, bench] of Object.entries(SUITES)) {
  if (only && !only.includes(name)) continue;
  const t0 = performance.now();
  try {
    results.push(...await bench({ quick }));
    console.log(`${name} ${seconds(t0)}`);
  } catch (err) {
    failed.push(name);
    console.error(`${name} failed after ${seconds(t0)}:`, err);
  }
}
const wall = (performance.now() - started) / 1000;

console.log();
console.log(table(results));
const missed = results.filter((r) => r.pass === false).map((r) => r.id);
console.log(
  `\n${quick ? "Quick run" : "Full run"} in ${wall.toFixed(0)} s (load ${
    loadBefore[0].toFixed(1)
  } before); ${
    results.filter((r) => r.pass).length
  } goals met, ${missed.length} missed${
    missed.length ? ` (${missed.join(", ")})` : ""
  }${failed.length ? `; FAILED: ${failed.join(", ")}` : ""}`,
);

const file = new URL("results.json", import.meta.url);
await Deno.writeTextFile(
  file,
  JSON.stringify(
    {
      generated_at: new Date().toISOString(),
      quick,
      wall_s: Math.round(wall * 10) / 10,
      machine: {
        cpus: navigator.hardwareConcurrency,
        loadavg_before: loadBefore,
        loadavg_after: Deno.loadavg(),
        os: `${Deno.build.os} ${Deno.build.arch}`,
        deno: Deno.version.deno,
      },
      commit: await gitHead(),
      model_pace: PACE,
      failed,
      results,
    },
    null,
    2,
  ) + "\n",
);
console.log(`Wrote ${decodeURIComponent(file.pathname)}`);
if (failed.length) Deno.exitCode = 1;

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

async function gitHead(): Promise<string | null> {
  try {
    const { success, stdout } = await new Deno.Command("git", {
      args: ["rev-parse", "--short", "HEAD"],
      stdout: "piped",
      stderr: "null",
    }).output();
    return success ? new TextDecoder().decode(stdout).trim() : null;
  } catch {
    return null;
  }
}

/** A plain-text table, also valid Markdown. */
export function table(rows: Result[]): string {
  const body = rows.map((r) => {
    const s = r.summary;
    const value = r.value === undefined ? "" : format(r.value, r.unit);
    return [
      r.metric,
      s ? format(s.p50, r.unit) : value,
      s ? format(s.p95, r.unit) : "",
      s ? format(s.p99, r.unit) : "",
      r.goal ?? "",
      r.pass === undefined ? "" : r.pass ? "met" : "MISSED",
      [s ? `n=${s.n}` : "", r.note ?? ""].filter(Boolean).join("; "),
    ];
  });
  const head = ["metric", "p50 / value", "p95", "p99", "goal", "", "notes"];
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((row) => row[i].length))
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...body.map(line),
  ].join("\n");
}

function format(n: number, unit: Result["unit"]): string {
  if (!Number.isFinite(n)) return "–";
  switch (unit) {
    case "ms":
      return `${
        n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)
      } ms`;
    case "%":
      return `${n.toFixed(1)} %`;
    case "×":
      return `${n.toFixed(0)}×`;
    case "jobs/s":
      return `${n.toFixed(1)} jobs/s`;
    case "MB":
      return `${n.toFixed(0)} MB`;
    case "B":
      return `${n.toLocaleString("en-US")} B`;
    case "n":
      return Number.isInteger(n) ? String(n) : n.toFixed(2);
  }
}
