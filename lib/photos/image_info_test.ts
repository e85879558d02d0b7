import assert from "node:assert/strict";
import { JPEG_24x16, makePng, WEBP_24x16 } from "../../tests/helpers/images.ts";
import { imageInfo } from "./image_info.ts";

Deno.test("[image info] JPEG, PNG and WebP are recognised with their size", async () => {
  assert.deepEqual(imageInfo(JPEG_24x16), {
    ok: true,
    type: "image/jpeg",
    width: 24,
    height: 16,
  });
  assert.deepEqual(imageInfo(WEBP_24x16), {
    ok: true,
    type: "image/webp",
    width: 24,
    height: 16,
  });
  assert.deepEqual(imageInfo(await makePng(30, 20, [200, 10, 10])), {
    ok: true,
    type: "image/png",
    width: 30,
    height: 20,
  });
});

Deno.test("[image info] files cut short are damaged", async () => {
  const png = await makePng(30, 20, [0, 0, 0]);
  for (const bytes of [JPEG_24x16, WEBP_24x16, png]) {
    for (const cut of [1, 10, Math.floor(bytes.length / 2)]) {
      const info = imageInfo(bytes.subarray(0, bytes.length - cut));
      assert.deepEqual(info, { ok: false, problem: "damaged" }, `cut ${cut}`);
    }
  }
});

Deno.test("[image info] anything else is unknown, whatever it claims", () => {
  const text = (s: string) => new TextEncoder().encode(s);
  for (
    const bytes of [
      text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
      text("<!doctype html><script>alert(1)</script>"),
      text("GIF89a"),
      new Uint8Array(),
      new Uint8Array([0xff, 0xd8]),
    ]
  ) {
    assert.equal(imageInfo(bytes).ok, false);
  }
});
