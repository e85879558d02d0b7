/**
 * GET /reveal?job=ID[&debug=true][&stream=off]: a job's outfits as they are
 * made. The server renders the job as it stands now, with what the shopper
 * already did to each outfit (saved, worn, rated), so the page is useful at
 * once (and after a reload); the reveal island then follows the job live.
 */
import { Layout } from "../components/layout.tsx";
import { VerdictCard } from "../components/verdict_card.tsx";
import { listOf } from "../components/item_words.ts";
import { define } from "../lib/define.ts";
import { island } from "../lib/islands.ts";
import { jobView } from "../lib/jobs/job.ts";
import { getOwnJob } from "../lib/jobs/store.ts";
import { lookIdOf } from "../lib/looks/look.ts";
import { getLooks } from "../lib/looks/store.ts";
import { serverDay } from "../lib/client/days.ts";
import { type LookSeed, lookSeed } from "../lib/client/looks.ts";
import { pageFlags, renderPage } from "../lib/pages.ts";
import {
  CANDIDATE_ID,
  type GenerateRequest,
  JobId,
  OCCASIONS,
  type Outfit,
  OUTFITS_PER_JOB,
} from "../lib/schemas.ts";
import Reveal from "../islands/reveal.tsx";
import { NotFoundPage } from "./_404.tsx";

const RevealIsland = island("reveal", Reveal);

function heading(request: GenerateRequest): string {
  switch (request.mode) {
    case "occasion": {
      const [first, ...rest] = request.occasions.map((o) => OCCASIONS[o]);
      return `${listOf([first, ...rest.map((l) => l.toLowerCase())])} outfits`;
    }
    case "complete":
      return "Outfits around your pieces";
    case "consider_buying":
      return `Outfits with the ${request.candidate.name}`;
  }
}

/**
 * Each outfit's look, if the shopper kept it. A card only needs to know
 * whether it was worn today, so it gets the last few days worn (the
 * shopper's today may be the server's yesterday or tomorrow).
 */
async function seeds(
  kv: Deno.Kv,
  userId: string,
  outfits: readonly Outfit[],
): Promise<(LookSeed | null)[]> {
  const ids = await Promise.all(outfits.map((o) => lookIdOf(o.items)));
  const looks = await getLooks(kv, userId, ids);
  return ids.map((id) => {
    const look = looks.get(id);
    return look ? lookSeed(look, 3) : null;
  });
}

function occasionLabels(request: GenerateRequest): Record<string, string> {
  return request.mode === "occasion"
    ? Object.fromEntries(request.occasions.map((o) => [o, OCCASIONS[o]]))
    : {};
}

export const GET = define.createHandlers(async (c) => {
  const flags = pageFlags(c);
  const id = c.req.query("job") ?? "";
  // Checked first: an id too long for a KV key would make the read throw.
  const job = JobId.safeParse(id).success
    ? await getOwnJob(c.get("state").kv, id, c.get("userId"))
    : null;
  if (!job) {
    return renderPage(c, <NotFoundPage what="job" debug={flags.debug} />, 404);
  }

  // The verdict is made with the job, so it is on the page from the start,
  // rendered here: the island only ships what changes.
  const { result: _, verdict, ...view } = jobView(job);
  const looks = await seeds(c.get("state").kv, c.get("userId"), view.outfits);
  const streaming = c.get("state").streaming !== false && !flags.streamOff;
  const title = heading(job.request);
  return renderPage(
    c,
    <Layout title={title} debug={flags.debug}>
      <h1>{title}</h1>
      {verdict && job.request.mode === "consider_buying" && (
        <VerdictCard verdict={verdict} candidate={job.request.candidate} />
      )}
      <RevealIsland
        snapshot={{
          ...view,
          // A complete job's outfits are the result's (the same list).
          reasoning: view.reasoning ?? "",
        }}
        request={job.request}
        flags={flags}
        streaming={streaming}
        server_now={Date.now()}
        total={OUTFITS_PER_JOB}
        candidate_id={CANDIDATE_ID}
        looks={looks}
        today={serverDay()}
        occasion_labels={occasionLabels(job.request)}
      />
    </Layout>,
  );
});
