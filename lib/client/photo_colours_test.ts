import assert from "node:assert/strict";
import { suggestColours } from "./photo_colours.ts";

/** An ImageData-shaped picture: `fill` everywhere, `stripe` across the middle. */
function picture(
  fill: [number, number, number],
  stripe?: [number, number, number],
): ImageData {
  const width = 100;
  const height = 100;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = stripe && y >= 40 && y < 60 ? stripe : fill;
      data.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data, colorSpace: "srgb" } as ImageData;
}

Deno.test("[photo colours] a navy piece with a white stripe is navy, then white", () => {
  assert.deepEqual(
    suggestColours(picture([31, 44, 77], [250, 250, 247])),
    ["navy", "white"],
  );
});

Deno.test("[photo colours] near colours map to the palette's", () => {
  assert.deepEqual(suggestColours(picture([200, 60, 45])), ["red"]);
  assert.deepEqual(suggestColours(picture([30, 30, 30])), ["black"]);
  assert.deepEqual(suggestColours(picture([185, 135, 90])), ["camel"]);
});

Deno.test("[photo colours] the edges (background) do not count", () => {
  const width = 100;
  const data = new Uint8ClampedArray(width * width * 4);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const middle = x >= 25 && x < 75 && y >= 25 && y < 75;
      data.set(
        middle ? [31, 122, 90, 255] : [250, 250, 247, 255],
        (y * width + x) * 4,
      );
    }
  }
  const colours = suggestColours({ width, height: width, data } as ImageData);
  assert.equal(colours[0], "emerald");
});

/** A `piece` square over the middle half of a `ground`, as laid on a bed. */
function laidOut(
  ground: [number, number, number],
  piece: [number, number, number],
): ImageData {
  const width = 120;
  const data = new Uint8ClampedArray(width * width * 4);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const on = x >= 30 && x < 90 && y >= 30 && y < 90;
      data.set([...(on ? piece : ground), 255], (y * width + x) * 4);
    }
  }
  return { width, height: width, data } as ImageData;
}

Deno.test("[photo colours] the ground around a piece is left out", () => {
  assert.deepEqual(
    suggestColours(laidOut([241, 232, 210], [31, 44, 77])),
    ["navy"],
  );
});

Deno.test("[photo colours] a white piece on a white ground is still white", () => {
  assert.deepEqual(
    suggestColours(laidOut([250, 250, 247], [248, 248, 245])),
    ["white"],
  );
});
