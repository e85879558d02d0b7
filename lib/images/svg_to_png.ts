/**
 * SVG to PNG on the server: resvg (Rust, compiled to WebAssembly), with the
 * headings' typeface, Fraunces, as its only font, so a picture renders the
 * same on every machine. Loaded on first use: a server that never draws a
 * preview never pays for the 2.5 MB module.
 */
import type { Resvg } from "@resvg/resvg-wasm";

type Parsed = InstanceType<typeof Resvg>;
import { woffToSfnt } from "../fonts/woff.ts";
import { escapeXml } from "./xml.ts";

/** The family an SVG names to get the one font there is. */
export const FONT_FAMILY = "Fraunces";

/** How wide `text` is at `size` px in the font, as resvg lays it out. */
export type MeasureText = (text: string, size: number) => number;

type Renderer = { render: (svg: string) => Uint8Array; measure: MeasureText };

let ready: Promise<Renderer> | null = null;

function renderer(): Promise<Renderer> {
  ready ??= (async () => {
    const [resvg, wasm, latin, latinExt] = await Promise.all([
      import("@resvg/resvg-wasm"),
      import("@resvg/resvg-wasm/index_bg.wasm", { with: { type: "bytes" } }),
      import("@fontsource/fraunces/files/fraunces-latin-600-normal.woff", {
        with: { type: "bytes" },
      }),
      import("@fontsource/fraunces/files/fraunces-latin-ext-600-normal.woff", {
        with: { type: "bytes" },
      }),
    ]);
    await resvg.initWasm(wasm.default);
    const fontBuffers = await Promise.all(
      [latin.default, latinExt.default].map(woffToSfnt),
    );
    const font = {
      fontBuffers,
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
    };
    // resvg's objects live in WebAssembly memory: freed, not collected.
    function withSvg<T>(svg: string, use: (r: Parsed) => T): T {
      const parsed = new resvg.Resvg(svg, { font });
      try {
        return use(parsed);
      } finally {
        parsed.free();
      }
    }
    return {
      render: (svg) =>
        withSvg(svg, (parsed) => {
          const image = parsed.render();
          try {
            return image.asPng();
          } finally {
            image.free();
          }
        }),
      measure: (text, size) =>
        withSvg(
          `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="400"><text x="0" y="${size}" font-family="${FONT_FAMILY}" font-size="${size}">${
            escapeXml(text)
          }</text></svg>`,
          (parsed) => parsed.getBBox()?.width ?? 0,
        ),
    };
  })();
  ready.catch(() => ready = null);
  return ready;
}

/**
 * Renders a whole SVG document at its own size. Pictures it embeds must be
 * `data:` URLs of PNG, JPEG or SVG: nothing is fetched.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  return (await renderer()).render(svg);
}

/** Text measuring, once the renderer is loaded (layout before rendering). */
export async function textMeasure(): Promise<MeasureText> {
  return (await renderer()).measure;
}
