/** GET /consider-buying: describe a piece you might buy. */
import {
  CandidateForm,
  candidateValues,
} from "../../components/candidate_form.tsx";
import {
  EmptyWardrobe,
  TO_JUDGE_A_PIECE,
} from "../../components/empty_wardrobe.tsx";
import { Layout } from "../../components/layout.tsx";
import { define } from "../../lib/define.ts";
import { DEFAULT_CURRENCY } from "../../lib/money.ts";
import { pageFlags, renderPage } from "../../lib/pages.ts";
import { listWardrobe } from "../../lib/wardrobe.ts";

export const GET = define.createHandlers(async (c) => {
  const flags = pageFlags(c);
  const items = await listWardrobe(c.get("state").kv, c.get("userId"));
  return renderPage(
    c,
    <Layout title="Consider buying" path="/consider-buying" debug={flags.debug}>
      <h1>Consider buying</h1>
      <p class="lede">
        Describe the piece. You'll see how it works with what you already own
        before you spend anything.
      </p>
      {items.length
        ? (
          // Values come back here from "Edit" on the review page.
          <CandidateForm
            flags={flags}
            values={candidateValues(c.req)}
            currency={c.get("state").currency ?? DEFAULT_CURRENCY}
          />
        )
        : <EmptyWardrobe why={TO_JUDGE_A_PIECE} debug={flags.debug} />}
    </Layout>,
  );
});
