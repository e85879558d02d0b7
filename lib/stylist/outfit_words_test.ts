import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../sample_wardrobe.ts";
import { falseTitle } from "./outfit_words.ts";

const byId = new Map(SAMPLE_WARDROBE.map((item) => [item.id, item]));
const outfit = (...ids: string[]) => ids.map((id) => byId.get(id)!);
const DATE = outfit(
  "black-leather-jacket",
  "rust-satin-camisole",
  "olive-pleated-midi-skirt",
  "tan-suede-ankle-boots",
);

Deno.test("[words] a title naming only the outfit's pieces is true", () => {
  for (
    const title of [
      "Black leather jacket over a rust satin camisole",
      "Leather jacket, camisole and ankle boots",
      "Rust and olive: cami with a skirt",
      "Date-night ready: rust camisole and tan boots",
      "The camisole, dressed down",
      "Evening ease",
    ]
  ) assert.equal(falseTitle(title, DATE), null, title);
});

Deno.test("[words] a title naming a piece the outfit lacks is false", () => {
  assert.match(
    falseTitle("Navy blazer over a rust camisole", DATE) ?? "",
    /navy blazer/,
  );
  assert.ok(falseTitle("Emerald dress with ankle boots", DATE));
  assert.ok(falseTitle("Camisole, skirt and heels", DATE));
  assert.ok(falseTitle("Leather jacket and jeans", DATE));
});

Deno.test("[words] a colour must match the piece it describes", () => {
  assert.ok(falseTitle("Brown leather jacket over a camisole", DATE));
  assert.equal(falseTitle("Black jacket over a camisole", DATE), null);
});

Deno.test("[words] general words match their family", () => {
  const dress = outfit("emerald-satin-midi-dress", "black-pointed-heels");
  assert.equal(falseTitle("Emerald dress and black shoes", dress), null);
  assert.equal(falseTitle("Dress up in emerald", dress), null);
  assert.ok(falseTitle("Emerald dress and a clutch", dress));
});
