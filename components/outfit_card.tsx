/** One finished outfit: its title, its pieces and the stylist's tip. */
import type { Outfit } from "../lib/schemas.ts";
import { ItemVisual } from "./item_visual.tsx";

export function OutfitCard(
  { outfit, number }: { outfit: Outfit; number: number },
) {
  const headingId = `outfit-${number}-title`;
  return (
    <article class="card outfit-card" aria-labelledby={headingId}>
      <p class="eyebrow">Outfit {number}</p>
      <h2 id={headingId} class="outfit-title">{outfit.title}</h2>
      <ul class="outfit-items">
        {outfit.items.map((item) => (
          <li key={item.id} class="outfit-item">
            <ItemVisual item={item} />
            <span class="outfit-item-text">
              <span class="item-name">{item.name}</span>
              <span class="muted">{item.category}</span>
            </span>
          </li>
        ))}
      </ul>
      <p class="tip">
        <strong>Tip:</strong> {outfit.tip}
      </p>
    </article>
  );
}

/** Where an outfit will appear, so cards do not push the page around. */
export function OutfitPlaceholder(
  { number, active }: { number: number; active: boolean },
) {
  return (
    <div class={`card outfit-placeholder${active ? " is-active" : ""}`}>
      <p class="eyebrow">Outfit {number}</p>
      <p class="muted">{active ? "Being styled…" : "Up next"}</p>
    </div>
  );
}
