/** GET /consider-buying: describe a piece you might buy. */
import { CandidateForm } from "../../components/candidate_form.tsx";
import { Layout } from "../../components/layout.tsx";
import { define } from "../../lib/define.ts";
import { pageFlags, renderPage } from "../../lib/pages.ts";

export const GET = define.createHandlers((c) => {
  const { debug } = pageFlags(c);
  const q = (name: string) => c.req.query(name);
  return renderPage(
    c,
    <Layout title="Consider buying" path="/consider-buying" debug={debug}>
      <h1>Consider buying</h1>
      <p class="lede">
        Describe the piece. You'll see how it works with what you already own
        before you spend anything.
      </p>
      {/* Values come back here from "Edit" on the review page. */}
      <CandidateForm
        debug={debug}
        values={{
          name: q("name"),
          category: q("category"),
          colors: c.req.queries("colors"),
          formality: q("formality"),
          price: q("price"),
          image_url: q("image_url"),
        }}
      />
    </Layout>,
  );
});
