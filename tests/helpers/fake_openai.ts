/**
 * An OpenAI-compatible Chat Completions server on loopback, for tests and
 * benchmarks. It speaks the real streaming wire format (the role chunk, content
 * deltas, a `finish_reason` chunk, the `include_usage` chunk with
 * `choices: []`, then `data: [DONE]`), so the official SDK can be driven
 * end to end with no mocks, and it can misbehave on cue: HTTP errors, slow or
 * stalled streams, connections cut mid-reply.
 *
 * @example
 * ```ts
 * await using fake = await startFakeOpenAI([
 *   { status: 429, headers: { "retry-after-ms": "20" } },
 *   { chunks: chunkText("Hello, world", 3), paceMs: 5 },
 * ]);
 * const client = new OpenAI({ apiKey: "sk-test", baseURL: fake.baseURL });
 * ```
 */
import { delay } from "../../lib/delay.ts";
import type { TokenUsage } from "../../lib/schemas.ts";

export type FakeReply =
  /** An HTTP error reply (e.g. 429 with retry-after, 500). */
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | {
    /** The assistant's text, split into these content deltas in order. */
    chunks: string[];
    /** Delay between deltas (default 0). */
    paceMs?: number;
    /** Delay before the first delta (after the role chunk). */
    firstDelayMs?: number;
    /** Default: derived from lengths. */
    usage?: TokenUsage;
    /** Close the connection after N deltas (no finish_reason, no [DONE]). */
    cutAfter?: number;
    /**
     * How `cutAfter` ends the reply: "reset" (default) drops the connection
     * mid-body, as a crashed upstream or a proxy timeout does; "eof" ends the
     * body cleanly, as a proxy that swallows the upstream error does.
     */
    cutMode?: "reset" | "eof";
    /**
     * After N deltas send nothing more and keep the connection open until the
     * client goes away or the server is disposed.
     */
    stallAfter?: number;
  };

export type RecordedRequest = {
  // deno-lint-ignore no-explicit-any -- whatever JSON the client sent
  body: any;
  headers: Headers;
  /** performance.now() when the request arrived. */
  receivedAt: number;
  /** Resolves with performance.now() when the reply's last byte was written (or the connection closed). */
  finished: Promise<number>;
  /** Content deltas written so far. */
  deltasSent: number;
  /** True if the client disconnected before the reply finished. */
  clientAborted: boolean;
};

export type FakeOpenAI = {
  /** "http://127.0.0.1:PORT/v1" */
  baseURL: string;
  requests: RecordedRequest[];
  [Symbol.asyncDispose](): Promise<void>;
};

export type FakeScript =
  | FakeReply[]
  | ((
    request: RecordedRequest,
    index: number,
  ) => FakeReply | Promise<FakeReply>);

const encoder = new TextEncoder();

/**
 * Starts the server on loopback (a free port unless `port` is given); dispose
 * it to close everything.
 */
export async function startFakeOpenAI(
  script: FakeScript,
  { port = 0 }: { port?: number } = {},
): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  // Ends every reply still running (stalled or paced) when the server goes away.
  const shutdown = new AbortController();
  const listening = Promise.withResolvers<Deno.NetAddr>();

  const server = Deno.serve(
    { hostname: "127.0.0.1", port, onListen: listening.resolve },
    async (req) => {
      const url = new URL(req.url);
      if (req.method !== "POST" || url.pathname !== "/v1/chat/completions") {
        return errorResponse(404, `No route for ${req.method} ${url.pathname}`);
      }
      let body: unknown;
      try {
        body = await req.json();
      } catch {
        return errorResponse(400, "Request body is not JSON");
      }
      let settle!: (at: number) => void;
      const recorded: RecordedRequest = {
        body,
        headers: req.headers,
        receivedAt: performance.now(),
        finished: new Promise((resolve) => settle = resolve),
        deltasSent: 0,
        clientAborted: false,
      };
      const index = requests.push(recorded) - 1;
      const reply = await pickReply(script, recorded, index);
      if ("status" in reply) {
        settle(performance.now());
        return errorResponse(reply.status, reply.body, reply.headers);
      }
      if (recorded.body?.stream !== true) {
        settle(performance.now());
        return errorResponse(400, "The fake only serves stream: true");
      }
      return streamReply(recorded, reply, settle, shutdown.signal);
    },
  );
  const addr = await listening.promise;
  return {
    baseURL: `http://127.0.0.1:${addr.port}/v1`,
    requests,
    async [Symbol.asyncDispose]() {
      shutdown.abort();
      await server.shutdown();
    },
  };
}

function pickReply(
  script: FakeScript,
  request: RecordedRequest,
  index: number,
): FakeReply | Promise<FakeReply> {
  if (typeof script === "function") return script(request, index);
  return script[index] ?? {
    status: 500,
    body: `Fake OpenAI script exhausted: request #${
      index + 1
    } has no scripted reply (the script has ${script.length})`,
  };
}

function errorResponse(
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): Response {
  // OpenAI's error envelope, so the SDK builds its message from `error.message`.
  const payload = body === undefined || typeof body === "string"
    ? {
      error: {
        message: body ?? `Fake error ${status}`,
        type: status >= 500 ? "server_error" : "invalid_request_error",
        code: null,
        param: null,
      },
    }
    : body;
  return Response.json(payload, { status, headers });
}

type StreamingReply = Extract<FakeReply, { chunks: string[] }>;

function streamReply(
  recorded: RecordedRequest,
  reply: StreamingReply,
  settle: (at: number) => void,
  shutdown: AbortSignal,
): Response {
  // Deno cancels the body stream as soon as the client goes, even mid-stall.
  // (`req.signal` also fires after a reply completes, so it can't tell.)
  const clientGone = new AbortController();
  const stop = AbortSignal.any([clientGone.signal, shutdown]);
  const includeUsage = recorded.body?.stream_options?.include_usage === true;
  const id = `chatcmpl-fake${crypto.randomUUID().slice(0, 8)}`;
  const created = Math.floor(Date.now() / 1000);
  const model = String(recorded.body?.model ?? "fake-model");
  const chunk = (choices: unknown[], usage?: TokenUsage) =>
    JSON.stringify({
      id,
      object: "chat.completion.chunk",
      created,
      model,
      system_fingerprint: "fp_fake",
      choices,
      // OpenAI sends `usage: null` on every chunk but the last once asked for it.
      ...(includeUsage ? { usage: usage ?? null } : {}),
    });
  const choice = (delta: object, finish: string | null) => ({
    index: 0,
    delta,
    logprobs: null,
    finish_reason: finish,
  });

  let done = false;
  const finish = (aborted: boolean) => {
    if (done) return;
    done = true;
    recorded.clientAborted = aborted;
    settle(performance.now());
  };

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (data: string) =>
        controller.enqueue(encoder.encode(`data: ${data}\n\n`));
      try {
        send(chunk([choice({ role: "assistant", content: "" }, null)]));
        const { chunks, paceMs = 0, firstDelayMs = 0 } = reply;
        for (let i = 0; i <= chunks.length; i++) {
          if (i === reply.cutAfter) {
            if (reply.cutMode === "eof") controller.close();
            else {
              // error() discards queued chunks: let Deno take them first so
              // the client really sees N deltas before the cut.
              while (!stop.aborted && (controller.desiredSize ?? 1) < 1) {
                await delay(1, stop);
              }
              // Deno.serve logs this error once; it is the intended cut.
              controller.error(
                new Error("fake_openai: cutAfter dropped the connection"),
              );
            }
            finish(false);
            return;
          }
          if (i === reply.stallAfter) {
            await delay(Infinity, stop);
            break;
          }
          if (i === chunks.length) break;
          await delay(i === 0 ? firstDelayMs : paceMs, stop);
          if (stop.aborted) break;
          send(chunk([choice({ content: chunks[i] }, null)]));
          recorded.deltasSent++;
        }
        if (stop.aborted) {
          finish(clientGone.signal.aborted);
          controller.close();
          return;
        }
        send(chunk([choice({}, "stop")]));
        if (includeUsage) {
          send(chunk([], reply.usage ?? derivedUsage(recorded.body, chunks)));
        }
        send("[DONE]");
        controller.close();
        finish(false);
      } catch {
        // The client went away mid-write: the stream is already cancelled.
        finish(true);
      }
    },
    cancel() {
      clientGone.abort();
      finish(true);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      "x-request-id": `req_${id}`,
    },
  });
}

// deno-lint-ignore no-explicit-any -- the request body as sent
function derivedUsage(body: any, chunks: string[]): TokenUsage {
  // Roughly four characters a token, like OpenAI's rule of thumb.
  const promptChars = (body?.messages ?? []).reduce(
    (sum: number, m: { content?: unknown }) =>
      sum + (typeof m.content === "string" ? m.content.length : 0),
    0,
  );
  const prompt_tokens = Math.ceil(promptChars / 4);
  const completion_tokens = chunks.length;
  return {
    prompt_tokens,
    completion_tokens,
    total_tokens: prompt_tokens + completion_tokens,
  };
}

/**
 * Splits text into deltas of `size` code points (never splitting a surrogate
 * pair), like a tokenizer would.
 *
 * @example
 * ```ts
 * chunkText("héllo 👋🏽", 2); // ["hé", "ll", "o ", "👋🏽"]
 * ```
 */
export function chunkText(text: string, size: number): string[] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(
      `Invalid chunk size "${size}": expected an integer ≥ 1`,
    );
  }
  const points = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < points.length; i += size) {
    out.push(points.slice(i, i + size).join(""));
  }
  return out;
}
