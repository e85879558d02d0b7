/**
 * Debug mode's panel: the stylist's reasoning as it is written, an island
 * of its own so reveal pages outside debug mode do not carry it. It follows
 * the job as the reveal island announces it (lib/client/job_news.ts).
 */
import { useJobNews } from "../lib/client/job_news.ts";

export type ReasoningProps = {
  job_id: string;
  reasoning: string;
  running: boolean;
};

export default function ReasoningIsland(props: ReasoningProps) {
  const news = useJobNews(props.job_id, { ...props, outfits: [] });
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
