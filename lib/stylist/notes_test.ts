import assert from "node:assert/strict";
import { readNotes } from "./notes.ts";

const labels = (notes: string) => readNotes(notes).heard.map((h) => h.label);

Deno.test("[notes] the issue's own words are all heard", () => {
  assert.deepEqual(labels("Flats only, no heels… outdoors, cold"), [
    "flats only",
    "no heels",
    "outdoors",
    "cold",
  ]);
});

Deno.test("[notes] every documented phrase maps to its rule or band", () => {
  const cases: [string, string, string[] | string][] = [
    ["no heels please", "no heels", ["no-heels"]],
    ["I'll be walking a lot", "walking a lot", ["no-heels"]],
    ["no skirts", "no skirts", ["no-skirts"]],
    ["no dresses", "no dresses", ["no-dresses"]],
    ["trousers only", "trousers only", [
      "no-skirts",
      "no-dresses",
      "trousers-only",
    ]],
    ["no suede", "no suede", ["no-suede"]],
    ["nothing pink", "nothing pink", ["no-colour:pink"]],
    ["wear my green", "something green", ["some-colour:green"]],
    ["something gray", "something grey", ["some-colour:grey"]],
    ["dressy", "dressy", ["dressy"]],
    ["keep it casual", "casual", ["casual"]],
    ["hot", "hot", "hot"],
    ["warm", "warm", "warm"],
    ["keep me warm", "keep warm", "cold"],
    ["rain", "rain", "rain"],
    ["we'll be outside", "outdoors", "outdoors"],
  ];
  for (const [text, label, expected] of cases) {
    const [note, ...more] = readNotes(text).heard;
    assert.equal(more.length, 0, text);
    assert.equal(note?.label, label, text);
    if (typeof expected === "string") assert.equal(note.band, expected, text);
    else assert.deepEqual(note.rules, expected, text);
  }
});

Deno.test("[notes] a 'no' carries on to the next bare noun", () => {
  assert.deepEqual(labels("no skirts or dresses"), ["no skirts", "no dresses"]);
  assert.deepEqual(labels("nothing black, something green"), [
    "nothing black",
    "something green",
  ]);
});

Deno.test("[notes] what it cannot read is passed on in the shopper's words", () => {
  const read = readNotes("No heels. It's my sister's wedding, thanks!");
  assert.deepEqual(read.heard.map((h) => h.label), ["no heels"]);
  assert.deepEqual(read.passedOn, ["It's my sister's wedding"]);
});

Deno.test("[notes] a dress code is not 'no dresses'", () => {
  assert.deepEqual(labels("no dress code"), []);
});

Deno.test("[notes] empty notes hear nothing", () => {
  assert.deepEqual(readNotes(undefined), { heard: [], passedOn: [] });
  assert.deepEqual(readNotes("  "), { heard: [], passedOn: [] });
});

Deno.test("[notes] a denied wish is not read as the wish", () => {
  assert.deepEqual(labels("I don't want anything pink"), ["nothing pink"]);
  assert.deepEqual(labels("avoid wearing my green"), ["nothing green"]);
  for (
    const denied of [
      "not too casual",
      "not too dressy",
      "not cold",
      "it will not rain",
      "indoors, not outside",
    ]
  ) {
    const read = readNotes(denied);
    assert.deepEqual(read.heard, [], denied);
    assert.ok(read.passedOn.length > 0, denied);
  }
});

Deno.test("[notes] weather words count only as weather; black tie is a dress code", () => {
  for (
    const notWeather of [
      "hot pink top",
      "warm colours please",
      "dinner at a hot new restaurant",
      "Covent Garden",
    ]
  ) {
    assert.deepEqual(labels(notWeather), [], notWeather);
  }
  assert.deepEqual(labels("it'll be hot"), ["hot"]);
  assert.deepEqual(labels("a warm evening"), ["warm"]);
  assert.deepEqual(labels("black tie"), ["dressy"]);
  assert.deepEqual(labels("no black tie"), []);
});
