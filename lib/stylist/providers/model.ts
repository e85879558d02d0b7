/**
 * A language model as a stylist: the flow's prompt goes in, the token stream
 * comes back through the incremental parser, and each outfit is handed on
 * the moment its JSON object closes, with short prompt ids mapped back to
 * wardrobe ids. Transport faults become shopper-readable `StylistError`s so
 * the worker can say what happened while the fallback finishes the job.
 */
import type { TokenUsage } from "../../schemas.ts";
import { outfitCount } from "../../flows/mod.ts";
import { OUTFITS_PER_JOB } from "../../flows/three_outfits.ts";
import {
  ModelOutputError,
  OutfitStreamParser,
  type ParseEvent,
} from "../parse.ts";
import { buildPrompt, type StylistPrompt } from "../prompt.ts";
import {
  type Stylist,
  StylistError,
  type StylistEvent,
  type StylistInput,
} from "../types.ts";
import { ModelError, type TextStreamer } from "./openai.ts";

export type ModelStylistOptions = {
  /** The clock that decides the season in the prompt; injectable for tests. */
  now?: () => Date;
};

/**
 * Roughly how much JSON one outfit takes (reasoning, title, ids, tip). Only
 * steers the progress bar within an outfit, which is capped below 100 % of
 * the outfit until the object really closes.
 */
const EXPECTED_CHARS_PER_OUTFIT = 650;
const MAX_FRACTION_BEFORE_CLOSE = 0.95;

/**
 * @example
 * const stylist = createModelStylist(createOpenAIStreamer({ apiKey, model: "gpt-4o-mini" }));
 * for await (const event of stylist.generate(input)) console.log(event.type);
 */
export function createModelStylist(
  streamer: TextStreamer,
  options: ModelStylistOptions = {},
): Stylist {
  return {
    name: streamer.model,
    source: "model",
    generate: (input) => generate(streamer, input, options),
  };
}

async function* generate(
  streamer: TextStreamer,
  input: StylistInput,
  options: ModelStylistOptions,
): AsyncGenerator<StylistEvent> {
  const count = input.count ?? outfitCount(input.request);
  const prompt = buildPrompt(input.request, input.wardrobe, {
    count,
    avoid: input.avoid,
    angle: input.angle,
    taste: input.taste,
    verdict: input.verdict,
    context: input.context,
    now: options.now?.(),
  });
  const parser = new OutfitStreamParser();
  let usage: TokenUsage | undefined;
  let writing = false;
  const translate = function* (events: ParseEvent[]) {
    for (const event of events) {
      // A model that writes more outfits than asked is cut off at `count`.
      if (event.index >= count) continue;
      if (event.type === "outfit_started") writing = true;
      if (event.type === "outfit" || event.type === "invalid_outfit") {
        writing = false;
      }
      yield toStylistEvent(event, prompt);
    }
  };
  try {
    const text = streamer.streamText({
      prompt: prompt.user,
      systemMessage: prompt.system,
      responseFormat: prompt.responseFormat,
      // OPENAI_MAX_TOKENS is sized for three outfits; a long trip asks more.
      lengthFactor: count / OUTFITS_PER_JOB,
      signal: input.signal,
      onUsage: (u) => usage = u,
    });
    for await (const delta of text) {
      yield* translate(parser.write(delta));
      if (writing) {
        const fraction = parser.charsInCurrentOutfit /
          EXPECTED_CHARS_PER_OUTFIT;
        yield {
          type: "outfit_progress",
          fraction: Math.min(MAX_FRACTION_BEFORE_CLOSE, fraction),
        };
      }
    }
    yield* translate(parser.end());
  } catch (err) {
    if (input.signal.aborted) throw input.signal.reason ?? err;
    // An outfit that closed in the same delta as the fault still counts.
    if (err instanceof ModelOutputError) yield* translate(err.events);
    throw shopperError(err);
  }
  if (usage) yield { type: "usage", usage };
}

function toStylistEvent(
  event: ParseEvent,
  prompt: StylistPrompt,
): StylistEvent {
  switch (event.type) {
    case "outfit_started":
      return { type: "outfit_started", outfit_number: event.index + 1 };
    case "reasoning":
      return { type: "reasoning", delta: event.delta };
    case "invalid_outfit":
      return { type: "invalid_outfit", reason: event.reason };
    case "outfit":
      return {
        type: "outfit",
        outfit: {
          ...event.outfit,
          // An id the prompt never offered stays as it is: validation names it.
          item_ids: event.outfit.item_ids.map((id) => prompt.ids.get(id) ?? id),
        },
      };
  }
}

/** What a shopper is told; the technical cause stays attached for the log. */
function shopperError(err: unknown): Error {
  if (err instanceof StylistError) return err;
  let message = "The AI stylist ran into a problem";
  if (err instanceof ModelOutputError) {
    message = "The AI stylist's answer could not be read";
  } else if (err instanceof ModelError) {
    message = {
      rate_limited: "The AI stylist is busy right now",
      timeout: "The AI stylist took too long to answer",
      connection: "The connection to the AI stylist was lost",
      server: "The AI stylist is having trouble right now",
      auth: "The AI stylist is not set up correctly",
      bad_request: "The AI stylist could not take this request",
      aborted: "The request to the AI stylist was stopped",
      other: message,
    }[err.kind] ?? message;
  }
  return new StylistError(message, { cause: err });
}
