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
  /**
   * CPU time (user + system) the process has used so far, in seconds, by
   * thread: the server (JavaScript) thread, the job
   * threads (Deno names a Worker's thread `worker-N`) and the rest (V8's
   * compiler and GC helpers, tokio's I/O and SQLite).
   */
  threadCpuSeconds(): Promise<ThreadCpu>;
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

export type ThreadCpu = { server: number; jobs: number; other: number };

const ROOT = new URL("../../", import.meta.url);

/**
 * The V8 flags `deno task start` runs the app with, read from deno.json so a
 * benchmark measures the server as it is deployed on one machine.
 */
export async function startFlags(): Promise<string[]> {
  const config = JSON.parse(
    await Deno.readTextFile(new URL("deno.json", ROOT)),
  );
  return String(config.tasks.start).match(/--v8-flags=\S+/g) ?? [];
}
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
      ...await startFlags(),
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
      // Every client here is on loopback, and the benchmarks run hundreds
      // of jobs and streams on purpose: limits by address, for the whole
      // service and on streams are off unless asked for.
      JOBS_PER_MINUTE_PER_ADDRESS: "0",
      MAX_ACTIVE_JOBS: "0",
      STREAMS_PER_SHOPPER: "0",
      WRITES_PER_MINUTE: "0",
      WRITES_PER_MINUTE_PER_ADDRESS: "0",
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
    try {
      child.kill("SIGKILL");
    } catch {
      // It exited by itself: the error says why.
    }
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
    async threadCpuSeconds() {
      const cpu: ThreadCpu = { server: 0, jobs: 0, other: 0 };
      for await (const task of Deno.readDir(`/proc/${child.pid}/task`)) {
        const dir = `/proc/${child.pid}/task/${task.name}`;
        const seconds = await cpuOf(dir).catch(() => 0); // a thread ended
        const name = await Deno.readTextFile(`${dir}/comm`).catch(() => "");
        if (task.name === String(child.pid)) cpu.server += seconds;
        else if (/^worker-/.test(name)) cpu.jobs += seconds;
        else cpu.other += seconds;
      }
      return cpu;
    },
    stop,
    kill,
    async [Symbol.asyncDispose]() {
      await stop();
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

/** CPU time (user + system) of a process or thread, in seconds. */
async function cpuOf(procDir: string): Promise<number> {
  // Fields 14 and 15 of stat, after the parenthesised name.
  const stat = await Deno.readTextFile(`${procDir}/stat`);
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
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
