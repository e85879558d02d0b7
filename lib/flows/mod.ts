/**
 * Every flow, keyed by its mode: the one table the engine looks a request's
 * flow up in. A mode in the request union without a flow here, or a flow
 * missing a part of {@link Flow}, is a type error.
 */
import { z } from "zod";
import type { Flow } from "./flow.ts";
import { completeFlow, CompleteRequest } from "./complete.ts";
import {
  considerBuyingFlow,
  ConsiderBuyingRequest,
} from "./consider_buying.ts";
import { occasionFlow, OccasionRequest } from "./occasion.ts";
import { tripFlow, TripRequest } from "./trip.ts";

/** The body of `POST /api/outfits/generate`: one of the flows' requests. */
export const GenerateRequest = z.discriminatedUnion("mode", [
  OccasionRequest,
  CompleteRequest,
  ConsiderBuyingRequest,
  TripRequest,
]);
export type GenerateRequest = z.infer<typeof GenerateRequest>;
export type Mode = GenerateRequest["mode"];
export type RequestOf<M extends Mode> = Extract<GenerateRequest, { mode: M }>;

export const FLOWS: { readonly [M in Mode]: Flow<RequestOf<M>> } = {
  occasion: occasionFlow,
  complete: completeFlow,
  consider_buying: considerBuyingFlow,
  trip: tripFlow,
};

/** The flow a request belongs to, typed for that request. */
export function flowOf<R extends GenerateRequest>(request: R): Flow<R> {
  return FLOWS[request.mode as Mode] as unknown as Flow<R>;
}

/** How many outfits a job for `request` makes. */
export function outfitCount(request: GenerateRequest): number {
  return flowOf(request).count(request);
}
