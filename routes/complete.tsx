/** GET /complete: pick the pieces to build outfits around. */
import { Layout, withDebug } from "../components/layout.tsx";
import { define } from "../lib/define.ts";
import { island } from "../lib/islands.ts";
import { pageFlags, renderPage } from "../lib/pages.ts";
import { listWardrobe } from "../lib/wardrobe.ts";
import CompleteForm from "../islands/complete_form.tsx";

const CompleteFormIsland = island("complete_form", CompleteForm);

export const GET = define.createHandlers(async (c) => {
  const flags = pageFlags(c);
  const items = await listWardrobe(c.get("state").kv, c.get("userId"));
  return renderPage(
    c,
    <Layout title="Complete a look" path="/complete" debug={flags.debug}>
      <h1>Complete a look</h1>
      <p class="lede">
        Choose one to three pieces; every outfit will include them all.
      </p>
      {items.length
        ? (
          <CompleteFormIsland
            // Only what the grid shows travels to the browser.
            items={items.map((
              { id, name, category, colors, pattern, image_url, photo },
            ) => ({
              id,
              name,
              category,
              colors,
              pattern,
              ...(image_url ? { image_url } : {}),
              ...(photo ? { photo } : {}),
            }))}
            flags={flags}
          />
        )
        : (
          <p class="notice">
            Your wardrobe is empty.{" "}
            <a href={withDebug("/wardrobe", flags.debug)}>Add a few pieces</a>
            {" "}
            first.
          </p>
        )}
    </Layout>,
  );
});
