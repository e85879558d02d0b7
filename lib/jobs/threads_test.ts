import assert from "node:assert/strict";
import { waitFor } from "../../tests/helpers/wait_for.ts";
import { CHANNEL } from "./test_thread.ts";
import { ThreadEngine } from "./threads.ts";

const ENTRY = new URL("./test_thread.ts", import.meta.url);

Deno.test("[threads] a crashed job thread is replaced, takes jobs again, and a drain does not wait for it", async () => {
  const channel = new BroadcastChannel(CHANNEL);
  const heard: Record<string, string>[] = [];
  channel.onmessage = (event) => heard.push(event.data);
  const engine = new ThreadEngine(1, ENTRY, {});
  try {
    await engine.ready;
    await waitFor(() => heard.some((m) => m.started), { what: "the start" });

    // The process goes on (the error is handled) and a new thread starts.
    engine.dispatch("crash");
    await waitFor(() => heard.filter((m) => m.started).length === 2, {
      timeoutMs: 5_000,
      what: "the replacement thread",
    });
    engine.dispatch("job-after-crash");
    await waitFor(() => heard.some((m) => m.ran === "job-after-crash"), {
      what: "the job run by the replacement",
    });
  } finally {
    await engine.drain(100);
    channel.close();
  }
});

Deno.test("[threads] a thread that dies before it starts fails the start-up", async () => {
  const engine = new ThreadEngine(
    1,
    new URL("data:text/javascript,throw new Error('no store')"),
    {},
  );
  await assert.rejects(engine.ready, /did not start/);
  await engine.drain(100);
});
