/**
 * The job as the reveal page's other islands follow it (a trip's packing
 * list, debug mode's reasoning). The reveal island announces every change
 * (`JOB_EVENT`), but islands hydrate in no set order: one that starts after
 * the job moved on, or ended, would wait for news that never comes. So each
 * also asks for the snapshot once as it starts, and keeps whichever is
 * further along: outfits and reasoning only grow, a job only stops running.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { isTerminal, type JobView } from "../jobs/job.ts";
import { sendJson } from "./api.ts";
import { JOB_EVENT, type JobNews } from "./reveal_model.ts";

export function useJobNews(jobId: string, initial: JobNews) {
  const news = useSignal(initial);
  useEffect(() => {
    // Peeked: news arrives inside the reveal island's effect, which must
    // not come to depend on this island's signal.
    const take = (next: JobNews) => {
      const now = news.peek();
      news.value = {
        outfits: next.outfits.length > now.outfits.length
          ? next.outfits
          : now.outfits,
        reasoning: next.reasoning.length > now.reasoning.length
          ? next.reasoning
          : now.reasoning,
        running: now.running && next.running,
      };
    };
    const follow = (e: Event) => take((e as CustomEvent<JobNews>).detail);
    addEventListener(JOB_EVENT, follow);
    sendJson<JobView>("GET", `/api/jobs/${encodeURIComponent(jobId)}`).then(
      ({ status, body }) => {
        if (status !== 200) return;
        take({
          outfits: body.result?.outfits ?? body.outfits,
          reasoning: body.reasoning ?? "",
          running: !isTerminal(body.status),
        });
      },
    );
    return () => removeEventListener(JOB_EVENT, follow);
  }, []);
  return news;
}
