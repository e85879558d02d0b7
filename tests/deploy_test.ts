/**
 * Deno Deploy as it is today: Deno KV, but no KV queues. The app must not
 * rely on them: on Deploy (`DENO_DEPLOYMENT_ID`) it uses no queue by
 * default, and the request that created a job starts it right after its
 * commit, so the shopper's first worker event comes at once, not at the
 * next sweep.
 */
import assert from "node:assert/strict";
import { loadConfig } from "../lib/config.ts";
import { createLocalStylist } from "../lib/stylist/providers/local.ts";
import { startTestServer } from "./helpers/server.ts";
import { readEvents } from "./helpers/sse_client.ts";

/** A real store whose queue is as on Deploy: enqueue throws, nothing is delivered. */
function storeWithoutQueues(kv: Deno.Kv): Deno.Kv {
  const refuse = () => {
    throw new TypeError("Queues are not supported on this platform");
  };
  return new Proxy(kv, {
    get(target, prop) {
      if (prop === "enqueue") return refuse;
      if (prop === "listenQueue") return () => new Promise(() => {});
      if (prop === "atomic") {
        return () => {
          const op = target.atomic();
          return new Proxy(op, {
            get(o, p) {
              if (p === "enqueue") return refuse;
              const value = Reflect.get(o, p, o);
              return typeof value === "function" ? value.bind(o) : value;
            },
          });
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

Deno.test("[deploy] on Deno Deploy there is no queue and no job thread by default", () => {
  const config = loadConfig({
    get: (name) =>
      ({ DENO_DEPLOYMENT_ID: "abc123" } as Record<string, string>)[name],
  });
  assert.equal(config.useQueue, false);
  assert.equal(config.jobThreads, 0);
  assert.equal(config.kvPath, undefined, "the platform's own store");
});

Deno.test("[deploy] without queues, a job's first worker event comes within 100 ms of the 202", async () => {
  const kv = storeWithoutQueues(await Deno.openKv(":memory:"));
  const local = createLocalStylist();
  await using server = await startTestServer({
    kv,
    // A stylist that thinks before it starts, like a model's first token:
    // the built-in search would otherwise hold this one thread right after
    // the event being timed, and the timing would be the search's.
    stylist: {
      name: "thoughtful",
      source: "local",
      async *generate(input) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        yield* local.generate(input);
      },
    },
    useQueue: false,
    // A sweep far away: only the creating request can start the job in time.
    sweepIntervalMs: 60_000,
  });
  const shopper = server.client();
  const waits: number[] = [];
  for (let i = 0; i < 5; i++) {
    const sent = performance.now();
    const jobId = await shopper.generate({
      mode: "occasion",
      occasions: ["casual"],
    });
    const accepted = performance.now();
    const res = await shopper.stream(jobId);
    let firstWork = 0;
    for await (const event of readEvents(res.body!)) {
      if (event.id >= 2 && !firstWork) firstWork = performance.now();
      if (event.event === "complete" || event.event === "error") break;
    }
    await res.body?.cancel().catch(() => {});
    assert.ok(firstWork > 0, "the job was worked on");
    waits.push(Math.round(firstWork - accepted));
    assert.ok(
      firstWork - accepted < 100,
      `first worker event ${
        Math.round(firstWork - accepted)
      } ms after the 202 (POST took ${Math.round(accepted - sent)} ms)`,
    );
  }
  console.log(`202 → first worker event: ${waits.join(", ")} ms`);
});
