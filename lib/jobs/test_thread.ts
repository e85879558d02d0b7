/// <reference no-default-lib="true" />
/// <reference lib="deno.worker" />
/**
 * A stand-in job thread for threads_test.ts: it speaks the thread protocol,
 * tells the test what it did on a BroadcastChannel, and dies of an uncaught
 * error when asked to run the job "crash". Only tests use this module.
 */
import type { FromThread, ToThread } from "./threads.ts";

export const CHANNEL = "stylist-test-job-threads";
const channel = new BroadcastChannel(CHANNEL);
const reply = (message: FromThread) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ToThread>) => {
  const message = event.data;
  switch (message.type) {
    case "start":
      reply({ type: "started" });
      channel.postMessage({ started: self.name });
      break;
    case "run":
      if (message.jobId === "crash") {
        // Uncaught, as a bug in a job's callback would be.
        setTimeout(() => {
          throw new Error("a job thread crashed");
        });
        break;
      }
      channel.postMessage({ ran: message.jobId, by: self.name });
      break;
    case "drain":
      channel.close();
      reply({ type: "drained" });
      self.close();
      break;
  }
};
