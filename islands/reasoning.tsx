/**
 * Debug mode's panel: the stylist's reasoning as it is written, an island
 * of its own so reveal pages outside debug mode do not carry it. It follows
 * the job the reveal island announces (`JOB_EVENT`).
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { JOB_EVENT, type JobNews } from "../lib/client/reveal_model.ts";

export type ReasoningProps = { reasoning: string; running: boolean };

export default function ReasoningIsland(props: ReasoningProps) {
  const news = useSignal(props);
  useEffect(() => {
    const follow = (e: Event) =>
      news.value = (e as CustomEvent<JobNews>).detail;
    addEventListener(JOB_EVENT, follow);
    return () => removeEventListener(JOB_EVENT, follow);
  }, []);
  const { reasoning: text, running } = news.value;
  return (
    <section class="card reasoning">
      <h2 id="reasoning-title">Stylist's reasoning</h2>
      <div
        class="reasoning-text"
        role="region"
        aria-labelledby="reasoning-title"
        tabIndex={0}
      >
        {text
          ? text.split(/\n\s*\n/).map((p, i) => <p key={i}>{p.trim()}</p>)
          : (
            <p class="muted">
              {running
                ? "Waiting for the stylist…"
                : "No reasoning was recorded for this job."}
            </p>
          )}
      </div>
    </section>
  );
}
