/**
 * 7. Stylist quality: what the built-in stylist (no model) gives a shopper
 * who asks again and again, on the sample wardrobe (37 pieces), a 12-piece
 * capsule and a 120-piece closet (lib/stylist/fixture_wardrobes.ts).
 *
 * Each request is asked four times in a row, as "Style three more" does,
 * with the shopper's recent outfits carried from one batch to the next the
 * way the worker records them (`withShown`). Measured on the twelve outfits:
 * how many are distinct, how many pairs from different batches share 60 % or
 * more of their pieces, the mean Jaccard overlap between outfits of
 * different batches, and how often the most used piece appears (anchors and
 * the candidate excepted); that every outfit is valid; how far below the
 * best outfit the wardrobe allows each one scores; the mean formality per
 * occasion; how many near-identical outfits work and date night share; and
 * the CPU time of each job. The date is fixed (mid-October: autumn) so runs
 * compare. Every job is styled within its context as the worker settles it
 * (lib/stylist/job_context.ts): pieces that agree on how dressy they are,
 * and whatever the notes and the forecast ask.
 *
 * Listening (`listeningFigures`): on the sample wardrobe, notes and
 * forecasts asked 8 times each (24 outfits), counting the outfits that break
 * what was asked: heels after "no heels", no layer on a cold day, suede in
 * the rain, a coat in Sydney's summer heat.
 */
import process from "node:process";
import { shadesOf } from "../lib/colors.ts";
import type { Looked } from "../lib/stylist/job_context.ts";
import { composeContext } from "../lib/stylist/job_context.ts";
import {
  dressinessClash,
  kindOf,
  rulesFrom,
} from "../lib/stylist/dress_rules.ts";
import { withShown } from "../lib/looks/recent.ts";
import { SAMPLE_WARDROBE } from "../lib/sample_wardrobe.ts";
import type {
  GenerateRequest,
  JobContext,
  Occasion,
  WardrobeItem,
} from "../lib/schemas.ts";
import {
  largeWardrobe,
  smallWardrobe,
} from "../lib/stylist/fixture_wardrobes.ts";
import {
  askOf,
  itemsForRequest,
  requiredItems,
  validateOutfit,
} from "../lib/stylist/outfit_rules.ts";
import { createLocalStylist } from "../lib/stylist/providers/local.ts";
import { planOutfits } from "../lib/stylist/providers/local_planner.ts";
import {
  briefFor,
  occasionsSuited,
  scoreOutfit,
} from "../lib/stylist/providers/local_scoring.ts";
import { seasonOf } from "../lib/stylist/season.ts";
import {
  jaccard,
  LOOKS_ALIKE,
  NEAR_COPY,
  sharedShare,
} from "../lib/stylist/similarity.ts";
import { falseTitle } from "../lib/stylist/outfit_words.ts";
import type { OutfitDraft } from "../lib/stylist/types.ts";
import { mean, type Result, summarize } from "./stats.ts";

const NOW = new Date(Date.UTC(2025, 9, 15));
const DAY = "2025-10-15";
const BATCHES = 4;
const common = { include_reasoning: false, parallel: false } as const;
const occasion = (...occasions: Occasion[]): GenerateRequest => ({
  mode: "occasion",
  occasions,
  ...common,
});

type Wardrobe = {
  name: string;
  items: WardrobeItem[];
  /** Requests asked four times each, for the variety figures. */
  requests: Record<string, GenerateRequest>;
};

function wardrobes(): Wardrobe[] {
  const flows = (anchor: string): Record<string, GenerateRequest> => ({
    "date night": occasion("date_night"),
    work: occasion("work"),
    casual: occasion("casual"),
    "complete a look": { mode: "complete", anchor_ids: [anchor], ...common },
    "consider buying": {
      mode: "consider_buying",
      candidate: {
        name: "Rust suede jacket",
        category: "outerwear",
        colors: ["rust"],
        formality: 3,
      },
      ...common,
    },
  });
  return [
    {
      name: "sample (37)",
      items: [...SAMPLE_WARDROBE],
      requests: flows("white-oxford-shirt"),
    },
    { name: "small (12)", items: smallWardrobe(), requests: flows("jeans") },
    {
      name: "large (120)",
      items: largeWardrobe(120),
      requests: flows("bottom-1"),
    },
  ];
}

type Asked = {
  context: JobContext;
  batches: OutfitDraft[][];
  cpuMs: number[];
  errors: string[];
};

/** Asks `BATCHES` times in a row, carrying the recent outfits along. */
async function askRepeatedly(
  wardrobe: WardrobeItem[],
  request: GenerateRequest,
  label: string,
  times = BATCHES,
  looked: Looked = { place: null, weather: null, date: DAY },
): Promise<Asked> {
  const stylist = createLocalStylist({ now: () => NOW });
  const context = composeContext(request, wardrobe, 3, looked);
  const asked: Asked = { context, batches: [], cpuMs: [], errors: [] };
  let recent: string[][] = [];
  for (let k = 0; k < times; k++) {
    const batch: OutfitDraft[] = [];
    const before = process.cpuUsage();
    try {
      for await (
        const event of stylist.generate({
          request,
          wardrobe,
          seed: `${label}-${k}`,
          signal: new AbortController().signal,
          taste: { recent, blocked: [], liked: [] },
          context,
        })
      ) if (event.type === "outfit") batch.push(event.outfit);
    } catch (err) {
      asked.errors.push(err instanceof Error ? err.message : String(err));
    }
    const used = process.cpuUsage(before);
    asked.cpuMs.push((used.user + used.system) / 1000);
    asked.batches.push(batch);
    recent = withShown(recent, batch);
  }
  return asked;
}

type Variety = {
  distinct: number;
  total: number;
  alikePairs: number;
  meanJaccard: number;
  maxUses: number;
  mostUsed: string;
};

function variety(asked: Asked, required: ReadonlySet<string>): Variety {
  const all = asked.batches.flat();
  const keys = new Set(all.map((o) => [...o.item_ids].sort().join(" ")));
  let alikePairs = 0;
  const overlaps: number[] = [];
  asked.batches.forEach((batch, b) => {
    for (const later of asked.batches.slice(b + 1)) {
      for (const x of batch) {
        for (const y of later) {
          if (sharedShare(x.item_ids, y.item_ids, required) >= LOOKS_ALIKE) {
            alikePairs++;
          }
          overlaps.push(jaccard(x.item_ids, y.item_ids, required));
        }
      }
    }
  });
  const uses = new Map<string, number>();
  for (const o of all) {
    for (const id of o.item_ids) {
      if (!required.has(id)) uses.set(id, (uses.get(id) ?? 0) + 1);
    }
  }
  const [mostUsed, maxUses] = [...uses].sort((a, b) => b[1] - a[1])[0] ??
    ["", 0];
  return {
    distinct: keys.size,
    total: all.length,
    alikePairs,
    meanJaccard: overlaps.length ? mean(overlaps) : 0,
    maxUses,
    mostUsed,
  };
}

function count(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return counts;
}

/** Quality of one request's outfits against the rules and the best score. */
function quality(
  wardrobe: WardrobeItem[],
  request: GenerateRequest,
  asked: Asked,
) {
  const pool = itemsForRequest(request, wardrobe);
  const season = seasonOf(NOW);
  const brief = briefFor(
    askOf(request, wardrobe),
    season,
    undefined,
    asked.context,
  );
  const rules = rulesFrom(asked.context.rules);
  const byId = new Map(pool.map((item) => [item.id, item]));
  const { best } = planOutfits({
    ask: askOf(request, wardrobe),
    seed: "best",
    season,
    count: 1,
    context: asked.context,
  });
  let valid = 0;
  let clashes = 0;
  let falseTitles = 0;
  let repeatedWords = 0;
  const gaps: number[] = [];
  const formality: number[] = [];
  for (const batch of asked.batches) {
    const earlier: OutfitDraft[] = [];
    for (const outfit of batch) {
      if (validateOutfit(outfit, { request, wardrobe, earlier, rules }).ok) {
        valid++;
      }
      const items = outfit.item_ids.flatMap((id) => byId.get(id) ?? []);
      if (dressinessClash(items)) clashes++;
      const { value, notes } = scoreOutfit(items, brief);
      gaps.push(best - value);
      formality.push(notes.formality);
      if (falseTitle(outfit.title, items)) falseTitles++;
      earlier.push(outfit);
    }
    const titles = new Set(batch.map((o) => o.title));
    const tips = new Set(batch.map((o) => o.tip));
    repeatedWords += 2 * batch.length - titles.size - tips.size;
  }
  const all = asked.batches.flat();
  const mostOften = (texts: string[]) =>
    Math.max(0, ...[...count(texts).values()]);
  const echoes = Math.max(
    mostOften(all.map((o) => o.title)),
    mostOften(all.map((o) => o.tip)),
  );
  return {
    valid,
    clashes,
    gaps,
    formality,
    falseTitles,
    repeatedWords,
    echoes,
  };
}

export async function stylistQuality(
  { quick }: { quick: boolean },
): Promise<Result[]> {
  const results: Result[] = [];
  for (const wardrobe of wardrobes()) {
    const w = wardrobe.name;
    const id = w.split(" ")[0];
    const cpu: number[] = [];
    let outfits = 0;
    let valid = 0;
    let clashes = 0;
    let falseTitles = 0;
    let repeatedWords = 0;
    let echoes = 0;
    const gaps: number[] = [];
    const worst = {
      distinct: { value: Infinity, request: "" },
      alikePairs: { value: -1, request: "" },
      meanJaccard: { value: -1, request: "" },
      maxUses: { value: -1, request: "" },
    };
    const requests = Object.entries(wardrobe.requests);
    for (const [label, request] of quick ? requests.slice(0, 2) : requests) {
      const asked = await askRepeatedly(
        wardrobe.items,
        request,
        `${id}-${label}`,
      );
      const required = new Set(
        requiredItems(request, itemsForRequest(request, wardrobe.items))
          .map((item) => item.id),
      );
      const v = variety(asked, required);
      const q = quality(wardrobe.items, request, asked);
      cpu.push(...asked.cpuMs);
      outfits += v.total;
      valid += q.valid;
      clashes += q.clashes;
      falseTitles += q.falseTitles;
      repeatedWords += q.repeatedWords;
      echoes = Math.max(echoes, q.echoes);
      gaps.push(...q.gaps);
      if (v.distinct < worst.distinct.value) {
        worst.distinct = { value: v.distinct, request: label };
      }
      if (v.alikePairs > worst.alikePairs.value) {
        worst.alikePairs = { value: v.alikePairs, request: label };
      }
      if (v.meanJaccard > worst.meanJaccard.value) {
        worst.meanJaccard = { value: v.meanJaccard, request: label };
      }
      if (v.maxUses > worst.maxUses.value) {
        worst.maxUses = {
          value: v.maxUses,
          request: `${label}: ${v.mostUsed}`,
        };
      }
    }
    const asked = `${
      quick ? 2 : requests.length
    } requests × ${BATCHES} batches`;
    results.push(
      {
        id: `stylist_${id}_distinct`,
        metric: `Stylist, ${w}: distinct outfits of 12 (worst request)`,
        unit: "n",
        value: worst.distinct.value,
        goal: "12",
        pass: worst.distinct.value === 12,
        note: `${worst.distinct.request}; ${asked}`,
      },
      {
        id: `stylist_${id}_alike_pairs`,
        metric: `Stylist, ${w}: pairs across batches sharing ≥ 60 %`,
        unit: "n",
        value: worst.alikePairs.value,
        goal: "≤ 2",
        pass: worst.alikePairs.value <= 2,
        note: worst.alikePairs.request,
      },
      {
        id: `stylist_${id}_jaccard`,
        metric: `Stylist, ${w}: mean Jaccard across batches`,
        unit: "n",
        value: worst.meanJaccard.value,
        goal: "≤ 0.25",
        pass: worst.meanJaccard.value <= 0.25,
        note: worst.meanJaccard.request,
      },
      {
        id: `stylist_${id}_max_uses`,
        metric: `Stylist, ${w}: most outfits one piece is in, of 12`,
        unit: "n",
        value: worst.maxUses.value,
        goal: "≤ 3",
        pass: worst.maxUses.value <= 3,
        note: worst.maxUses.request,
      },
      {
        id: `stylist_${id}_valid`,
        metric: `Stylist, ${w}: valid outfits`,
        unit: "%",
        value: outfits ? (100 * valid) / outfits : 0,
        goal: "100",
        pass: valid === outfits && outfits > 0,
        note: `${outfits} outfits`,
      },
      {
        id: `stylist_${id}_dressiness`,
        metric:
          `Stylist, ${w}: outfits whose pieces disagree on how dressy they are`,
        unit: "n",
        value: clashes,
        goal: "0",
        pass: clashes === 0,
        note:
          `of ${outfits}: clothes > 2 apart, or a cocktail dress over lace-ups or trainers`,
      },
      {
        id: `stylist_${id}_score_gap`,
        metric: `Stylist, ${w}: score below the wardrobe's best outfit`,
        unit: "n",
        summary: summarize(gaps),
        note: "mean " + mean(gaps).toFixed(2),
      },
      {
        id: `stylist_${id}_words`,
        metric:
          `Stylist, ${w}: repeated titles or tips in a batch; false titles`,
        unit: "n",
        value: repeatedWords + falseTitles,
        goal: "0",
        pass: repeatedWords + falseTitles === 0,
        note:
          `${repeatedWords} repeated, ${falseTitles} naming a missing piece`,
      },
      {
        id: `stylist_${id}_echoes`,
        metric: `Stylist, ${w}: most times one title or tip recurs in 12`,
        unit: "n",
        value: echoes,
        note: "across the four batches of one request",
      },
      {
        id: `stylist_${id}_cpu`,
        metric: `Stylist, ${w}: CPU per job`,
        unit: "ms",
        summary: summarize(cpu),
      },
    );
    results.push(...await occasionFigures(wardrobe));
  }
  results.push(...await listeningFigures(quick));
  return results;
}

/** A forecast's look-up result, for a place on a day. */
function forecast(
  name: string,
  latitude: number,
  date: string,
  low_c: number,
  high_c: number,
  rain_chance: number,
  summary: string,
): Looked {
  return {
    place: { name, country: "", latitude, longitude: 0, timezone: "UTC" },
    date,
    weather: { low_c, high_c, rain_chance, summary },
  };
}

type Ask = {
  id: string;
  metric: string;
  request: GenerateRequest;
  looked?: Looked;
  /** Why an outfit fails what was asked, or null when it does not. */
  breaks: (items: WardrobeItem[]) => string | null;
};

const GREENS = shadesOf("green");
const hasLayer = (items: WardrobeItem[]) =>
  items.some((item) => item.category === "outerwear");

const LISTENING: Ask[] = [
  {
    id: "notes_flats_cold",
    metric: `"Flats only, no heels… outdoors, cold" (date night)`,
    request: {
      ...occasion("date_night"),
      notes: "Flats only, no heels… outdoors, cold",
    },
    breaks: (items) =>
      items.some((i) => i.category === "shoes" && kindOf(i) === "heels")
        ? "heels"
        : hasLayer(items)
        ? null
        : "no layer",
  },
  {
    id: "notes_colour",
    metric: `"nothing black, something green" (work)`,
    request: { ...occasion("work"), notes: "nothing black, something green" },
    breaks: (items) =>
      items.some((i) => i.colors.includes("black"))
        ? "black"
        : items.some((i) => i.colors.some((c) => GREENS.includes(c)))
        ? null
        : "no green",
  },
  {
    id: "weather_oslo",
    metric: "Oslo in December, −5° to 1°, rain likely (date night)",
    request: occasion("date_night"),
    looked: forecast("Oslo", 59.9, "2026-12-08", -5, 1, 80, "rain likely"),
    breaks: (items) =>
      !items.some((i) =>
          i.category === "outerwear" && !["blazer", "gilet"].includes(kindOf(i))
        )
        ? "no coat or jacket"
        : items.some((i) => /suede/i.test(i.name))
        ? "suede"
        : items.some((i) =>
            i.seasons.every((s) => s === "spring" || s === "summer")
          )
        ? "warm-weather piece"
        : null,
  },
  {
    id: "weather_sydney",
    metric: "Sydney in December, 21° to 30° (brunch)",
    request: occasion("brunch"),
    looked: forecast("Sydney", -33.9, "2026-12-08", 21, 30, 10, "mostly clear"),
    breaks: (items) =>
      hasLayer(items)
        ? "a layer"
        : items.some((i) =>
            i.seasons.every((s) => s === "autumn" || s === "winter")
          )
        ? "cold-weather piece"
        : null,
  },
];

/** Notes and forecasts, asked 8 times each: outfits that ignore them. */
async function listeningFigures(quick: boolean): Promise<Result[]> {
  const wardrobe = [...SAMPLE_WARDROBE];
  const results: Result[] = [];
  for (const ask of quick ? LISTENING.slice(0, 1) : LISTENING) {
    const asked = await askRepeatedly(
      wardrobe,
      ask.request,
      `listen-${ask.id}`,
      8,
      ask.looked,
    );
    const byId = new Map(wardrobe.map((item) => [item.id, item]));
    const outfits = asked.batches.flat();
    const broken = count(
      outfits.flatMap((o) =>
        ask.breaks(o.item_ids.flatMap((id) => byId.get(id) ?? [])) ?? []
      ),
    );
    const total = [...broken.values()].reduce((a, b) => a + b, 0);
    results.push({
      id: `stylist_listening_${ask.id}`,
      metric: `Stylist, sample: outfits ignoring ${ask.metric}`,
      unit: "n",
      value: total,
      goal: "0",
      pass: total === 0 && outfits.length === 24,
      note: `of ${outfits.length}${
        broken.size
          ? `: ${[...broken].map(([why, n]) => `${n} ${why}`).join(", ")}`
          : ""
      }; applied ${asked.context.notes.applied.join(", ") || "–"}${
        asked.errors.length ? `; ${asked.errors.join(" ")}` : ""
      }`,
    });
  }
  return results;
}

const FORMALITY_ORDER: Occasion[] = [
  "workout",
  "casual",
  "work",
  "wedding_guest",
];

/** Formality per occasion, work against date night, a three-occasion ask. */
async function occasionFigures(wardrobe: Wardrobe): Promise<Result[]> {
  const id = wardrobe.name.split(" ")[0];
  const formality = new Map<Occasion, number>();
  const outfitsOf = new Map<Occasion, OutfitDraft[]>();
  for (const o of [...FORMALITY_ORDER, "date_night" as const]) {
    const request = occasion(o);
    const asked = await askRepeatedly(wardrobe.items, request, `${id}-${o}`);
    outfitsOf.set(o, asked.batches.flat());
    formality.set(o, mean(quality(wardrobe.items, request, asked).formality));
  }
  const levels = FORMALITY_ORDER.map((o) => formality.get(o)!);
  const rising = levels.every((level, i) => i === 0 || level > levels[i - 1]);
  let shared = 0;
  for (const x of outfitsOf.get("work")!) {
    for (const y of outfitsOf.get("date_night")!) {
      if (sharedShare(x.item_ids, y.item_ids) >= NEAR_COPY) shared++;
    }
  }
  const multi = occasion("work", "date_night", "wedding_guest") as Extract<
    GenerateRequest,
    { mode: "occasion" }
  >;
  const asked = await askRepeatedly(wardrobe.items, multi, `${id}-multi`, 1);
  const byId = new Map(wardrobe.items.map((item) => [item.id, item]));
  const suitsAll = asked.batches.flat().filter((o) =>
    occasionsSuited(
      o.item_ids.flatMap((id) => byId.get(id) ?? []),
      multi.occasions,
      seasonOf(NOW),
    ).length === multi.occasions.length
  ).length;
  return [
    {
      id: `stylist_${id}_formality`,
      metric:
        `Stylist, ${wardrobe.name}: mean formality, workout < casual < work < wedding guest`,
      unit: "n",
      value: levels.at(-1)! - levels[0],
      goal: "rising",
      pass: rising,
      note: levels.map((l) => l.toFixed(2)).join(" < ") +
        `; date night ${formality.get("date_night")!.toFixed(2)}`,
    },
    {
      id: `stylist_${id}_work_vs_date`,
      metric:
        `Stylist, ${wardrobe.name}: near-identical outfits work and date night share`,
      unit: "n",
      value: shared,
      goal: "≤ 1",
      pass: shared <= 1,
      note: "12 × 12 outfits, ≥ 80 % of pieces shared",
    },
    {
      id: `stylist_${id}_multi`,
      metric:
        `Stylist, ${wardrobe.name}: work + date night + wedding guest outfits that suit all three`,
      unit: "n",
      value: suitsAll,
      note: `of ${asked.batches.flat().length}; ${asked.errors.join(" ")}`,
    },
  ];
}
