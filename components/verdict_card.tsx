/**
 * The answer to "should I buy it?" at the top of the reveal page: the label
 * a shopper takes in at a glance, the reasons behind it, and the numbers
 * they can check (outfits it unlocks, what they own like it, gaps it fills,
 * cost per wear). Markup only, so the server renders it in the first paint
 * and the reveal island reuses it when the verdict arrives by event.
 */
import type { ComponentChildren } from "preact";
import type { Category, Verdict } from "../lib/schemas.ts";

type Tone = "great" | "consider" | "twice";

const TONES: Record<Verdict["label"], Tone> = {
  "Great addition": "great",
  "Worth considering": "consider",
  "Think twice": "twice",
};

/** A mark in a circle per tone, for the eye: the label says it in words. */
const MARKS: Record<Tone, string> = {
  great: "M12 7v10M7 12h10",
  consider:
    "M9.5 9.5a2.5 2.5 0 1 1 3.6 2.25c-.7.35-1.1.9-1.1 1.65v.4M12 16.6v.01",
  twice: "M7.5 12h9",
};

const count = (n: number) => n.toLocaleString("en");
const plural = (n: number, one: string, many = `${one}s`) =>
  `${count(n)} ${n === 1 ? one : many}`;

function Mark({ tone }: { tone: Tone }) {
  return (
    <svg class="verdict-mark" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r="10" />
      <path d={MARKS[tone]} />
    </svg>
  );
}

function Fact(
  { term, figure, children }: {
    term: string;
    figure?: string;
    children: ComponentChildren;
  },
) {
  return (
    <div class="verdict-fact">
      <dt>{term}</dt>
      <dd>
        {figure && <span class="verdict-figure">{figure}</span>}
        {children}
      </dd>
    </div>
  );
}

/** "+6 outfits for work, where you had 2." */
function gapSentence({ what, before, added }: Verdict["gaps"][number]) {
  return `+${plural(added, "outfit")} for ${what}, where you had ${
    before === 0 ? "none" : count(before)
  }.`;
}

export type VerdictCardProps = {
  verdict: Verdict;
  /** The piece: its category decides how its outfits are counted. */
  candidate: { category: Category };
};

export function VerdictCard({ verdict, candidate }: VerdictCardProps) {
  const tone = TONES[verdict.label];
  // A bag or accessory finishes outfits rather than making new ones, so the
  // rules count the outfits it can finish and give it no gaps.
  const finishing = candidate.category === "bag" ||
    candidate.category === "accessory";
  const { unlocks, similar, gaps, cost_per_wear: cost } = verdict;
  const more = similar.count - similar.items.length;
  return (
    <section
      class={`card verdict-card verdict-${tone}`}
      aria-labelledby="verdict-question verdict-label"
    >
      <div class="verdict-head">
        <Mark tone={tone} />
        <div>
          <p class="eyebrow" id="verdict-question">Should you buy it?</p>
          <h2 class="verdict-label" id="verdict-label">{verdict.label}</h2>
        </div>
      </div>
      <div class="verdict-reasons">
        {verdict.reasons.map((reason) => <p key={reason}>{reason}</p>)}
      </div>
      <dl class="verdict-facts">
        <Fact
          term={finishing ? "Outfits it can finish" : "Outfits it unlocks"}
          figure={count(unlocks.outfits)}
        >
          <p>
            {unlocks.outfits === 1 ? "outfit" : "outfits"}
            {unlocks.of > 0 &&
              `, with ${count(unlocks.pairs_with)} of your ${
                plural(unlocks.of, "piece")
              }`}.
          </p>
          {unlocks.before > 0 && (
            <p class="muted">
              You can make {plural(unlocks.before, "outfit")} now.
            </p>
          )}
        </Fact>
        <Fact term="What you own like it">
          <p>{similar.sentence}</p>
          {similar.items.length > 0 && (
            <ul class="verdict-names">
              {similar.items.map((item) => <li key={item.id}>{item.name}</li>)}
              {more > 0 && <li class="muted">and {count(more)} more</li>}
            </ul>
          )}
        </Fact>
        <Fact term="Gaps it fills">
          {gaps.length
            ? (
              <ul class="verdict-gaps">
                {gaps.map((gap) => <li key={gap.what}>{gapSentence(gap)}</li>)}
              </ul>
            )
            : (
              <p>
                {finishing
                  ? "None: it finishes outfits rather than making new ones."
                  : "None: you already have a good few outfits for everything it suits."}
              </p>
            )}
        </Fact>
        {cost && (
          <Fact term="Cost per wear" figure={cost.sentence}>
            <details class="verdict-how">
              <summary>How we worked this out</summary>
              <p>{cost.how}</p>
            </details>
          </Fact>
        )}
      </dl>
    </section>
  );
}
