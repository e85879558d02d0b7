/**
 * POST /api/outfits/generate: the one door for every flow (lib/flows/). Validates the
 * request against the shopper's wardrobe and limits, then records and
 * enqueues a job in one commit and answers 202 with where to watch it.
 *
 * An `Idempotency-Key` header makes a retry safe: a repeat with the same key
 * (within the 24 h a job lives) answers with the job the first request made.
 */
import type { Context } from "hono";
import { define } from "../../../lib/define.ts";
import {
  createJob,
  type CreateJobResult,
  findReplay,
} from "../../../lib/jobs/store.ts";
import { flowOf, GenerateRequest } from "../../../lib/flows/mod.ts";
import { checkFeasible } from "../../../lib/stylist/outfit_rules.ts";
import { DEFAULT_CURRENCY } from "../../../lib/money.ts";
import { invalidRequest, jsonBody } from "../../../lib/validation.ts";
import { listWardrobe } from "../../../lib/wardrobe.ts";
import { rememberPlace } from "../../../lib/last_place.ts";
import { clientAddress } from "../../../lib/client_address.ts";

/** Visible ASCII, as the IETF Idempotency-Key draft's examples use. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export const POST = define.createHandlers(
  jsonBody(GenerateRequest),
  async (c) => {
    const { kv, limits, useQueue, currency, dispatch, addressHeader } = c.get(
      "state",
    );
    const userId = c.get("userId");
    const request = c.req.valid("json");
    const idempotencyKey = c.req.header("idempotency-key");
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      return invalidRequest(c, [{
        path: "Idempotency-Key",
        message: "Expected 1 to 255 visible ASCII characters",
      }]);
    }
    // A retry gets its job back even if the wardrobe changed meanwhile.
    const replay = idempotencyKey &&
      await findReplay(kv, userId, idempotencyKey, request);
    if (replay) return answer(c, replay);

    const wardrobe = await listWardrobe(kv, userId);

    const flow = flowOf(request);
    const issues = flow.issues?.(request, wardrobe) ?? [];
    if (issues.length) return invalidRequest(c, issues);
    const problem = checkFeasible(request, wardrobe);
    if (problem) return c.json({ error: problem }, 422);

    const created = await createJob(kv, {
      userId,
      request,
      limits,
      address: clientAddress(c, addressHeader),
      idempotencyKey,
      enqueue: useQueue ?? true,
      keepUntil: flow.days?.keepUntil(request),
      events: flow.firstEvents?.(
        request,
        wardrobe,
        currency ?? DEFAULT_CURRENCY,
      ),
    });
    // No queue (Deno Deploy, KV Connect): start it here, right after its
    // commit; the claim keeps it to one runner, the sweep is the backstop.
    if (created.kind === "created" && useQueue === false) {
      dispatch?.(created.job.id);
    }
    // Sent (even empty) means the shopper's "Where" field: next time's default.
    if (
      created.kind === "created" && flow.remembersPlace &&
      request.place !== undefined
    ) {
      await rememberPlace(kv, userId, request.place);
    }
    return answer(c, created);
  },
);

/** The HTTP answer to what `createJob` (or a replay) decided. */
function answer(c: Context, created: CreateJobResult): Response {
  if (created.kind === "limited") {
    c.header("Retry-After", String(created.retryAfterS));
    return c.json(
      { error: created.error, retry_after_s: created.retryAfterS },
      429,
    );
  }
  if (created.kind === "key_reused") {
    return c.json({
      error:
        "This Idempotency-Key was already used for a different request; send a new key for a new request.",
    }, 422);
  }
  const { job } = created;
  if (created.kind === "replayed") c.header("Idempotent-Replayed", "true");
  const statusUrl = `/api/jobs/${job.id}`;
  c.header("Location", statusUrl);
  return c.json({
    job_id: job.id,
    status: job.status,
    status_url: statusUrl,
    stream_url: `${statusUrl}/stream`,
  }, 202);
}
