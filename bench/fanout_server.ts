/**
 * `main.ts`, unchanged, with the commit probe (bench/probe/commit_log.ts)
 * in the server thread and in every job thread: the job threads are
 * started from bench/probe/job_thread.ts, which installs it first. On
 * SIGTERM the app shuts down as it always does; each thread writes its
 * notes when it closes its store.
 *
 * Run by bench/fanout.ts; not a way to run the app.
 */
import "./probe/commit_log.ts";

const JOB_THREAD = /\/workers\/job_thread\.ts$/;
const PROBED = new URL("./probe/job_thread.ts", import.meta.url);

globalThis.Worker = class extends Worker {
  constructor(entry: string | URL, options?: WorkerOptions) {
    super(JOB_THREAD.test(String(entry)) ? PROBED : entry, options);
  }
};

await import("../main.ts");
