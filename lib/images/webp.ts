/**
 * WebP decoding on the server, for the one renderer that cannot read WebP
 * (resvg, for a shared look's picture), and most wardrobe photos are WebP:
 * the browser re-encodes uploads to it. libwebp compiled to WebAssembly
 * (@jsquash/webp, from Squoosh), loaded on first use.
 */
import type { Pixels } from "./png.ts";

let ready: Promise<(bytes: Uint8Array) => Promise<ImageData>> | null = null;

function decoder() {
  ready ??= (async () => {
    const [{ default: decode, init }, { default: wasm }] = await Promise.all([
      import("@jsquash/webp/decode.js"),
      import("@jsquash/webp/codec/dec/webp_dec.wasm", {
        with: { type: "bytes" },
      }),
    ]);
    await init(await WebAssembly.compile(wasm));
    return (bytes: Uint8Array) => decode(bytes.slice().buffer);
  })();
  return ready;
}

export async function decodeWebp(bytes: Uint8Array): Promise<Pixels> {
  const image = await (await decoder())(bytes);
  return {
    width: image.width,
    height: image.height,
    channels: 4,
    data: image.data,
  };
}
