/** GET /: where a shopper starts. */
import { renderToString } from "preact-render-to-string";
import { define } from "../lib/define.ts";

function Home() {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>Stylist</title>
      </head>
      <body>
        <main>
          <h1>Stylist</h1>
          <p>Three outfits from your own wardrobe, styled while you watch.</p>
          <ul>
            <li>
              <a href="/api/wardrobe">Your wardrobe (JSON)</a>
            </li>
          </ul>
        </main>
      </body>
    </html>
  );
}

export const GET = define.createHandlers((c) =>
  c.html(`<!doctype html>${renderToString(<Home />)}`)
);
