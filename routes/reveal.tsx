/**
 * GET /reveal?job=ID[&debug=true][&stream=off]: a job's outfits as they are
 * made. The server renders the job as it stands now, with what the shopper
 * already did to each outfit (saved, worn, rated), so the page is useful at
 * once (and after a reload); the reveal island then follows the job live.
 */
import { Layout } from "../components/layout.tsx";
import { VerdictCard } from "../components/verdict_card.tsx";
import { define } from "../lib/define.ts";
import { island } from "../lib/islands.ts";
import { isTerminal, jobView } from "../lib/jobs/job.ts";
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
} from "../lib/schemas.ts";
import { flowOf } from "../lib/flows/mod.ts";
import { getPacked } from "../lib/trips/packed.ts";
import Reveal from "../islands/reveal.tsx";
import PackingList from "../islands/packing_list.tsx";
import Reasoning from "../islands/reasoning.tsx";
import { NotFoundPage } from "./_404.tsx";

const RevealIsland = island("reveal", Reveal);
const PackingListIsland = island("packing_list", PackingList);
const ReasoningIsland = island("reasoning", Reasoning);

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
  return Object.fromEntries(
    flowOf(request).occasions(request).map((o) => [o, OCCASIONS[o]]),
  );
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
  const flow = flowOf(job.request);
  const title = flow.copy.heading(job.request);
  const { candidate, anchorIds } = flow.highlights(job.request);
  return renderPage(
    c,
    <Layout title={title} debug={flags.debug}>
      <h1>{title}</h1>
      {verdict && candidate && (
        <VerdictCard verdict={verdict} candidate={candidate} />
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
        total={flow.count(job.request)}
        copy={{
          unit: flow.copy.unit,
          again: flow.copy.again,
          day_field: flow.dayField,
        }}
        highlights={{
          ...(candidate ? { new_id: CANDIDATE_ID } : {}),
          ...(anchorIds ? { anchor_ids: [...anchorIds] } : {}),
        }}
        looks={looks}
        today={serverDay()}
        occasion_labels={occasionLabels(job.request)}
      />
      {flags.debug && (
        <ReasoningIsland
          job_id={job.id}
          reasoning={view.reasoning ?? ""}
          running={!isTerminal(job.status)}
        />
      )}
      {flow.days && (
        <PackingListIsland
          job_id={job.id}
          outfits={view.outfits}
          packed={await getPacked(c.get("state").kv, job)}
          days={flow.count(job.request)}
        />
      )}
    </Layout>,
  );
});
