/**
 * Turns the model's streamed text into outfit events while it is written:
 * `{"outfits":[{"reasoning","title","item_ids","tip"}, …]}` arrives a few
 * characters at a time, and the shopper should see each outfit's reasoning
 * as it is typed and each outfit the moment its object closes.
 *
 * Built on @streamparser/json with partial values on. What that parser
 * reports (see its tokenparser.ts), and what this module relies on:
 * - A string still being written is reported, once per `write()` that ends
 *   inside it, with `partial: true` and the WHOLE string so far (not a
 *   delta). Nothing is reported for a write that ends inside an escape
 *   (`\`, `\u00`) or between the halves of an escaped surrogate pair, so a
 *   partial value never holds half a character.
 * - Opening `{` or `[` is reported as a partial with `value: undefined`;
 *   keys (complete or not) as partials with `value: undefined` and the key
 *   text in `key`.
 * - `stack` lists the open containers outermost first, each with the key it
 *   sits under: inside outfits[k] it reads [root, {key:"outfits"}, {key:k}].
 * - Once the top-level value closes the parser ends itself; calling its
 *   `end()` again then throws, so `end()` here checks first.
 */
import { JSONParser, type ParsedElementInfo } from "@streamparser/json";
import type { OutfitDraft } from "./types.ts";

/** What the parser makes of the text so far; indices are 0-based. */
export type ParseEvent =
  /** outfits[index]'s object opened. */
  | { type: "outfit_started"; index: number }
  /** New characters of outfits[index].reasoning, as they arrive. */
  | { type: "reasoning"; index: number; delta: string }
  /** outfits[index] closed with the right shape (ids are still the prompt's short ids). */
  | { type: "outfit"; index: number; outfit: OutfitDraft }
  /** outfits[index] closed but is not the right shape (missing field, wrong type). */
  | { type: "invalid_outfit"; index: number; reason: string };

/** The model's output is not the JSON document asked for. */
export class ModelOutputError extends Error {
  override name = "ModelOutputError";
  /**
   * @param events Events completed by the failing call before the fault, so
   *   an outfit that closed just before the garbage is not lost.
   * @param position Character offset of the fault in the output, when known.
   */
  constructor(
    message: string,
    readonly events: ParseEvent[] = [],
    readonly position?: number,
  ) {
    super(message);
  }
}

const FIELDS = ["reasoning", "title", "tip"] as const;

/**
 * An incremental parser over the model's text deltas.
 *
 * @example
 * const parser = new OutfitStreamParser();
 * for await (const delta of deltas) for (const e of parser.write(delta)) handle(e);
 * for (const e of parser.end()) handle(e);
 */
export class OutfitStreamParser {
  #json = new JSONParser({ emitPartialTokens: true, emitPartialValues: true });
  #events: ParseEvent[] = [];
  #started = new Set<number>();
  /** Characters of reasoning already sent, per outfit. */
  #sent = new Map<number, number>();
  #reasoningDone = new Set<number>();
  #reasoningTwice = new Set<number>();
  /** The first `outfits` array has closed; a repeated key is ignored. */
  #outfitsClosed = false;
  #outfitsValue: unknown;
  #rootClosed = false;
  #chunks: string[] = [];
  #chars = 0;
  /** UTF-8 bytes before the chunk being parsed: the library's offsets are in bytes. */
  #bytes = 0;
  #chunk = "";
  #lastTokenOffset = 0;
  #openStart: number | null = null;
  #failed: ModelOutputError | null = null;
  #ended = false;

  constructor() {
    this.#json.onToken = ({ offset }) => {
      this.#lastTokenOffset = offset;
    };
    this.#json.onValue = (info) => this.#onValue(info);
  }

  /** Characters received since the current outfit opened (0 between outfits). */
  get charsInCurrentOutfit(): number {
    return this.#openStart === null ? 0 : this.#chars - this.#openStart;
  }

  /**
   * Feeds a text delta; returns the events it completes, in order.
   *
   * @throws {ModelOutputError} on malformed JSON or text after the document.
   */
  write(text: string): ParseEvent[] {
    this.#assertOpen();
    this.#chunks.push(text);
    this.#chunk = text;
    try {
      this.#json.write(text);
    } catch (error) {
      throw this.#fail(error);
    } finally {
      this.#chars += text.length;
      this.#bytes += utf8Length(text);
    }
    return this.#drain();
  }

  /**
   * Call when the stream ended; returns any last events.
   *
   * @throws {ModelOutputError} if the document is incomplete or has no outfits list.
   */
  end(): ParseEvent[] {
    this.#assertOpen();
    this.#ended = true;
    if (!this.#json.isEnded) {
      try {
        this.#json.end();
      } catch (error) {
        throw this.#fail(error);
      }
    }
    if (!this.#rootClosed) throw this.#fail(new Error("no JSON document"));
    if (!Array.isArray(this.#outfitsValue)) {
      throw this.#fail(new Error(`it has no "outfits" array`), false);
    }
    return this.#drain();
  }

  #assertOpen(): void {
    if (this.#failed) {
      throw new ModelOutputError(
        `The parser already failed: ${this.#failed.message}`,
      );
    }
    // Misuse by the caller, not a fault of the model.
    if (this.#ended) throw new Error("OutfitStreamParser: used after end()");
  }

  #drain(): ParseEvent[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }

  /** Wraps a library error with where it happened and what came before. */
  #fail(error: unknown, malformed = true): ModelOutputError {
    const detail = error instanceof Error ? error.message : String(error);
    const text = this.#chunks.join("");
    let message: string;
    let position: number;
    if (!malformed) {
      position = text.length;
      message = `The model's output is valid JSON but ${detail}`;
    } else if (this.#ended && !this.#rootClosed) {
      position = text.length;
      message =
        `The model's output ended before its JSON document was complete ` +
        `(${text.length} characters received): ${detail}`;
    } else {
      // Tokenizer errors carry the byte position; parser errors do not, but
      // the offending token is the last one the tokenizer reported.
      const bytes = Number(
        /absolute position "(\d+)"/.exec(detail)?.[1] ?? this.#lastTokenOffset,
      );
      position = charIndex(text, bytes);
      const near = JSON.stringify(
        text.slice(Math.max(0, position - 20), position + 20),
      );
      const what = this.#rootClosed
        ? "Unexpected text after the end of the JSON document"
        : "Malformed JSON";
      message = `${what} in the model's output at character ${position} ` +
        `(near ${near}): ${detail}`;
    }
    this.#failed = new ModelOutputError(message, this.#drain(), position);
    return this.#failed;
  }

  /** Must not throw: the library would report it as a JSON error. */
  #onValue({ value, key, stack, partial }: ParsedElementInfo): void {
    if (stack.length === 0) {
      if (!partial) this.#rootClosed = true;
      return;
    }
    if (stack.length === 1) {
      // A member of the root object; the first "outfits" is the one that counts.
      if (key === "outfits" && !partial && !this.#outfitsClosed) {
        this.#outfitsClosed = true;
        this.#outfitsValue = value;
      }
      return;
    }
    // stack[1] is the root object's entry for the container we are inside.
    if (this.#outfitsClosed || stack[1].key !== "outfits") return;
    if (stack.length === 2) {
      // An element of outfits[] itself; `undefined` is the array opening.
      if (typeof key !== "number" || value === undefined) return;
      this.#start(key);
      if (!partial) this.#close(key, value);
      return;
    }
    const index = stack[2].key;
    if (typeof index !== "number") return;
    this.#start(index);
    if (
      stack.length === 3 && key === "reasoning" && typeof value === "string"
    ) {
      this.#reasoning(index, value, partial === true);
    }
  }

  #start(index: number): void {
    if (this.#started.has(index)) return;
    this.#started.add(index);
    this.#openStart = this.#chars +
      charIndex(this.#chunk, this.#lastTokenOffset - this.#bytes);
    this.#events.push({ type: "outfit_started", index });
  }

  #reasoning(index: number, value: string, partial: boolean): void {
    if (this.#reasoningDone.has(index)) {
      // A second "reasoning" key: its text cannot be unsent, so the outfit
      // is refused rather than shown with reasoning that differs.
      this.#reasoningTwice.add(index);
      return;
    }
    const sent = this.#sent.get(index) ?? 0;
    if (value.length > sent) {
      this.#events.push({ type: "reasoning", index, delta: value.slice(sent) });
      this.#sent.set(index, value.length);
    }
    if (!partial) this.#reasoningDone.add(index);
  }

  #close(index: number, value: unknown): void {
    this.#openStart = null;
    const draft = this.#reasoningTwice.has(index)
      ? `"reasoning" appears twice`
      : toDraft(value);
    this.#events.push(
      typeof draft === "string"
        ? { type: "invalid_outfit", index, reason: draft }
        : { type: "outfit", index, outfit: draft },
    );
  }
}

/** The outfit's four fields, or why it is not the right shape; extra keys are dropped. */
function toDraft(value: unknown): OutfitDraft | string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return `The outfit is ${
      Array.isArray(value) ? "an array" : JSON.stringify(value)
    }, not an object`;
  }
  const fields = value as Record<string, unknown>;
  for (const field of FIELDS) {
    if (!(field in fields)) return `"${field}" is missing`;
    if (typeof fields[field] !== "string") return `"${field}" is not text`;
  }
  const ids = fields.item_ids;
  if (ids === undefined) return `"item_ids" is missing`;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) {
    return `"item_ids" is not a list of ids`;
  }
  return {
    title: fields.title as string,
    item_ids: [...ids],
    reasoning: fields.reasoning as string,
    tip: fields.tip as string,
  };
}

/** UTF-8 length; a surrogate half counts 2, so a pair split across chunks still adds up to 4. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >> 11) === 0x1b ? 2 : 3;
  }
  return bytes;
}

/** The character index that a UTF-8 byte offset into `text` falls on. */
function charIndex(text: string, byteOffset: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    if (bytes >= byteOffset) return i;
    bytes += utf8Length(text[i]);
  }
  return text.length;
}
