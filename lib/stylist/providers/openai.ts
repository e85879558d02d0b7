/**
 * The model transport: streams a chat completion from OpenAI or any
 * OpenAI-compatible server as plain text deltas, with our own retries, a
 * first-token and an idle timeout, prompt cancellation and token usage. It is
 * the Deno counterpart of the original spec's `generate_text_stream(prompt,
 * system_message, temperature, max_tokens)`; what the text means (outfits
 * JSON) is the caller's business.
 */
import OpenAI, { APIError } from "openai";
import type { TokenUsage } from "../../schemas.ts";
import { ModelError, toModelError } from "./openai_errors.ts";
import { delay } from "../../delay.ts";
import { retryDelayMs } from "./openai_retry.ts";
import { readBody, SseParser } from "./sse_reader.ts";

export { ModelError, type ModelErrorKind } from "./openai_errors.ts";

export type OpenAIOptions = {
  apiKey: string;
  model: string;
  /** Any OpenAI-compatible server, e.g. "http://127.0.0.1:11434/v1". */
  baseURL?: string;
  /** Default 0.7. */
  temperature?: number;
  /** Default 2000. */
  maxTokens?: number;
  /** Retries, not attempts (default 3). */
  maxRetries?: number;
  /** Exponential backoff base with full jitter (default 500). */
  backoffBaseMs?: number;
  /** The longest wait we accept, ours or a server's retry-after (default 10 000). */
  maxRetryDelayMs?: number;
  /** Request sent → first content delta (default 20 000). */
  firstTokenTimeoutMs?: number;
  /** Longest gap between deltas after the first (default 15 000). */
  idleTimeoutMs?: number;
};

export type StreamTextRequest = {
  prompt: string;
  systemMessage?: string;
  temperature?: number;
  maxTokens?: number;
  /**
   * How many times longer than usual the reply will be (a trip's days, where
   * the cap is sized for three outfits): the token cap grows with it.
   */
  lengthFactor?: number;
  /** Passed through as `response_format` (structured outputs, e.g. {type:"json_schema", json_schema:{name, strict:true, schema}}). */
  responseFormat?: Record<string, unknown>;
  signal?: AbortSignal;
  /** Called once with the usage chunk (stream_options.include_usage). */
  onUsage?: (usage: TokenUsage) => void;
};

export interface TextStreamer {
  readonly model: string;
  /**
   * Yields the assistant's text as it arrives. Throws ModelError; when
   * `signal` aborts it throws kind "aborted" (the signal's reason is its
   * `cause`), so callers catch one error type on every path.
   */
  streamText(request: StreamTextRequest): AsyncGenerator<string>;
}

type Settings = Required<Omit<OpenAIOptions, "baseURL">>;

const OPENAI_HOST = "api.openai.com";

/**
 * Creates a streamer bound to one model and server.
 *
 * Failures before the first content delta (429, 5xx, connection errors, a
 * first-token timeout) are retried; after it nothing is, because the caller
 * has already shown the partial text.
 *
 * @example
 * ```ts
 * const streamer = createOpenAIStreamer({ apiKey, model: "gpt-4o-mini" });
 * let text = "";
 * for await (const delta of streamer.streamText({
 *   prompt: "Suggest an outfit",
 *   systemMessage: "You are a stylist",
 *   signal: job.signal,
 *   onUsage: (usage) => console.log(usage.total_tokens),
 * })) text += delta;
 * ```
 */
export function createOpenAIStreamer(options: OpenAIOptions): TextStreamer {
  const settings: Settings = {
    apiKey: options.apiKey,
    model: options.model,
    temperature: options.temperature ?? 0.7,
    maxTokens: options.maxTokens ?? 2000,
    maxRetries: options.maxRetries ?? 3,
    backoffBaseMs: options.backoffBaseMs ?? 500,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 10_000,
    firstTokenTimeoutMs: options.firstTokenTimeoutMs ?? 20_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 15_000,
  };
  const baseURL = options.baseURL ?? `https://${OPENAI_HOST}/v1`;
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL,
    // Retries are ours (see streamText): one policy that knows whether text
    // was already yielded, one attempt counter, explicit and testable.
    maxRetries: 0,
    // The SDK's timeout only covers the wait for response headers on a
    // stream; our first-token timer is the real one, this is a backstop.
    timeout: settings.firstTokenTimeoutMs + 1_000,
  });
  // OpenAI deprecated `max_tokens` and its reasoning models reject it, but
  // compatible servers (vLLM, Ollama, llama.cpp, LM Studio…) all read
  // `max_tokens` and several silently ignore `max_completion_tokens`, which
  // would leave the reply unbounded. So: the new name only for OpenAI itself.
  const limitField = new URL(baseURL).hostname === OPENAI_HOST
    ? "max_completion_tokens"
    : "max_tokens";
  return {
    model: options.model,
    streamText: (request) => streamText(client, settings, limitField, request),
  };
}

type Progress = { yielded: boolean; usageSent: boolean };

async function* streamText(
  client: OpenAI,
  settings: Settings,
  limitField: "max_tokens" | "max_completion_tokens",
  request: StreamTextRequest,
): AsyncGenerator<string> {
  const messages: OpenAI.ChatCompletionMessageParam[] = [];
  if (request.systemMessage) {
    messages.push({ role: "system", content: request.systemMessage });
  }
  messages.push({ role: "user", content: request.prompt });
  const body = {
    model: settings.model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
    temperature: request.temperature ?? settings.temperature,
    [limitField]: request.maxTokens ??
      Math.ceil(settings.maxTokens * Math.max(1, request.lengthFactor ?? 1)),
    ...(request.responseFormat
      ? { response_format: request.responseFormat }
      : {}),
  } as OpenAI.ChatCompletionCreateParamsStreaming;

  const progress: Progress = { yielded: false, usageSent: false };
  for (let attempt = 1;; attempt++) {
    try {
      yield* streamOnce(client, settings, request, body, attempt, progress);
      return;
    } catch (error) {
      const failure = toModelError(error, {
        attempts: attempt,
        secret: settings.apiKey,
      });
      if (
        !failure.retryable || progress.yielded || attempt > settings.maxRetries
      ) throw failure;
      const wait = retryDelayMs(attempt - 1, settings, failure.retryAfterMs);
      if (!await delay(wait, request.signal)) {
        throw abortError(request.signal, attempt);
      }
    }
  }
}

/** One HTTP request. Our own aborts carry a ModelError as the reason. */
async function* streamOnce(
  client: OpenAI,
  settings: Settings,
  request: StreamTextRequest,
  body: OpenAI.ChatCompletionCreateParamsStreaming,
  attempt: number,
  progress: Progress,
): AsyncGenerator<string> {
  const { signal } = request;
  const controller = new AbortController();
  const watchdog = new Watchdog(controller, attempt);
  const onAbort = () => controller.abort(abortError(signal, attempt));
  signal?.addEventListener("abort", onAbort, { once: true });
  let finished = false;
  try {
    if (signal?.aborted) onAbort();
    watchdog.arm(settings.firstTokenTimeoutMs, "first");
    // The SDK makes the request and judges its status (its errors carry
    // status and retry-after); the body, hundreds of tiny reads, is read
    // here, lean (see sse_reader.ts).
    const response = await client.chat.completions.create(body, {
      signal: controller.signal,
    }).asResponse();
    let refusal = "";
    for await (const chunk of chunksOf(response)) {
      if (chunk.usage && !progress.usageSent) {
        progress.usageSent = true;
        const { prompt_tokens, completion_tokens, total_tokens } = chunk.usage;
        request.onUsage?.({ prompt_tokens, completion_tokens, total_tokens });
      }
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      if (choice.finish_reason) finished = true;
      const text = choice.delta?.content;
      if (!text) {
        // A refusal, or a reasoning model thinking aloud (DeepSeek, vLLM),
        // proves the server is alive: switch to the idle timeout rather
        // than kill a slow but healthy reply with the first-token one.
        if (liveText(choice.delta)) {
          watchdog.arm(settings.idleTimeoutMs, "idle");
        }
        refusal += choice.delta?.refusal ?? "";
        continue;
      }
      // Time the consumer spends between pulls is not the server's silence.
      watchdog.pause();
      progress.yielded = true;
      yield text;
      watchdog.arm(settings.idleTimeoutMs, "idle");
    }
    // An aborted body may end quietly instead of throwing.
    if (controller.signal.aborted) throw controller.signal.reason;
    if (!finished) {
      // The SDK treats a body that ends without [DONE] as a normal end; only
      // the missing finish_reason shows the connection was dropped.
      throw new ModelError(
        "Model stream ended before finish_reason: the connection dropped",
        { kind: "connection", retryable: true, attempts: attempt },
      );
    }
    if (refusal && !progress.yielded) {
      throw new ModelError(`Model refused: "${refusal.slice(0, 200)}"`, {
        kind: "other",
        retryable: false,
        attempts: attempt,
      });
    }
  } catch (error) {
    // After our own abort the SDK throws APIUserAbortError or a fetch
    // error; the reason we aborted with says what really happened.
    const reason = controller.signal.reason;
    const failure = reason instanceof ModelError ? reason : error;
    // Past finish_reason the text is whole: a stall or cut while waiting for
    // the usage chunk or [DONE] costs only the usage. The caller's abort
    // still wins.
    if (
      finished && !(failure instanceof ModelError && failure.kind === "aborted")
    ) {
      return;
    }
    throw failure;
  } finally {
    watchdog.clear();
    signal?.removeEventListener("abort", onAbort);
    // Closes the body when the consumer stopped early; a no-op after [DONE].
    controller.abort();
  }
}

type Chunk = OpenAI.ChatCompletionChunk;

/**
 * The reply's chunks up to `[DONE]`, as the SDK's stream would give them:
 * an `error` event or an `error` object in a chunk is an APIError (with no
 * status: it came after the 200), malformed JSON a SyntaxError.
 */
async function* chunksOf(response: Response): AsyncGenerator<Chunk> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  const parser = new SseParser();
  for await (const bytes of readBody(response.body)) {
    for (const sse of parser.push(decoder.decode(bytes, { stream: true }))) {
      if (sse.data === "[DONE]") return;
      let data;
      try {
        data = JSON.parse(sse.data);
      } catch {
        throw new SyntaxError(
          "Error reading response: malformed server-sent event JSON.",
        );
      }
      if (sse.event === "error" || data?.error) {
        throw new APIError(
          undefined,
          data?.error ?? data,
          undefined,
          response.headers,
        );
      }
      yield data as Chunk;
    }
  }
}

function abortError(signal: AbortSignal | undefined, attempts: number) {
  return new ModelError("Model request aborted", {
    kind: "aborted",
    retryable: false,
    attempts,
    cause: signal?.reason,
  });
}

/** Text in a delta other than `content`: a refusal or reasoning tokens. */
function liveText(delta: object | undefined): boolean {
  const fields = delta as Record<string, unknown> | undefined;
  return ["refusal", "reasoning_content", "reasoning"].some((key) =>
    typeof fields?.[key] === "string" && fields[key] !== ""
  );
}

/**
 * One timer per request that aborts it with a timeout ModelError. It is
 * re-armed after every delta, hundreds of times a reply: arming only moves
 * a deadline, and the timer, when it fires early, sleeps again until the
 * deadline (a fresh timer per delta was ~7 % of a job thread's allocation
 * with 100 replies streaming).
 */
class Watchdog {
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the timer fires: never before `#deadline`. */
  #firesAt = 0;
  #deadline = Infinity;
  #ms = 0;
  #phase: "first" | "idle" = "first";

  constructor(
    private readonly controller: AbortController,
    private readonly attempt: number,
  ) {}

  arm(ms: number, phase: "first" | "idle") {
    this.#ms = ms;
    this.#phase = phase;
    this.#deadline = performance.now() + ms;
    // A deadline earlier than the pending timer (the first token's 20 s
    // giving way to a shorter idle limit) needs a timer of its own.
    if (this.#timer === undefined || this.#firesAt > this.#deadline) {
      this.#schedule();
    }
  }

  /** Paused: the consumer has the delta; the server is not being silent. */
  pause() {
    this.#deadline = Infinity;
  }

  /** Done with the request: no timer is left behind. */
  clear() {
    this.#deadline = Infinity;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#firesAt = this.#deadline;
    this.#timer = setTimeout(
      () => this.#fire(),
      Math.max(0, this.#deadline - performance.now()),
    );
  }

  #fire() {
    this.#timer = undefined;
    if (this.#deadline === Infinity) return; // paused; arm() sets a new one
    if (performance.now() < this.#deadline) {
      this.#schedule();
      return;
    }
    const ms = this.#ms;
    const message = this.#phase === "first"
      ? `No content from the model within ${ms} ms`
      : `Model stream stalled: no content for ${ms} ms`;
    this.controller.abort(
      new ModelError(message, {
        kind: "timeout",
        retryable: true,
        attempts: this.attempt,
      }),
    );
  }
}
