/**
 * Which stylist does the work: the model when a key is configured, with the
 * built-in stylist behind it; otherwise the built-in stylist alone.
 */
import type { Config } from "../config.ts";
import { createLocalStylist } from "./providers/local.ts";
import { createModelStylist } from "./providers/model.ts";
import { createOpenAIStreamer } from "./providers/openai.ts";
import type { Stylist } from "./types.ts";

export type Stylists = {
  stylist: Stylist;
  /** Fills in for the model; absent when the built-in stylist is primary. */
  fallback?: Stylist;
  /** For the start-up log line; never includes the key. */
  description: string;
};

export function selectStylists(config: Config): Stylists {
  const local = createLocalStylist({ delayMs: config.localDelayMs });
  if (!config.model) {
    return {
      stylist: local,
      description: "built-in stylist (no OPENAI_API_KEY)",
    };
  }
  const { model, baseURL } = config.model;
  const streamer = createOpenAIStreamer(config.model);
  return {
    stylist: createModelStylist(streamer),
    // The fallback is never paced: it steps in when the shopper has waited.
    fallback: createLocalStylist(),
    description: `${model} via ${baseURL ?? "OpenAI"}, built-in fallback`,
  };
}
