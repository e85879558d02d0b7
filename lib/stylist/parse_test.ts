import assert from "node:assert/strict";
import {
  ModelOutputError,
  OutfitStreamParser,
  type ParseEvent,
} from "./parse.ts";
import { randomSource } from "./test_fixtures.ts";

const outfitA = {
  reasoning:
    'The camel sweater warms the "cool" navy; café-au-lait tones tie it together.\nLoafers keep it polished. 😀',
  title: "Weekend café ☕ layers",
  item_ids: ["i5", "i9", "i26"],
  tip: "Tuck the front of the sweater — just a \\little\\.",
};
const outfitB = {
  reasoning:
    "Black on black reads sharp. The clutch adds one gold accent 🪙✨.",
  title: "Evening in noir",
  item_ids: ["i17", "i28", "i36"],
  tip: 'Say "yes" to a red lip.',
};
const outfitC = {
  reasoning: "Denim and white are a classic pair; the trench adds a layer.",
  title: "Easy Saturday",
  item_ids: ["i2", "i9", "i21", "i24"],
  tip: "Roll the cuffs once.",
};

/** Like Python's json.dumps: every non-ASCII character as \uXXXX (pairs for emoji). */
function asciiOnly(json: string): string {
  return json.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Realistic outputs: compact, pretty, ASCII-escaped, other key order, extra keys. */
const DOCUMENTS: Record<string, string> = {
  compact: JSON.stringify({ outfits: [outfitA, outfitB, outfitC] }),
  pretty: JSON.stringify({ outfits: [outfitA, outfitB, outfitC] }, null, 2),
  ascii: asciiOnly(JSON.stringify({ outfits: [outfitA, outfitB] })),
  reordered: JSON.stringify({
    note: { reasoning: "not an outfit", list: [1, 2.5e3, true, null] },
    outfits: [
      {
        title: outfitB.title,
        extra: { reasoning: "nested" },
        reasoning: outfitB.reasoning,
        item_ids: outfitB.item_ids,
        tip: outfitB.tip,
      },
      {
        tip: outfitA.tip,
        item_ids: outfitA.item_ids,
        title: outfitA.title,
        reasoning: outfitA.reasoning,
        n: -0.5,
      },
    ],
  }),
};

function feed(chunks: string[]): ParseEvent[] {
  const parser = new OutfitStreamParser();
  const events = chunks.flatMap((chunk) => parser.write(chunk));
  return [...events, ...parser.end()];
}

/** Joins consecutive reasoning deltas of one outfit: splitting may differ. */
function normalise(events: ParseEvent[]): ParseEvent[] {
  const out: ParseEvent[] = [];
  for (const event of events) {
    const last = out.at(-1);
    if (
      event.type === "reasoning" && last?.type === "reasoning" &&
      last.index === event.index
    ) {
      out[out.length - 1] = { ...last, delta: last.delta + event.delta };
    } else out.push(event);
  }
  return out;
}

/** Events the document should yield, from JSON.parse. */
function expected(doc: string): ParseEvent[] {
  const { outfits } = JSON.parse(doc) as { outfits: typeof outfitA[] };
  return outfits.flatMap((o, index): ParseEvent[] => [
    { type: "outfit_started", index },
    { type: "reasoning", index, delta: o.reasoning },
    {
      type: "outfit",
      index,
      outfit: {
        title: o.title,
        item_ids: o.item_ids,
        reasoning: o.reasoning,
        tip: o.tip,
      },
    },
  ]);
}

function splitAt(text: string, cuts: number[]): string[] {
  const points = [0, ...[...new Set(cuts)].sort((a, b) => a - b), text.length];
  return points.slice(1).map((end, i) => text.slice(points[i], end));
}

function assertSame(doc: string, chunks: string[], label: string) {
  const events = feed(chunks);
  assert.deepEqual(normalise(events), expected(doc), label);
  for (const e of events) {
    if (e.type !== "reasoning") continue;
    assert.ok(e.delta.length > 0, `${label}: empty delta`);
    // A delta never ends or starts in the middle of a surrogate pair.
    assert.doesNotMatch(e.delta, /^[\udc00-\udfff]|[\ud800-\udbff]$/u, label);
  }
}

Deno.test("[parse] a whole document yields started, reasoning, outfit per outfit", () => {
  for (const [name, doc] of Object.entries(DOCUMENTS)) {
    assert.deepEqual(feed([doc]), expected(doc), name);
  }
});

Deno.test("[parse] every two-chunk split gives the same events", () => {
  for (const [name, doc] of Object.entries(DOCUMENTS)) {
    for (let cut = 0; cut <= doc.length; cut++) {
      assertSame(doc, splitAt(doc, [cut]), `${name} cut at ${cut}`);
    }
  }
});

Deno.test("[parse] one character at a time gives the same events", () => {
  for (const [name, doc] of Object.entries(DOCUMENTS)) {
    assertSame(doc, [...doc.split("")], name);
  }
});

Deno.test("[parse] random chunkings (seeded) give the same events", () => {
  const random = randomSource(20251015);
  for (const [name, doc] of Object.entries(DOCUMENTS)) {
    for (let run = 0; run < 150; run++) {
      const count = 1 + Math.floor(random() * 40);
      const cuts = Array.from(
        { length: count },
        () => Math.floor(random() * doc.length),
      );
      assertSame(doc, splitAt(doc, cuts), `${name} cuts ${cuts}`);
    }
  }
});

Deno.test("[parse] reasoning streams before its string closes", () => {
  const parser = new OutfitStreamParser();
  assert.deepEqual(parser.write('{"outfits": [{"reasoning": "Navy and'), [
    { type: "outfit_started", index: 0 },
    { type: "reasoning", index: 0, delta: "Navy and" },
  ]);
  assert.deepEqual(parser.write(" camel\\"), [], "waits for the escape");
  assert.deepEqual(parser.write('n work"'), [
    { type: "reasoning", index: 0, delta: " camel\n work" },
  ]);
});

Deno.test("[parse] title before reasoning: deltas arrive when reasoning streams", () => {
  const parser = new OutfitStreamParser();
  const first = parser.write('{"outfits":[{"title":"Sharp","reasoning":"Cl');
  assert.deepEqual(first, [
    { type: "outfit_started", index: 0 },
    { type: "reasoning", index: 0, delta: "Cl" },
  ]);
});

Deno.test("[parse] outfit_started comes with the opening brace, outfit with the closing one", () => {
  const doc = DOCUMENTS.compact;
  const parser = new OutfitStreamParser();
  const open = doc.indexOf("{", 1);
  assert.deepEqual(parser.write(doc.slice(0, open)), []);
  assert.deepEqual(parser.write("{"), [{ type: "outfit_started", index: 0 }]);
  assert.equal(parser.charsInCurrentOutfit, 1);
  const close = doc.indexOf("}");
  const middle = parser.write(doc.slice(open + 1, close));
  assert.ok(middle.every((e) => e.type === "reasoning"));
  assert.equal(parser.charsInCurrentOutfit, close - open);
  assert.deepEqual(parser.write("}").map((e) => e.type), ["outfit"]);
  assert.equal(parser.charsInCurrentOutfit, 0, "no outfit open");
});

Deno.test("[parse] charsInCurrentOutfit counts from the brace within a chunk", () => {
  const parser = new OutfitStreamParser();
  parser.write('{"outfits": [{"title": "é😀"');
  assert.equal(parser.charsInCurrentOutfit, '{"title": "é😀"'.length);
});

Deno.test("[parse] extra keys are ignored", () => {
  const [, , done] = feed([
    '{"outfits":[{"reasoning":"r","title":"t","item_ids":["i1"],"tip":"p",' +
    '"score":9,"more":{"a":[1]}}],"usage":{"x":1}}',
  ]);
  assert.deepEqual(done, {
    type: "outfit",
    index: 0,
    outfit: { title: "t", item_ids: ["i1"], reasoning: "r", tip: "p" },
  });
});

Deno.test("[parse] an outfit of the wrong shape is reported as invalid", () => {
  const cases: [unknown, RegExp][] = [
    [{ reasoning: "r", title: "t", item_ids: ["i1"] }, /"tip" is missing/],
    [
      { reasoning: "r", title: 3, item_ids: [], tip: "p" },
      /"title" is not text/,
    ],
    [{ reasoning: "r", title: "t", tip: "p" }, /"item_ids" is missing/],
    [{ reasoning: "r", title: "t", item_ids: [1], tip: "p" }, /list of ids/],
    [{ reasoning: "r", title: "t", item_ids: "i1", tip: "p" }, /list of ids/],
    ["just text", /not an object/],
    [[1, 2], /an array, not an object/],
    [null, /null, not an object/],
  ];
  for (const [outfit, reason] of cases) {
    const events = feed([JSON.stringify({ outfits: [outfit] })]);
    const last = events.at(-1);
    assert.equal(last?.type, "invalid_outfit", JSON.stringify(outfit));
    assert.equal(events[0].type, "outfit_started");
    if (last?.type === "invalid_outfit") assert.match(last.reason, reason);
  }
});

Deno.test("[parse] a repeated reasoning key makes the outfit invalid", () => {
  const events = feed([
    '{"outfits":[{"reasoning":"a","title":"t","item_ids":[],"tip":"p","reasoning":"b"}]}',
  ]);
  assert.deepEqual(events.at(-1), {
    type: "invalid_outfit",
    index: 0,
    reason: '"reasoning" appears twice',
  });
});

Deno.test("[parse] malformed JSON throws with its position; earlier events stand", () => {
  const parser = new OutfitStreamParser();
  const ok =
    '{"outfits":[{"reasoning":"r","title":"t","item_ids":[],"tip":"p"}';
  assert.deepEqual(parser.write(ok).map((e) => e.type), [
    "outfit_started",
    "reasoning",
    "outfit",
  ]);
  assert.throws(
    () => parser.write(' {"reasoning"'),
    (e: unknown) =>
      e instanceof ModelOutputError && /Malformed JSON/.test(e.message) &&
      e.message.includes(`at character ${ok.length + 1}`) &&
      e.position === ok.length + 1 && e.events.length === 0,
  );
  assert.throws(() => parser.write("]}"), ModelOutputError, "stays failed");
});

Deno.test("[parse] events completed in the failing write travel with the error", () => {
  const parser = new OutfitStreamParser();
  try {
    parser.write(
      '{"outfits":[{"reasoning":"r","title":"t","item_ids":[],"tip":"p"}}',
    );
    assert.fail("should throw");
  } catch (error) {
    assert.ok(error instanceof ModelOutputError);
    assert.deepEqual(error.events.map((e) => e.type), [
      "outfit_started",
      "reasoning",
      "outfit",
    ]);
  }
});

Deno.test("[parse] bad tokens are caught by the tokenizer too", () => {
  const parser = new OutfitStreamParser();
  assert.throws(
    () => parser.write('{"outfits": [trux'),
    ModelOutputError,
  );
  const other = new OutfitStreamParser();
  assert.throws(() => other.write("```json\n{"), /Malformed JSON.*character 0/);
});

Deno.test("[parse] text after the end of the document is an error; whitespace is not", () => {
  const doc = '{"outfits":[]}';
  assert.deepEqual(feed([doc, " \n\t "]), []);
  const parser = new OutfitStreamParser();
  parser.write(doc);
  assert.throws(
    () => parser.write("\nThanks!"),
    /Unexpected text after the end of the JSON document/,
  );
});

Deno.test("[parse] a truncated document never yields the open outfit", () => {
  const doc = DOCUMENTS.compact;
  const cut = doc.indexOf("}") - 3;
  const parser = new OutfitStreamParser();
  const events = parser.write(doc.slice(0, cut));
  assert.ok(events.every((e) => e.type !== "outfit"));
  assert.throws(
    () => parser.end(),
    (e: unknown) =>
      e instanceof ModelOutputError &&
      /ended before its JSON document was complete/.test(e.message),
  );
});

Deno.test("[parse] an empty output or one without outfits fails at end()", () => {
  assert.throws(() => new OutfitStreamParser().end(), /ended before/);
  for (const doc of ['{"outfits":{}}', "[]", '{"answer":"none"}', "12"]) {
    const parser = new OutfitStreamParser();
    parser.write(doc);
    assert.throws(() => parser.end(), /no "outfits" array/, doc);
  }
});

Deno.test("[parse] only the first outfits array counts", () => {
  const events = feed([
    '{"outfits":[],"outfits":[{"reasoning":"r","title":"t","item_ids":[],"tip":"p"}]}',
  ]);
  assert.deepEqual(events, []);
});
