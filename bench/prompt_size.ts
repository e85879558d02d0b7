/**
 * How many tokens each flow's prompt costs for a 60-item wardrobe (the
 * sample wardrobe plus generated pieces) and a shopper with a full history
 * (30 outfits shown lately, 6 worn or disliked, 3 liked), counted with the o200k_base
 * tokenizer that GPT-4o-class models use. The ranks ship inside the npm
 * package, so this runs offline once the package is cached.
 *
 * Run: deno run -A bench/prompt_size.ts
 */
// The tokenizer's ranks ship inside the npm package, so counting works offline.
import { Tiktoken } from "js-tiktoken/lite";
import o200k_base from "js-tiktoken/ranks/o200k_base";
import { COLOR_NAMES } from "../lib/colors.ts";
import { SAMPLE_WARDROBE } from "../lib/sample_wardrobe.ts";
import {
  CATEGORIES,
  type GenerateRequest,
  PATTERNS,
  SEASONS,
  type WardrobeItem,
} from "../lib/schemas.ts";
import { buildPrompt } from "../lib/stylist/prompt.ts";
import { verdictFor } from "../lib/stylist/verdict.ts";
import { createLocalStylist } from "../lib/stylist/providers/local.ts";
import { randomSource } from "../lib/stylist/test_fixtures.ts";
import type { Taste } from "../lib/stylist/types.ts";

/** The budget for system + user messages, per flow. */
const TARGET = 1_500;
const SIZE = 60;

const NOUNS: Record<string, string[]> = {
  top: ["linen shirt", "cashmere jumper", "ribbed tank", "polo shirt"],
  bottom: ["wide-leg trousers", "denim shorts", "pencil skirt", "cargo pants"],
  dress: ["slip dress", "shirt dress", "knit midi dress"],
  outerwear: ["bomber jacket", "wool overcoat", "denim jacket"],
  shoes: ["suede loafers", "canvas sneakers", "block-heel sandals"],
  accessory: ["silk scarf", "leather belt", "pearl necklace"],
  bag: ["crossbody bag", "woven tote", "leather satchel"],
};

function wardrobe(size: number): WardrobeItem[] {
  // A fixed seed keeps runs comparable.
  const next = randomSource(7);
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(next() * list.length)];
  const extra = Array.from(
    { length: size - SAMPLE_WARDROBE.length },
    (_, i) => {
      const category = pick(CATEGORIES);
      const colors = [...new Set([pick(COLOR_NAMES), pick(COLOR_NAMES)])];
      const seasons = SEASONS.filter(() => next() < 0.7);
      return {
        id: `generated-${category}-${i}`,
        name: `${colors[0][0].toUpperCase()}${colors[0].slice(1)} ${
          pick(NOUNS[category])
        }`,
        category,
        colors,
        pattern: next() < 0.7 ? "solid" : pick(PATTERNS),
        formality: 1 + Math.floor(next() * 5),
        seasons: seasons.length ? seasons : ["autumn"],
      } satisfies WardrobeItem;
    },
  );
  return [...SAMPLE_WARDROBE, ...extra];
}

const common = { include_reasoning: true, parallel: false };
const requests: Record<string, GenerateRequest> = {
  occasion: {
    mode: "occasion",
    occasions: ["work", "date_night"],
    notes: "I run cold, and I'd like to wear my navy blazer if it fits.",
    ...common,
  },
  complete: {
    mode: "complete",
    anchor_ids: ["white-oxford-shirt", "tan-suede-ankle-boots"],
    ...common,
  },
  consider_buying: {
    mode: "consider_buying",
    candidate: {
      name: "Cobalt wool coat",
      category: "outerwear",
      colors: ["cobalt"],
      formality: 4,
      seasons: ["autumn", "winter"],
      price: 189,
    },
    ...common,
  },
};

/**
 * A shopper with a full history: thirty outfits shown lately, six worn or
 * disliked, three liked, drawn from the wardrobe by the built-in stylist.
 */
async function tasteFor(items: WardrobeItem[]): Promise<Taste> {
  const stylist = createLocalStylist({ now: () => now });
  const outfits: string[][] = [];
  for (let k = 0; outfits.length < 30; k++) {
    for await (
      const event of stylist.generate({
        request: requests.occasion,
        wardrobe: items,
        seed: `history-${k}`,
        signal: new AbortController().signal,
        taste: { recent: outfits.slice(), blocked: [], liked: [] },
      })
    ) if (event.type === "outfit") outfits.unshift(event.outfit.item_ids);
  }
  return {
    recent: outfits.slice(0, 30),
    blocked: outfits.slice(3, 9).map((item_ids, i) => ({
      item_ids,
      reason: i % 2 ? "disliked" : "worn",
    })),
    liked: outfits.slice(9, 12),
  };
}

const encoder = new Tiktoken(o200k_base);
const tokens = (text: string) => encoder.encode(text).length;
const items = wardrobe(SIZE);
const now = new Date(Date.UTC(2025, 9, 15));
const taste = await tasteFor(items);

console.log(
  `Prompt size for a ${items.length}-item wardrobe and a full history (o200k_base)\n`,
);
console.log("flow             system   user  messages  schema  total  chars");
let over = false;
for (const [flow, request] of Object.entries(requests)) {
  const verdict = request.mode === "consider_buying"
    ? verdictFor(request.candidate, items, "EUR")
    : undefined;
  const prompt = buildPrompt(request, items, { now, taste, verdict });
  const system = tokens(prompt.system);
  const user = tokens(prompt.user);
  const schema = tokens(JSON.stringify(prompt.responseFormat.json_schema));
  const chars = prompt.system.length + prompt.user.length;
  over ||= system + user > TARGET;
  console.log(
    [
      flow.padEnd(15),
      String(system).padStart(7),
      String(user).padStart(6),
      String(system + user).padStart(9),
      String(schema).padStart(7),
      String(system + user + schema).padStart(6),
      String(chars).padStart(6),
    ].join(" "),
  );
}
console.log(`\nTarget: at most ${TARGET} tokens of messages per flow.`);
if (over) {
  console.log("Over target.");
  Deno.exitCode = 1;
}
