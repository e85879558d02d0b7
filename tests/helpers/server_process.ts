/**
 * A server in its own process, for tests that kill it and benchmarks that
 * must not share a CPU or a heap with their clients: `deno run -A <entry>`
 * with the given
 * environment (no model key unless given), on a free port (`PORT=0`), its
 * KV in a temporary SQLite file. Ready when it prints the line `ready`
 * matches (the app's "Stylist on http://…:PORT" by default), whose first
 * group is the port. Reads the process's peak resident memory from /proc
 * (Linux).
 */

export type ServerProcess = {
  url: string;
  /** VmHWM: the most resident memory the process has had, in MB. */
  peakRssMb(): Promise<number>;
  /** CPU time (user + system) the process has used so far, in seconds. */
  cpuSeconds(): Promise<number>;
  /** Ends the process (SIGTERM) and waits for it; keeps its KV file. */
  stop(): Promise<void>;
  /** Kills the process with `signal` (a crash) and waits for it. */
  kill(signal: Deno.Signal): Promise<void>;
  /** How the process ended, once it has. */
  status: Promise<Deno.CommandStatus>;
  /** What it printed to stderr so far. */
  errors: readonly string[];
  [Symbol.asyncDispose](): Promise<void>;
};

const ROOT = new URL("../../", import.meta.url);
/** `getconf CLK_TCK` on Linux. */
const CLOCK_TICKS = 100;

export async function startServerProcess(
  entry: string,
  env: Record<string, string> = {},
  ready = /Stylist on https?:\/\/[^:]+:(\d+)/,
): Promise<ServerProcess> {
  const dir = await Deno.makeTempDir({ prefix: "stylist-bench-" });
  const inherited = Object.fromEntries(
    Object.entries(Deno.env.toObject()).filter(([name]) =>
      !name.startsWith("OPENAI_")
    ),
  );
  const child = new Deno.Command(Deno.execPath(), {
    // e.g. BENCH_SERVER_ARGS="--v8-flags=--prof" to profile the server.
    args: [
      "run",
      "-A",
      ...(Deno.env.get("BENCH_SERVER_ARGS")?.split(" ").filter(Boolean) ?? []),
      entry,
    ],
    cwd: decodeURIComponent(ROOT.pathname),
    clearEnv: true,
    env: {
      ...inherited,
      NO_COLOR: "1",
      PORT: "0",
      DENO_KV_PATH: `${dir}/stylist.kv`,
      SESSION_SECRET: "bench-secret",
      ...env,
    },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const errors: string[] = [];
  drain(child.stderr, (line) => errors.push(line));
  const listening = Promise.withResolvers<string>();
  drain(child.stdout, (line) => {
    const port = ready.exec(line)?.[1];
    if (port) listening.resolve(`http://127.0.0.1:${port}`);
  });
  child.status.then(() =>
    listening.reject(
      new Error(`The server exited before listening:\n${errors.join("\n")}`),
    )
  );
  const timer = setTimeout(
    () => listening.reject(new Error("The server did not start in 60 s")),
    60_000,
  );
  let url: string;
  try {
    url = await listening.promise;
  } catch (err) {
    child.kill("SIGKILL");
    await child.status;
    throw err;
  } finally {
    clearTimeout(timer);
  }
  let stopped = false;
  const kill = async (signal: Deno.Signal) => {
    if (stopped) return;
    stopped = true;
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
    await child.status;
  };
  const stop = () => kill("SIGTERM");
  return {
    url,
    status: child.status,
    errors,
    async peakRssMb() {
      const status = await Deno.readTextFile(`/proc/${child.pid}/status`);
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
      return kb / 1024;
    },
    async cpuSeconds() {
      // Fields 14 and 15 of /proc/PID/stat, after the parenthesised name.
      const stat = await Deno.readTextFile(`/proc/${child.pid}/stat`);
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    },
    stop,
    kill,
    async [Symbol.asyncDispose]() {
      await stop();
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

/** Reads `stream` line by line until it ends. */
async function drain(
  stream: ReadableStream<Uint8Array<ArrayBuffer>>,
  onLine: (line: string) => void,
) {
  let buffer = "";
  for await (const text of stream.pipeThrough(new TextDecoderStream())) {
    buffer += text;
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    lines.forEach(onLine);
  }
  if (buffer) onLine(buffer);
}
