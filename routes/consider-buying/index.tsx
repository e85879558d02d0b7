/** GET /consider-buying: describe a piece you might buy. */
import {
  CandidateForm,
  candidateValues,
} from "../../components/candidate_form.tsx";
import { Layout } from "../../components/layout.tsx";
import { define } from "../../lib/define.ts";
import { DEFAULT_CURRENCY } from "../../lib/money.ts";
import { pageFlags, renderPage } from "../../lib/pages.ts";

export const GET = define.createHandlers((c) => {
  const flags = pageFlags(c);
  return renderPage(
    c,
    <Layout title="Consider buying" path="/consider-buying" debug={flags.debug}>
      <h1>Consider buying</h1>
      <p class="lede">
        Describe the piece. You'll see how it works with what you already own
        before you spend anything.
      </p>
      {/* Values come back here from "Edit" on the review page. */}
      <CandidateForm
        flags={flags}
        values={candidateValues(c.req)}
        currency={c.get("state").currency ?? DEFAULT_CURRENCY}
      />
    </Layout>,
  );
});
