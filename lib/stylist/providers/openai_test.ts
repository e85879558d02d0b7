/**
 * The transport against a real OpenAI-compatible server on loopback, through
 * the real SDK: no mocks. Timeouts and backoffs are tiny so failures are
 * fast; waits are on promises and conditions, never on fixed sleeps.
 */
import assert from "node:assert/strict";
import {
  chunkText,
  type FakeReply,
  startFakeOpenAI,
} from "../../../tests/helpers/fake_openai.ts";
import {
  createOpenAIStreamer,
  ModelError,
  type OpenAIOptions,
  type StreamTextRequest,
} from "./openai.ts";
import { retryAfterMs, retryDelayMs } from "./openai_retry.ts";

const KEY = "sk-test-SECRET-4f9c2b7e1d";

function streamerFor(baseURL: string, options: Partial<OpenAIOptions> = {}) {
  return createOpenAIStreamer({
    apiKey: KEY,
    model: "gpt-test",
    baseURL,
    backoffBaseMs: 5,
    maxRetryDelayMs: 1_000,
    firstTokenTimeoutMs: 2_000,
    idleTimeoutMs: 2_000,
    ...options,
  });
}

type Outcome = { deltas: string[]; error?: ModelError; lastDeltaAt: number };

/** Drains a stream, keeping what arrived before any failure. */
async function drain(stream: AsyncGenerator<string>): Promise<Outcome> {
  const outcome: Outcome = { deltas: [], lastDeltaAt: 0 };
  try {
    for await (const delta of stream) {
      outcome.deltas.push(delta);
      outcome.lastDeltaAt = performance.now();
    }
  } catch (error) {
    assert.ok(error instanceof ModelError, `Not a ModelError: ${error}`);
    outcome.error = error;
  }
  return outcome;
}

function request(extra: Partial<StreamTextRequest> = {}): StreamTextRequest {
  return { prompt: "Three outfits, please", ...extra };
}

/** Resolves once `signal` has `count` abort listeners: the streamer is waiting on it. */
function listenersReach(signal: AbortSignal, count: number): Promise<void> {
  const { promise, resolve } = Promise.withResolvers<void>();
  let added = 0;
  const add = signal.addEventListener.bind(signal);
  signal.addEventListener = (...args: Parameters<typeof add>) => {
    add(...args);
    if (++added === count) resolve();
  };
  return promise;
}

const TEXT = 'Tenue: {"titre":"Été à Kyōto 京都"} 👋🏽 👨‍👩‍👧 ok';

Deno.test("[openai] streams deltas in order, multi-byte and emoji intact", async () => {
  for (const size of [1, 2, 3]) {
    const chunks = chunkText(TEXT, size);
    await using fake = await startFakeOpenAI([{ chunks, paceMs: 1 }]);
    const { deltas, error } = await drain(
      streamerFor(fake.baseURL).streamText(request()),
    );
    assert.equal(error, undefined);
    assert.deepEqual(deltas, chunks);
    assert.equal(deltas.join(""), TEXT);
  }
});

Deno.test("[openai] chunkText never splits a surrogate pair", () => {
  assert.deepEqual(chunkText("a👋🏽b", 1), ["a", "👋", "🏽", "b"]);
  assert.deepEqual(chunkText("héllo 👋🏽", 2), ["hé", "ll", "o ", "👋🏽"]);
  assert.throws(() => chunkText("x", 0), RangeError);
});

Deno.test("[openai] the request carries model, stream options, format, sampling, messages", async () => {
  await using fake = await startFakeOpenAI([{ chunks: ["{}"] }]);
  const responseFormat = {
    type: "json_schema",
    json_schema: {
      name: "outfits",
      strict: true,
      schema: { type: "object", properties: {}, additionalProperties: false },
    },
  };
  const { error } = await drain(
    streamerFor(fake.baseURL, { temperature: 0.4, maxTokens: 900 }).streamText(
      request({ systemMessage: "You are a stylist", responseFormat }),
    ),
  );
  assert.equal(error, undefined);
  const [sent] = fake.requests;
  assert.equal(sent.body.model, "gpt-test");
  assert.equal(sent.body.stream, true);
  assert.deepEqual(sent.body.stream_options, { include_usage: true });
  assert.deepEqual(sent.body.response_format, responseFormat);
  assert.equal(sent.body.temperature, 0.4);
  assert.equal(sent.body.max_tokens, 900);
  assert.deepEqual(sent.body.messages, [
    { role: "system", content: "You are a stylist" },
    { role: "user", content: "Three outfits, please" },
  ]);
  assert.equal(sent.headers.get("authorization"), `Bearer ${KEY}`);

  // Per-request values win over the streamer's; no system message, no entry.
  await using fake2 = await startFakeOpenAI([{ chunks: ["x"] }]);
  await drain(
    streamerFor(fake2.baseURL).streamText(
      request({ temperature: 0, maxTokens: 5 }),
    ),
  );
  const second = fake2.requests[0].body;
  assert.equal(second.temperature, 0);
  assert.equal(second.max_tokens, 5);
  assert.equal(second.response_format, undefined);
  assert.deepEqual(second.messages.map((m: { role: string }) => m.role), [
    "user",
  ]);
});

Deno.test("[openai] onUsage gets the usage chunk once", async () => {
  const usage = { prompt_tokens: 41, completion_tokens: 7, total_tokens: 48 };
  await using fake = await startFakeOpenAI([{ chunks: ["a", "b"], usage }]);
  const seen: unknown[] = [];
  const { error } = await drain(
    streamerFor(fake.baseURL).streamText(
      request({ onUsage: (u) => seen.push(u) }),
    ),
  );
  assert.equal(error, undefined);
  assert.deepEqual(seen, [usage]);
});

Deno.test("[openai] 429 honours retry-after-ms, then succeeds", async () => {
  await using fake = await startFakeOpenAI([
    { status: 429, headers: { "retry-after-ms": "150" } },
    { chunks: ["ok"] },
  ]);
  // A 1 ms backoff base: only the header can explain a 150 ms wait.
  const { deltas, error } = await drain(
    streamerFor(fake.baseURL, { backoffBaseMs: 1 }).streamText(request()),
  );
  assert.equal(error, undefined);
  assert.deepEqual(deltas, ["ok"]);
  assert.equal(fake.requests.length, 2);
  const waited = fake.requests[1].receivedAt - fake.requests[0].receivedAt;
  assert.ok(waited >= 140, `Retried after ${waited} ms, wanted ≥ 150`);
});

Deno.test("[openai] retry-after in seconds is capped by maxRetryDelayMs", async () => {
  await using fake = await startFakeOpenAI([
    { status: 429, headers: { "retry-after": "30" } },
    { chunks: ["ok"] },
  ]);
  const { deltas } = await drain(
    streamerFor(fake.baseURL, { backoffBaseMs: 1, maxRetryDelayMs: 120 })
      .streamText(request()),
  );
  assert.deepEqual(deltas, ["ok"]);
  const waited = fake.requests[1].receivedAt - fake.requests[0].receivedAt;
  assert.ok(waited >= 110 && waited < 5_000, `Retried after ${waited} ms`);
});

Deno.test("[openai] 500, 500, then success", async () => {
  await using fake = await startFakeOpenAI([
    { status: 500 },
    { status: 503 },
    { chunks: chunkText("fine now", 3) },
  ]);
  const { deltas, error } = await drain(
    streamerFor(fake.baseURL).streamText(request()),
  );
  assert.equal(error, undefined);
  assert.equal(deltas.join(""), "fine now");
  assert.equal(fake.requests.length, 3);
});

Deno.test("[openai] 500 on every attempt fails as server after maxRetries + 1 requests", async () => {
  await using fake = await startFakeOpenAI(() => ({ status: 500 }));
  const { error } = await drain(
    streamerFor(fake.baseURL, { maxRetries: 2 }).streamText(request()),
  );
  assert.equal(error?.kind, "server");
  assert.equal(error?.status, 500);
  assert.equal(error?.retryable, true);
  assert.equal(error?.attempts, 3);
  assert.equal(fake.requests.length, 3);
});

Deno.test("[openai] 400 and 401 are not retried", async () => {
  for (
    const [status, kind] of [[400, "bad_request"], [401, "auth"]] as const
  ) {
    await using fake = await startFakeOpenAI(() => ({ status }));
    const { error } = await drain(
      streamerFor(fake.baseURL).streamText(request()),
    );
    assert.equal(error?.kind, kind);
    assert.equal(error?.status, status);
    assert.equal(error?.retryable, false);
    assert.equal(fake.requests.length, 1);
  }
});

Deno.test("[openai] a stall before the first token is retried after firstTokenTimeoutMs", async () => {
  const chunks = chunkText("second time lucky", 4);
  await using fake = await startFakeOpenAI([
    { chunks, stallAfter: 0 },
    { chunks },
  ]);
  const { deltas, error } = await drain(
    streamerFor(fake.baseURL, { firstTokenTimeoutMs: 100 }).streamText(
      request(),
    ),
  );
  assert.equal(error, undefined);
  assert.equal(deltas.join(""), "second time lucky");
  assert.equal(fake.requests.length, 2);
  const [first, second] = fake.requests;
  await first.finished;
  assert.equal(first.clientAborted, true);
  const waited = second.receivedAt - first.receivedAt;
  assert.ok(waited >= 90, `Retried after ${waited} ms, wanted ≥ 100`);
});

Deno.test("[openai] a stall after some deltas times out with the partial text and no retry", async () => {
  await using fake = await startFakeOpenAI([
    { chunks: ["a", "b", "c", "d"], stallAfter: 2 },
    { chunks: ["never"] },
  ]);
  const { deltas, error, lastDeltaAt } = await drain(
    streamerFor(fake.baseURL, { idleTimeoutMs: 100 }).streamText(request()),
  );
  const failedAt = performance.now();
  assert.equal(error?.kind, "timeout");
  assert.deepEqual(deltas, ["a", "b"]);
  assert.equal(fake.requests.length, 1);
  assert.ok(failedAt - lastDeltaAt >= 90, `Timed out too early`);
  await fake.requests[0].finished;
  assert.equal(fake.requests[0].clientAborted, true);
});

Deno.test("[openai] a stream cut mid-reply fails as connection with no retry", async () => {
  for (const cutMode of ["reset", "eof"] as const) {
    await using fake = await startFakeOpenAI([
      { chunks: ["a", "b", "c", "d"], cutAfter: 2, cutMode },
      { chunks: ["never"] },
    ]);
    const { deltas, error } = await drain(
      streamerFor(fake.baseURL).streamText(request()),
    );
    assert.equal(error?.kind, "connection", `${cutMode}: ${error}`);
    assert.deepEqual(deltas, ["a", "b"]);
    assert.equal(fake.requests.length, 1);
  }
});

Deno.test("[openai] a stream cut before any content is retried", async () => {
  await using fake = await startFakeOpenAI([
    { chunks: ["x"], cutAfter: 0 },
    { chunks: ["x"], cutAfter: 0, cutMode: "eof" },
    { chunks: ["done"] },
  ]);
  const { deltas, error } = await drain(
    streamerFor(fake.baseURL).streamText(request()),
  );
  assert.equal(error, undefined);
  assert.deepEqual(deltas, ["done"]);
  assert.equal(fake.requests.length, 3);
});

Deno.test("[openai] a stall after finish_reason keeps the text, minus usage", async () => {
  // The fake always completes after finish_reason, so a bespoke server
  // stands in for a proxy that holds the connection before [DONE].
  const chunk = (choice: object) =>
    new TextEncoder().encode(`data: ${
      JSON.stringify({
        id: "chatcmpl-x",
        object: "chat.completion.chunk",
        created: 0,
        model: "gpt-test",
        choices: [{ index: 0, logprobs: null, ...choice }],
      })
    }\n\n`);
  const cancelled = Promise.withResolvers<void>();
  await using server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(chunk({ delta: { content: "ok" } }));
            controller.enqueue(chunk({ delta: {}, finish_reason: "stop" }));
          },
          cancel: () => cancelled.resolve(),
        }),
        { headers: { "content-type": "text/event-stream" } },
      ),
  );
  const seen: unknown[] = [];
  const { deltas, error } = await drain(
    streamerFor(`http://127.0.0.1:${server.addr.port}/v1`, {
      idleTimeoutMs: 50,
    }).streamText(request({ onUsage: (usage) => seen.push(usage) })),
  );
  assert.equal(error, undefined);
  assert.deepEqual(deltas, ["ok"]);
  assert.deepEqual(seen, []);
  await cancelled.promise;
});

Deno.test("[openai] an unreachable server fails as connection after the retries", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr;
  listener.close();
  const { error } = await drain(
    streamerFor(`http://127.0.0.1:${port}/v1`, { maxRetries: 1 }).streamText(
      request(),
    ),
  );
  assert.equal(error?.kind, "connection");
  assert.equal(error?.attempts, 2);
});

Deno.test("[openai] abort during a stall rejects within 500 ms and the server sees the client go", async () => {
  await using fake = await startFakeOpenAI([
    { chunks: ["a", "b", "c"], stallAfter: 1 },
  ]);
  const controller = new AbortController();
  const stream = streamerFor(fake.baseURL, {
    firstTokenTimeoutMs: 10_000,
    idleTimeoutMs: 10_000,
  }).streamText(request({ signal: controller.signal }));
  const first = await stream.next();
  assert.equal(first.value, "a");
  const pending = stream.next();
  const reason = new Error("shopper cancelled");
  const abortedAt = performance.now();
  controller.abort(reason);
  await assert.rejects(pending, (error) => {
    assert.ok(error instanceof ModelError);
    assert.equal(error.kind, "aborted");
    assert.equal(error.cause, reason);
    return true;
  });
  const elapsed = performance.now() - abortedAt;
  assert.ok(elapsed < 500, `Abort took ${elapsed} ms`);
  await fake.requests[0].finished;
  assert.equal(fake.requests[0].clientAborted, true);
});

Deno.test("[openai] abort while waiting for the first token is prompt", async () => {
  const arrived = Promise.withResolvers<void>();
  await using fake = await startFakeOpenAI((): FakeReply => {
    arrived.resolve();
    return { chunks: ["late"], stallAfter: 0 };
  });
  const controller = new AbortController();
  const outcome = drain(
    streamerFor(fake.baseURL, { firstTokenTimeoutMs: 10_000 }).streamText(
      request({ signal: controller.signal }),
    ),
  );
  await arrived.promise;
  const abortedAt = performance.now();
  controller.abort();
  const { deltas, error } = await outcome;
  assert.ok(performance.now() - abortedAt < 500);
  assert.equal(error?.kind, "aborted");
  assert.deepEqual(deltas, []);
  assert.equal(fake.requests.length, 1);
  await fake.requests[0].finished;
  assert.equal(fake.requests[0].clientAborted, true);
});

Deno.test("[openai] abort during the retry backoff is prompt", async () => {
  await using fake = await startFakeOpenAI([
    { status: 429, headers: { "retry-after": "5" } },
    { chunks: ["never"] },
  ]);
  const controller = new AbortController();
  // Listener 1: the request; listener 2: the backoff wait.
  const inBackoff = listenersReach(controller.signal, 2);
  const outcome = drain(
    streamerFor(fake.baseURL, { maxRetryDelayMs: 10_000 }).streamText(
      request({ signal: controller.signal }),
    ),
  );
  await inBackoff;
  const abortedAt = performance.now();
  controller.abort();
  const { error } = await outcome;
  const elapsed = performance.now() - abortedAt;
  assert.ok(elapsed < 500, `Abort took ${elapsed} ms`);
  assert.equal(error?.kind, "aborted");
  assert.equal(error?.attempts, 1);
  assert.equal(fake.requests.length, 1);
});

Deno.test("[openai] an aborted signal sends nothing", async () => {
  await using fake = await startFakeOpenAI([{ chunks: ["x"] }]);
  const { error } = await drain(
    streamerFor(fake.baseURL).streamText(
      request({ signal: AbortSignal.abort() }),
    ),
  );
  assert.equal(error?.kind, "aborted");
  assert.equal(fake.requests.length, 0);
});

Deno.test("[openai] stopping early closes the request", async () => {
  await using fake = await startFakeOpenAI([
    { chunks: ["a", "b", "c"], stallAfter: 2 },
  ]);
  for await (const delta of streamerFor(fake.baseURL).streamText(request())) {
    assert.equal(delta, "a");
    break;
  }
  await fake.requests[0].finished;
  assert.equal(fake.requests[0].clientAborted, true);
});

Deno.test("[openai] the API key never appears in an error", async () => {
  const echo = `Incorrect API key provided: ${KEY}`;
  const script: FakeReply[] = [
    { status: 401, body: echo },
    { status: 500, body: echo },
    { status: 429, body: { error: { message: echo } } },
  ];
  for (const reply of script) {
    await using fake = await startFakeOpenAI(() => reply);
    const { error } = await drain(
      streamerFor(fake.baseURL, { maxRetries: 1 }).streamText(request()),
    );
    assert.ok(error);
    assert.ok(error.message.includes("[redacted]"), error.message);
    assert.ok(!error.message.includes(KEY));
    assert.ok(!Deno.inspect(error, { depth: 10 }).includes(KEY));
  }
});

Deno.test("[openai] retry delays: headers first, then jittered backoff, capped", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  const headers = (init: Record<string, string>) => new Headers(init);
  assert.equal(retryAfterMs(headers({ "retry-after-ms": "250" })), 250);
  assert.equal(
    retryAfterMs(headers({ "retry-after-ms": "250", "retry-after": "9" })),
    250,
  );
  assert.equal(retryAfterMs(headers({ "retry-after": "1.5" })), 1500);
  assert.equal(
    retryAfterMs(
      headers({ "retry-after": "Wed, 01 Jan 2025 00:00:03 GMT" }),
      now,
    ),
    3000,
  );
  assert.equal(retryAfterMs(headers({ "retry-after": "soon" })), undefined);
  assert.equal(retryAfterMs(undefined), undefined);

  const options = { backoffBaseMs: 100, maxRetryDelayMs: 1_000 };
  assert.equal(retryDelayMs(0, options, 5_000), 1_000);
  assert.equal(retryDelayMs(0, options, 40), 40);
  assert.equal(retryDelayMs(2, options, undefined, () => 0.999), 399);
  assert.equal(retryDelayMs(9, options, undefined, () => 0.999), 999);
  assert.equal(retryDelayMs(3, options, undefined, () => 0), 0);
});

Deno.test("[openai] an error inside the event stream, after the 200, is a server error; CRLF lines and comments are read", async () => {
  const bodies = [
    ': hello\r\ndata: {"choices":[{"index":0,"delta":{"role":"assistant"}}]}\r\n\r\n' +
    'data: {"error":{"message":"overloaded"}}\r\n\r\n',
    'data: {"choices":[{"index":0,"delta":{"content":"ok"}}]}\r\n\r\n' +
    'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\r\n\r\n' +
    "data: [DONE]\r\n\r\n",
  ];
  let requests = 0;
  await using server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    () =>
      new Response(bodies[requests++], {
        headers: { "content-type": "text/event-stream" },
      }),
  );
  const baseURL = `http://127.0.0.1:${server.addr.port}/v1`;
  const once = await drain(
    streamerFor(baseURL, { maxRetries: 0 }).streamText(request()),
  );
  assert.equal(once.error?.kind, "server");
  assert.match(once.error!.message, /overloaded/);
  assert.equal(once.error?.retryable, true);
  requests = 0;
  const retried = await drain(streamerFor(baseURL).streamText(request()));
  assert.equal(retried.error, undefined);
  assert.deepEqual(retried.deltas, ["ok"]);
  assert.equal(requests, 2);
});
