/**
 * A probe for the fan-out benchmark, installed in every thread that opens
 * the app's KV store (the server thread and each job thread): `Deno.openKv`
 * is wrapped so that every commit that appends to a job's event log notes
 * when it resolved (wall clock, sub-millisecond), which is when the event
 * became visible to the streams. When the thread closes its store (the app
 * does, once drained on SIGTERM), the notes are written as
 * `[jobId, seq, epochMs]` rows to a file of their own beside
 * `BENCH_COMMIT_LOG` (`<log>.<thread>`), for bench/fanout.ts to merge.
 *
 * Not a way to run the app.
 */

type Row = [jobId: string, seq: number, at: number];
const rows: Row[] = [];
const now = () => performance.timeOrigin + performance.now();
const thread = `${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;

const openKv = Deno.openKv;
Object.defineProperty(Deno, "openKv", {
  configurable: true,
  value: async (path?: string) => probe(await openKv(path)),
});

function flush(): void {
  const log = Deno.env.get("BENCH_COMMIT_LOG");
  if (log) Deno.writeTextFileSync(`${log}.${thread}`, JSON.stringify(rows));
}

function probe(kv: Deno.Kv): Deno.Kv {
  return new Proxy(kv, {
    get(target, name) {
      if (name === "atomic") return () => probeAtomic(target.atomic());
      if (name === "close") {
        return () => {
          flush();
          target.close();
        };
      }
      const value = Reflect.get(target, name, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function probeAtomic(op: Deno.AtomicOperation): Deno.AtomicOperation {
  const appended: [string, number][] = [];
  const proxy: Deno.AtomicOperation = new Proxy(op, {
    get(target, name) {
      const value = Reflect.get(target, name, target);
      if (typeof value !== "function") return value;
      if (name === "commit") {
        return async () => {
          const res = await target.commit();
          if (res.ok) {
            const at = now();
            for (const [job, seq] of appended) rows.push([job, seq, at]);
          }
          return res;
        };
      }
      return (...args: unknown[]) => {
        const key = args[0] as Deno.KvKey;
        if (name === "set" && key[0] === "job_events") {
          appended.push([String(key[1]), Number(key[2])]);
        }
        const result = value.apply(target, args);
        return result === target ? proxy : result;
      };
    },
  });
  return proxy;
}
