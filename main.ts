/**
 * Serves Stylist: starts it (lib/start.ts: the store, the job threads, the
 * app) and serves HTTP, and on SIGTERM or SIGINT shuts down gracefully: no
 * new jobs, every stream ended so clients reconnect, running jobs finished
 * or handed back within `DRAIN_MS`, then exit 0. HTTP, the streams and the
 * job threads share one process per KV file, because a local SQLite
 * `kv.watch` sees only its own process's writes.
 */
import { loadConfig } from "./lib/config.ts";
import { startStylist } from "./lib/start.ts";
import { forgetUnseenShoppers } from "./lib/unseen_shoppers.ts";

// The backstop under the backstop: where an idle instance may not run its
// timers (Deno Deploy), a cron wakes it every minute to sweep for jobs whose
// starting request ended with its instance. Deno.cron must be registered at
// a module's top level, unconditionally, before the server starts.
let sweep = (): Promise<void> => Promise.resolve();
Deno.cron("Stylist job sweep", "* * * * *", () => sweep());
// Once a day: shoppers not seen for SHOPPER_TTL_DAYS are forgotten.
let forgetUnseen = (): Promise<void> => Promise.resolve();
Deno.cron("Stylist unseen shoppers", "17 4 * * *", () => forgetUnseen());

const config = loadConfig();
const stylist = await startStylist({ config });
sweep = () => stylist.engine.sweep();
forgetUnseen = async () => {
  const gone = await forgetUnseenShoppers(stylist.kv, {
    ttlDays: config.shopperTtlDays,
  });
  if (gone) {
    console.log(
      `Forgot ${gone} shoppers unseen for ${config.shopperTtlDays} days`,
    );
  }
};

const server = Deno.serve({
  port: config.port,
  onListen: ({ hostname, port }) => {
    const host = hostname === "0.0.0.0" ? "localhost" : hostname;
    console.log(
      `Stylist on http://${host}:${port} (KV: ${
        config.kvPath ?? "platform default"
      }, ${stylist.description})`,
    );
  },
}, stylist.app.fetch);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing running jobs, then stopping`);
  const drained = stylist.shutdown();
  await server.shutdown();
  await drained;
  stylist.kv.close();
  Deno.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  // Windows has no SIGTERM listener; Ctrl+C still stops the process there.
  try {
    Deno.addSignalListener(signal, () => shutdown(signal));
  } catch {
    // Not supported on this platform.
  }
}
