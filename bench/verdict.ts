/**
 * 8. Consider buying's verdict: CPU time to judge a candidate of every
 * category against wardrobes of 12, 60 and 120 pieces (fixture wardrobes,
 * the same every run). The verdict is computed in the request that starts
 * the job, so it must stay well inside a blink: ≤ 50 ms for 120 pieces.
 */
import process from "node:process";
import { type CandidateItem, CATEGORIES } from "../lib/schemas.ts";
import {
  largeWardrobe,
  smallWardrobe,
} from "../lib/stylist/fixture_wardrobes.ts";
import { verdictFor } from "../lib/stylist/verdict.ts";
import { type Result, summarize } from "./stats.ts";

const GOAL_MS = 50;

export function verdict({ quick }: { quick: boolean }): Promise<Result[]> {
  const rounds = quick ? 3 : 20;
  const candidates: CandidateItem[] = CATEGORIES.map((category) => ({
    name: `New ${category}`,
    category,
    colors: ["rust"],
    formality: 3,
    price: 120,
  }));
  const results: Result[] = [];
  for (
    const [size, wardrobe] of [
      [12, smallWardrobe()],
      [60, largeWardrobe(60)],
      [120, largeWardrobe(120)],
    ] as const
  ) {
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const candidate of candidates) {
        const before = process.cpuUsage();
        verdictFor(candidate, wardrobe, "EUR");
        const used = process.cpuUsage(before);
        samples.push((used.user + used.system) / 1000);
      }
    }
    const summary = summarize(samples);
    results.push({
      id: `verdict_cpu_${size}`,
      metric: `Verdict CPU, ${size} pieces`,
      unit: "ms",
      summary,
      ...(size === 120
        ? { goal: `max ≤ ${GOAL_MS}`, pass: summary.max <= GOAL_MS }
        : {}),
      note: `every category, ${rounds} rounds; max ${
        summary.max.toFixed(1)
      } ms`,
    });
  }
  return Promise.resolve(results);
}
