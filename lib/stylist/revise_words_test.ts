import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../sample_wardrobe.ts";
import { falseTitle } from "./outfit_words.ts";
import { reviseWords } from "./revise_words.ts";
import { occasionRequest } from "./test_fixtures.ts";

const wardrobe = [...SAMPLE_WARDROBE];
const byId = new Map(wardrobe.map((item) => [item.id, item]));
const items = [
  "navy-wool-blazer",
  "ivory-silk-blouse",
  "black-tailored-trousers",
  "black-leather-oxfords",
].map((id) => byId.get(id)!);
const request = occasionRequest("work");
const tip = "Tuck the blouse in.";

Deno.test("[revise words] a true, new title and tip stay as the model wrote them", () => {
  const words = reviseWords(
    { title: "Navy blazer over an ivory blouse", tip },
    items,
    { request, wardrobe, earlier: [] },
  );
  assert.deepEqual(words, { title: "Navy blazer over an ivory blouse", tip });
});

Deno.test("[revise words] a title naming a missing piece is rewritten, true to the pieces", () => {
  const words = reviseWords(
    { title: "Navy blazer with an emerald dress", tip },
    items,
    { request, wardrobe, earlier: [] },
  );
  assert.notEqual(words.title, "Navy blazer with an emerald dress");
  assert.equal(falseTitle(words.title, items), null, words.title);
  assert.equal(words.tip, tip);
});

Deno.test("[revise words] a title or tip an earlier card has is rewritten", () => {
  const earlier = [{ title: "Sharp and simple", tip }];
  const words = reviseWords(
    { title: "sharp and simple", tip },
    items,
    { request, wardrobe, earlier },
  );
  assert.notEqual(words.title.toLowerCase(), "sharp and simple");
  assert.notEqual(words.tip, tip);
  assert.match(words.tip, /^[A-Z].*\.$/);
});

Deno.test("[revise words] several occasions: the outfit says which it suits", () => {
  const words = reviseWords(
    { title: "Navy blazer over an ivory blouse", tip },
    items,
    {
      request: occasionRequest("work", "interview", "workout"),
      wardrobe,
      earlier: [],
    },
  );
  assert.deepEqual(words.occasions, ["work", "interview"]);
});
