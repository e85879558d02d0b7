/**
 * A stand-in language model for trying the OpenAI path with no key and no
 * internet: an OpenAI-compatible server on loopback that reads Stylist's own
 * prompt (wardrobe lines, the request), lets the built-in stylist pick the
 * outfits, and streams them back as strict JSON at a model-like pace.
 *
 *   deno run -A scripts/demo_model_server.ts    # http://127.0.0.1:8787/v1
 *   OPENAI_API_KEY=demo OPENAI_BASE_URL=http://127.0.0.1:8787/v1 deno task start
 *
 * It parses the prompt format of lib/stylist/prompt.ts; tests/demo_model_test.ts
 * keeps the two in step.
 */
import {
  CANDIDATE_ID,
  type GenerateRequest,
  OCCASION_IDS,
  OCCASIONS,
  SEASONS,
  type WardrobeItem,
} from "../lib/schemas.ts";
import { createLocalStylist } from "../lib/stylist/providers/local.ts";
import {
  chunkText,
  type FakeReply,
  startFakeOpenAI,
} from "../tests/helpers/fake_openai.ts";

/** `i3 "Name" colours [pattern] f3 seasons`; the candidate adds its category. */
const ITEM_LINE =
  /^(i\d+|candidate(?: \w+)?) "((?:[^"\\]|\\.)*)" ([a-z +]+?) (?:(striped|checked|floral|print|textured) )?f(\d) (not \w+|\S+)/;
/** The wardrobe lists items under a header per category: `top:`. */
const CATEGORY_HEADER = /^([a-z]+):$/;

/** The wardrobe and request a Stylist prompt describes, with short ids. */
export function readPrompt(
  user: string,
): { wardrobe: WardrobeItem[]; request: GenerateRequest; count: number } {
  const items: WardrobeItem[] = [];
  let heading = "";
  for (const line of user.split("\n")) {
    heading = CATEGORY_HEADER.exec(line)?.[1] ?? heading;
    const m = ITEM_LINE.exec(line.replace(/^Not owned yet.*?: /, ""));
    if (!m) continue;
    const [, named, name, colors, pattern, formality, seasons] = m;
    const [id, category = heading] = named.split(" ");
    items.push({
      id,
      category: category as WardrobeItem["category"],
      name: JSON.parse(`"${name}"`),
      colors: colors.split("+") as WardrobeItem["colors"],
      pattern: (pattern ?? "solid") as WardrobeItem["pattern"],
      formality: Number(formality),
      seasons: (seasons === "all"
        ? SEASONS
        : seasons.startsWith("not ")
        ? SEASONS.filter((season) =>
          season !== seasons.slice(4)
        )
        : seasons.split("/")) as WardrobeItem["seasons"],
    });
  }
  const count = Number(/Return exactly (\d+)/.exec(user)?.[1] ?? 3);
  const base = { include_reasoning: true, parallel: false };
  const wardrobe = items.filter((item) => item.id !== CANDIDATE_ID);
  const candidate = items.find((item) => item.id === CANDIDATE_ID);
  if (candidate) {
    const { id: _id, ...rest } = candidate;
    return {
      wardrobe,
      count,
      request: { mode: "consider_buying", candidate: rest, ...base },
    };
  }
  const anchors = /Anchor items[^:]*: (.*)/.exec(user)?.[1];
  if (anchors) {
    const anchor_ids = [...anchors.matchAll(/\b(i\d+)\b/g)].map((m) => m[1]);
    return {
      wardrobe,
      count,
      request: { mode: "complete", anchor_ids, ...base },
    };
  }
  const labels = /Occasion: ([^.]*)\./.exec(user)?.[1]?.split(" + ") ?? [];
  const occasions = OCCASION_IDS.filter((id) => labels.includes(OCCASIONS[id]));
  return {
    wardrobe,
    count,
    request: {
      mode: "occasion",
      occasions: occasions.length ? occasions : ["casual"],
      ...base,
    },
  };
}

/** The reply a strict structured-output model would stream for `body`. */
export async function demoReply(
  // deno-lint-ignore no-explicit-any -- the Chat Completions request as sent
  body: any,
  { paceMs = 12, charsPerDelta = 4 } = {},
): Promise<FakeReply> {
  const user =
    body.messages?.findLast((m: { role: string }) => m.role === "user")
      ?.content ?? "";
  const { wardrobe, request, count } = readPrompt(user);
  const outfits = [];
  const stylist = createLocalStylist();
  const events = stylist.generate({
    request,
    wardrobe,
    signal: new AbortController().signal,
    seed: crypto.randomUUID(),
    count,
  });
  try {
    for await (const event of events) {
      if (event.type === "outfit") outfits.push(event.outfit);
    }
  } catch {
    // A wardrobe too small for `count`: answer with what could be made.
  }
  const text = JSON.stringify({
    outfits: outfits.map(({ reasoning, title, item_ids, tip }) => ({
      reasoning,
      title,
      item_ids,
      tip,
    })),
  });
  return { chunks: chunkText(text, charsPerDelta), paceMs };
}

if (import.meta.main) {
  const port = Number(Deno.env.get("DEMO_MODEL_PORT") ?? 8787);
  const paceMs = Number(Deno.env.get("DEMO_MODEL_PACE_MS") ?? 12);
  const fake = await startFakeOpenAI(
    (request) => demoReply(request.body, { paceMs }),
    { port },
  );
  console.log(
    `Demo model on ${fake.baseURL} — run the app with OPENAI_API_KEY=demo OPENAI_BASE_URL=${fake.baseURL}`,
  );
}
