/**
 * 3. First outfit: when the first `outfit` event reaches the client, as a
 *    share of the job's total time, in sequential and parallel mode.
 * 4. Overhead: the job's total time minus the model stream's own duration.
 *
 * The model is scripted (tests/helpers/fake_openai.ts): an OpenAI-compatible
 * server on loopback that streams a realistic structured answer (three
 * outfits, reasoning first, ~2,000 characters; parallel mode gets one outfit
 * per request) at the fixed pace in bench/pace.ts. The app builds its
 * stylist from the same settings `main.ts` reads (`selectStylists`), so the
 * worker streams through the real `openai` SDK. Timing is the client's:
 * from sending the POST to parsing the `outfit` and `complete` events. The
 * model's stream duration is the fake server's: request received → last
 * byte written (parallel: first request received → last request finished).
 */
import { loadConfig } from "../lib/config.ts";
import type { GenerateRequest, Outfit } from "../lib/schemas.ts";
import { selectStylists } from "../lib/stylist/select.ts";
import {
  chunkText,
  type RecordedRequest,
  startFakeOpenAI,
} from "../tests/helpers/fake_openai.ts";
import { modelAnswer, plannedOutfits } from "../tests/helpers/model_script.ts";
import { startTestServer } from "../tests/helpers/server.ts";
import { readEvents } from "../tests/helpers/sse_client.ts";
import { PACE, PACE_TEXT } from "./pace.ts";
import { mean, type Result, summarize } from "./stats.ts";
import { delay } from "../lib/delay.ts";

type Timing = {
  total: number;
  firstOutfit: number;
  model: number;
  /** POST sent → the model's first request (queue, claim, wardrobe, prompt). */
  before: number;
  /** The model's last byte → `complete` parsed. */
  after: number;
  /** Outfits the built-in stylist had to make (should be none). */
  replaced: number;
};

type Script = { answers: string[]; requests: RecordedRequest[] };

export async function model({ quick }: { quick: boolean }) {
  const scripts = new Map<string, Script>();
  await using fake = await startFakeOpenAI((request) => {
    const text = JSON.stringify(request.body?.messages ?? "");
    const tag = /bench job \d+/.exec(text)?.[0] ?? "";
    const script = scripts.get(tag);
    if (!script) return { status: 400, body: `Unknown job "${tag}"` };
    // Parallel mode: each of a job's requests writes a different outfit.
    const answer = script.answers[script.requests.length] ?? script.answers[0];
    script.requests.push(request);
    return {
      chunks: chunkText(answer, PACE.charsPerDelta),
      paceMs: PACE.paceMs,
      firstDelayMs: PACE.firstDeltaMs,
    };
  });
  const env = new Map([
    ["OPENAI_API_KEY", "sk-bench"],
    ["OPENAI_MODEL", "bench-model"],
    ["OPENAI_BASE_URL", fake.baseURL],
  ]);
  const { stylist, fallback } = selectStylists(
    loadConfig({ get: (name) => env.get(name) }),
  );
  await using server = await startTestServer({ stylist, fallback });

  // Planned once: the built-in stylist's search is CPU-heavy, and this
  // process also runs the app.
  const outfits = await plannedOutfits({
    mode: "occasion",
    occasions: ["date_night"],
    include_reasoning: false,
    parallel: false,
  });
  let next = 0;
  const run = async (parallel: boolean): Promise<Timing> => {
    const tag = `bench job ${++next}`;
    const request: GenerateRequest = {
      mode: "occasion",
      occasions: ["date_night"],
      notes: `${tag}.`,
      include_reasoning: false,
      parallel,
    };
    const script: Script = {
      answers: parallel
        ? outfits.map((outfit) => modelAnswer(request, [outfit]))
        : [modelAnswer(request, outfits)],
      requests: [],
    };
    scripts.set(tag, script);
    const shopper = server.client();
    await shopper.get("/api/wardrobe"); // session and sample wardrobe
    const started = performance.now();
    const jobId = await shopper.generate(request);
    const res = await shopper.stream(jobId);
    let firstOutfit: number | undefined;
    let complete: number | undefined;
    let replaced = 0;
    for await (const event of readEvents(res.body!)) {
      if (event.event === "outfit") {
        firstOutfit ??= performance.now();
        const { outfit } = event.data as { outfit: Outfit };
        if (outfit.source !== "model") replaced++;
      } else if (event.event === "complete") complete = performance.now();
      else if (event.event === "error") {
        throw new Error(`Job "${jobId}" failed: ${JSON.stringify(event.data)}`);
      }
    }
    if (firstOutfit === undefined || complete === undefined) {
      throw new Error(`Job "${jobId}" ended without outfits`);
    }
    const from = Math.min(...script.requests.map((r) => r.receivedAt));
    const to = Math.max(
      ...await Promise.all(
        script.requests.map((r) => r.finished),
      ),
    );
    return {
      total: complete - started,
      firstOutfit: firstOutfit - started,
      model: to - from,
      before: from - started,
      after: complete - to,
      replaced,
    };
  };
  const sequential: Timing[] = [];
  const parallel: Timing[] = [];
  const lane = async (start: number, jobs: boolean[]) => {
    await delay(start);
    for (const isParallel of jobs) {
      (isParallel ? parallel : sequential).push(await run(isParallel));
    }
  };
  if (quick) {
    // Four jobs at once: smoke-test numbers, in the time of one job.
    await Promise.all(
      [false, false, true, true].map((p, i) => lane(i * 300, [p])),
    );
  } else {
    await run(true); // warm-up, not counted
    // Two lanes, each alternating a sequential and a parallel job, so both
    // modes run under the same load; the second lane starts out of step.
    const pairs = [false, true, false, true, false, true];
    await Promise.all([lane(0, pairs), lane(1_300, pairs)]);
  }
  return report(sequential, parallel);
}

function report(sequential: Timing[], parallel: Timing[]): Result[] {
  const pct = (timings: Timing[], part: (t: Timing) => number) =>
    summarize(timings.map((t) => (100 * part(t)) / t.total));
  const firstSeq = pct(sequential, (t) => t.firstOutfit);
  const firstPar = pct(parallel, (t) => t.firstOutfit);
  const overheadSeq = pct(sequential, (t) => t.total - t.model);
  const overheadPar = pct(parallel, (t) => t.total - t.model);
  const totalSeq = mean(sequential.map((t) => t.total));
  const totalPar = mean(parallel.map((t) => t.total));
  const ratio = (100 * totalPar) / totalSeq;
  const replaced = [...sequential, ...parallel].reduce(
    (n, t) => n + t.replaced,
    0,
  );
  const ms = (timings: Timing[], part: (t: Timing) => number) =>
    summarize(timings.map(part));
  return [
    {
      id: "first_outfit_share_sequential",
      metric: "First outfit / total, sequential",
      unit: "%",
      summary: firstSeq,
      goal: "≤ 40 (p50)",
      pass: firstSeq.p50 <= 40,
      note: `model: ${PACE_TEXT}`,
    },
    {
      id: "first_outfit_share_parallel",
      metric: "First outfit / total, parallel",
      unit: "%",
      summary: firstPar,
    },
    {
      id: "job_total_sequential",
      metric: "Job total, sequential",
      unit: "ms",
      summary: ms(sequential, (t) => t.total),
      note: replaced ? `${replaced} outfits from the fallback` : undefined,
    },
    {
      id: "job_total_parallel",
      metric: "Job total, parallel",
      unit: "ms",
      summary: ms(parallel, (t) => t.total),
    },
    {
      id: "parallel_vs_sequential",
      metric: "Parallel total / sequential total",
      unit: "%",
      value: ratio,
      goal: "≤ 45",
      pass: ratio <= 45,
      note: "ratio of means",
    },
    {
      id: "overhead_ms_sequential",
      metric: "Overhead (total − model stream), sequential",
      unit: "ms",
      summary: ms(sequential, (t) => t.total - t.model),
    },
    {
      id: "overhead_share_sequential",
      metric: "Overhead / total, sequential",
      unit: "%",
      summary: overheadSeq,
      goal: "≤ 3 (p50)",
      pass: overheadSeq.p50 <= 3,
    },
    {
      id: "overhead_before_model",
      metric: "  of which POST → model request",
      unit: "ms",
      summary: ms([...sequential, ...parallel], (t) => t.before),
      note: "queue delivery, claim, wardrobe, prompt",
    },
    {
      id: "overhead_after_model",
      metric: "  of which model done → complete",
      unit: "ms",
      summary: ms([...sequential, ...parallel], (t) => t.after),
    },
    {
      id: "overhead_ms_parallel",
      metric: "Overhead (total − model stream), parallel",
      unit: "ms",
      summary: ms(parallel, (t) => t.total - t.model),
    },
    {
      id: "overhead_share_parallel",
      metric: "Overhead / total, parallel",
      unit: "%",
      summary: overheadPar,
      goal: "≤ 3 (p50)",
      pass: overheadPar.p50 <= 3,
    },
  ];
}
