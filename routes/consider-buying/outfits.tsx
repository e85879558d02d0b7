/**
 * GET /consider-buying/outfits?name=…&category=…&colors=…: review the piece,
 * then "Create outfits". A description that does not pass is shown again in
 * the form, with what to fix.
 */
import {
  CandidateForm,
  type CandidateValues,
  candidateValues,
} from "../../components/candidate_form.tsx";
import { CATEGORY_WORDS } from "../../components/item_words.ts";
import { zodIssues } from "../../components/field_issues.ts";
import { FORMALITY_LABELS } from "../../components/item_form.tsx";
import {
  EmptyWardrobe,
  TO_JUDGE_A_PIECE,
} from "../../components/empty_wardrobe.tsx";
import { ItemVisual } from "../../components/item_visual.tsx";
import { Layout, withDebug } from "../../components/layout.tsx";
import { listOf } from "../../components/item_words.ts";
import { define } from "../../lib/define.ts";
import { island } from "../../lib/islands.ts";
import { DEFAULT_CURRENCY, formatMoney } from "../../lib/money.ts";
import { pageFlags, renderPage } from "../../lib/pages.ts";
import { CandidateItem } from "../../lib/schemas.ts";
import { listWardrobe } from "../../lib/wardrobe.ts";
import { dayDefaults } from "../../lib/last_place.ts";

import GenerateButton from "../../islands/generate_button.tsx";

const GenerateButtonIsland = island("generate_button", GenerateButton);

/** The query as the candidate's fields; empty optional fields are left out. */
function candidateFrom(values: CandidateValues) {
  const optionalNumber = (raw?: string) =>
    raw === undefined || raw.trim() === "" ? undefined : Number(raw);
  return {
    name: values.name ?? "",
    category: values.category,
    colors: values.colors ?? [],
    formality: optionalNumber(values.formality),
    price: optionalNumber(values.price),
    image_url: values.image_url?.trim() || undefined,
  };
}

export const GET = define.createHandlers(async (c) => {
  const flags = pageFlags(c);
  const values = candidateValues(c.req);
  const currency = c.get("state").currency ?? DEFAULT_CURRENCY;
  const parsed = CandidateItem.safeParse(candidateFrom(values));
  if (!parsed.success) {
    return renderPage(
      c,
      <Layout
        title="Consider buying"
        path="/consider-buying"
        debug={flags.debug}
      >
        <h1>Consider buying</h1>
        <p class="notice notice-error form-notice" role="alert">
          A few details need another look.
        </p>
        <CandidateForm
          values={values}
          issues={zodIssues(parsed.error)}
          flags={flags}
          currency={currency}
        />
      </Layout>,
      400,
    );
  }
  const candidate = parsed.data;
  const owned = await listWardrobe(c.get("state").kv, c.get("userId"));
  const edit = new URL(c.req.url);
  edit.pathname = "/consider-buying";
  return renderPage(
    c,
    <Layout
      title="Review the piece"
      path="/consider-buying"
      debug={flags.debug}
    >
      <h1>Review the piece</h1>
      <section class="card review" aria-labelledby="candidate-name">
        <ItemVisual item={candidate} />
        <div>
          <h2 id="candidate-name">{candidate.name}</h2>
          <dl class="facts">
            <dt>Category</dt>
            <dd>{CATEGORY_WORDS[candidate.category][0]}</dd>
            <dt>Colours</dt>
            <dd>{listOf(candidate.colors)}</dd>
            {candidate.formality !== undefined && (
              <>
                <dt>Dressiness</dt>
                <dd>{FORMALITY_LABELS[candidate.formality - 1]}</dd>
              </>
            )}
            {candidate.price !== undefined && (
              <>
                <dt>Price</dt>
                <dd>{formatMoney(candidate.price, currency)}</dd>
              </>
            )}
          </dl>
          <a href={edit.pathname + edit.search}>Edit the description</a>
        </div>
      </section>
      {owned.length
        ? (
          <>
            <p>
              The stylist will build three outfits around it from{" "}
              <a href={withDebug("/wardrobe", flags.debug)}>your wardrobe</a>,
              for the day and place you choose.
            </p>
            <GenerateButtonIsland
              request={{
                mode: "consider_buying",
                candidate,
                include_reasoning: flags.debug,
                parallel: false,
              }}
              flags={flags}
              label="Create outfits"
              day={await dayDefaults(c.get("state").kv, c.get("userId"))}
            />
          </>
        )
        : <EmptyWardrobe why={TO_JUDGE_A_PIECE} debug={flags.debug} />}
    </Layout>,
  );
});
