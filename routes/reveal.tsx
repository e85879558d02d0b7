/**
 * GET /reveal?job=ID[&debug=true][&stream=off]: a job's outfits as they are
 * made. The server renders the job as it stands now, so the page is useful
 * at once (and after a reload); the reveal island then follows the job live.
 */
import { Layout } from "../components/layout.tsx";
import { define } from "../lib/define.ts";
import { island } from "../lib/islands.ts";
import { jobView } from "../lib/jobs/job.ts";
import { getOwnJob } from "../lib/jobs/store.ts";
import { pageFlags, renderPage } from "../lib/pages.ts";
import {
  type GenerateRequest,
  JobId,
  OCCASIONS,
  OUTFITS_PER_JOB,
} from "../lib/schemas.ts";
import Reveal from "../islands/reveal.tsx";
import { NotFoundPage } from "./_404.tsx";

const RevealIsland = island("reveal", Reveal);

function heading(request: GenerateRequest): string {
  switch (request.mode) {
    case "occasion": {
      const [first, ...rest] = request.occasions.map((o) => OCCASIONS[o]);
      const labels = [first, ...rest.map((l) => l.toLowerCase())];
      return `${labels.join(" and ")} outfits`;
    }
    case "complete":
      return "Outfits around your pieces";
    case "consider_buying":
      return `Outfits with the ${request.candidate.name}`;
  }
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

  const { result: _, ...view } = jobView(job);
  const streaming = c.get("state").streaming !== false && !flags.streamOff;
  const title = heading(job.request);
  return renderPage(
    c,
    <Layout title={title} debug={flags.debug}>
      <h1>{title}</h1>
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
      />
    </Layout>,
  );
});
