/**
 * The picture a shared link unfurls into (Open Graph's 1200 × 630): the
 * look's title and pieces on the left, their pictures as a board on the
 * right, in the app's own colours. Pure layout: photos arrive as `data:`
 * URLs, drawings as a function that places one, and text widths come from
 * the renderer's own measure, so a long title wraps where it really ends.
 */
import type { IllustrationFrame } from "../illustrations/render.ts";
import { escapeXml } from "../images/xml.ts";
import type { MeasureText } from "../images/svg_to_png.ts";
import { FONT_FAMILY } from "../images/svg_to_png.ts";

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** static/css/base.css's palette. */
const COLORS = {
  bone: "#f7f3ec",
  sand: "#e8dccb",
  card: "#fffdf9",
  tile: "#f3ede4",
  ink: "#2b2622",
  muted: "#6b6158",
  terracottaInk: "#9c4a27",
};

/** A photo fills its tile; a drawing sits inside it. */
export type PreviewPiece =
  & { name: string }
  & (
    /** A `data:` URL of a PNG or JPEG. */
    | { photo: string }
    /** The drawing as SVG markup, placed in `frame`. */
    | { draw: (frame: IllustrationFrame) => string }
  );

const TEXT_LEFT = 72;
const TEXT_WIDTH = 400;
const BOARD = { x: 536, y: 40, width: 624, height: 550, padding: 28 };
const GAP = 16;

/** Words into lines no wider than `width`, a word too long cut with "…". */
function wrap(
  text: string,
  size: number,
  width: number,
  measure: MeasureText,
): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && measure(`${last} ${word}`, size) <= width) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(fit(word, size, width, measure));
    }
  }
  return lines;
}

/** The text as is if it fits, else cut short with "…". */
function fit(
  text: string,
  size: number,
  width: number,
  measure: MeasureText,
): string {
  if (measure(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && measure(`${cut}…`, size) > width) {
    cut = cut.slice(0, -1);
  }
  return `${cut.trimEnd()}…`;
}

/**
 * The title as large as it can be: three lines at most while it is large,
 * four when it is long, cut short after that.
 */
function titleLines(title: string, measure: MeasureText) {
  const steps = [[64, 3], [56, 3], [48, 3], [42, 4]] as const;
  for (const [size, most] of steps) {
    const lines = wrap(title, size, TEXT_WIDTH, measure);
    if (lines.length <= most) return { size, lines };
  }
  const size = 42;
  const lines = wrap(title, size, TEXT_WIDTH, measure).slice(0, 4);
  lines[3] = fit(`${lines[3]}…`, size, TEXT_WIDTH, measure);
  return { size, lines };
}

function text(
  x: number,
  y: number,
  size: number,
  fill: string,
  content: string,
  extra = "",
): string {
  return `<text x="${x}" y="${y}" font-family="${FONT_FAMILY}" font-weight="600" font-size="${size}" fill="${fill}"${extra}>${
    escapeXml(content)
  }</text>`;
}

/** Columns and rows for `n` tiles: as large as the board allows. */
function grid(n: number): { cols: number; rows: number } {
  if (n <= 2) return { cols: Math.max(n, 1), rows: 1 };
  if (n <= 4) return { cols: 2, rows: 2 };
  if (n <= 6) return { cols: 3, rows: 2 };
  return { cols: 3, rows: Math.ceil(n / 3) };
}

function tiles(pieces: readonly PreviewPiece[]): string {
  const { cols, rows } = grid(pieces.length);
  const inner = {
    width: BOARD.width - 2 * BOARD.padding,
    height: BOARD.height - 2 * BOARD.padding,
  };
  const w = (inner.width - GAP * (cols - 1)) / cols;
  const h = (inner.height - GAP * (rows - 1)) / rows;
  return pieces.map((piece, i) => {
    const row = Math.floor(i / cols);
    // A last row that is not full is centred.
    const inRow = Math.min(cols, pieces.length - row * cols);
    const offset = ((cols - inRow) * (w + GAP)) / 2;
    const x = BOARD.x + BOARD.padding + offset + (i % cols) * (w + GAP);
    const y = BOARD.y + BOARD.padding + row * (h + GAP);
    const box = `x="${x}" y="${y}" width="${w}" height="${h}"`;
    const tile = `<rect ${box} rx="18" fill="${COLORS.tile}"/>`;
    if ("photo" in piece) {
      return `${tile}<clipPath id="tile-${i}"><rect ${box} rx="18"/></clipPath><image ${box} href="${piece.photo}" preserveAspectRatio="xMidYMid slice" clip-path="url(#tile-${i})"/>`;
    }
    const inset = Math.min(w, h) * 0.05;
    return tile + piece.draw({
      x: x + inset,
      y: y + inset,
      width: w - 2 * inset,
      height: h - 2 * inset,
      fabricId: `fabric-${i}`,
    });
  }).join("");
}

/** The pieces' names, one a line, as many as there is room for. */
function names(
  pieces: readonly PreviewPiece[],
  top: number,
  measure: MeasureText,
): string {
  const size = 26;
  const line = 38;
  const room = Math.max(
    0,
    Math.floor((PREVIEW_HEIGHT - 64 - top) / line),
  );
  const shown = pieces.length > room
    ? [
      ...pieces.slice(0, room - 1).map((p) => p.name),
      `and ${pieces.length - room + 1} more`,
    ]
    : pieces.map((p) => p.name);
  return shown.map((name, i) =>
    text(
      TEXT_LEFT,
      top + i * line,
      size,
      COLORS.muted,
      fit(name, size, TEXT_WIDTH, measure),
    )
  ).join("");
}

export function previewSvg(
  title: string,
  pieces: readonly PreviewPiece[],
  measure: MeasureText,
): string {
  const heading = titleLines(title, measure);
  const titleTop = 184;
  const lineHeight = Math.round(heading.size * 1.12);
  const titleBottom = titleTop + (heading.lines.length - 1) * lineHeight;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}">`,
    `<rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="${COLORS.bone}"/>`,
    text(
      TEXT_LEFT,
      100,
      24,
      COLORS.terracottaInk,
      "STYLIST",
      ' letter-spacing="4"',
    ),
    ...heading.lines.map((line, i) =>
      text(
        TEXT_LEFT,
        titleTop + i * lineHeight,
        heading.size,
        COLORS.ink,
        line,
      )
    ),
    names(pieces, titleBottom + 64, measure),
    `<rect x="${BOARD.x}" y="${BOARD.y}" width="${BOARD.width}" height="${BOARD.height}" rx="28" fill="${COLORS.card}" stroke="${COLORS.sand}" stroke-width="2"/>`,
    tiles(pieces),
    "</svg>",
  ].join("");
}
