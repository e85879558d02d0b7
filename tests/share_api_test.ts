/**
 * Sharing a look: a link anyone can open without an account (and without
 * being given a cookie), showing the title, the pieces' pictures and
 * names and nothing else; a 1200 × 630 preview image for link unfurls;
 * and a revoke that makes all of it a 404 at once.
 */
import assert from "node:assert/strict";
import { imageInfo } from "../lib/photos/image_info.ts";
import type { WardrobeItem } from "../lib/schemas.ts";
import type { TestClient } from "./helpers/client.ts";
import { JPEG_24x16, makePng, WEBP_24x16 } from "./helpers/images.ts";
import { startTestServer } from "./helpers/server.ts";

type Outfit = { title: string; tip: string; items: WardrobeItem[] };

/** Runs a job and keeps outfit `n` as a look (not saved): its id and outfit. */
async function keptLook(shopper: TestClient, n = 1) {
  const jobId = await shopper.generate({
    mode: "occasion",
    occasions: ["date_night"],
  });
  const events = await shopper.events(jobId);
  const { result } = events.at(-1)!.data as { result: { outfits: Outfit[] } };
  const res = await shopper.send("POST", "/api/looks", {
    job_id: jobId,
    outfit_number: n,
  });
  assert.equal(res.status, 201);
  return { id: res.body.look.id as string, outfit: result.outfits[n - 1] };
}

/** A kept look, shared: its id, its outfit and its link. */
async function sharedLook(shopper: TestClient) {
  const { id, outfit } = await keptLook(shopper);
  const { status, body } = await shopper.send("POST", `/api/looks/${id}/share`);
  assert.equal(status, 201);
  return { id, outfit, link: body.share.url as string };
}

/** As Preact writes text: what a page's HTML holds for `text`. */
const html = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** A stranger: no cookie sent, and any cookie offered is refused. */
async function open(base: string, path: string, headers: HeadersInit = {}) {
  const res = await fetch(new URL(path, base), { headers });
  assert.equal(res.headers.get("set-cookie"), null, `${path} set a cookie`);
  return res;
}

Deno.test("[share] sharing gives one link, 201 then 200; anyone opens it with no cookie and sees the title, pictures and names only", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { id, outfit } = await keptLook(shopper);

  const first = await shopper.send("POST", `/api/looks/${id}/share`);
  assert.equal(first.status, 201);
  const url: string = first.body.share.url;
  // 22 base64url characters: 132 bits, of which 128 random.
  assert.match(url, /^\/s\/[A-Za-z0-9_-]{22}$/);
  assert.equal(first.body.look.share.token, url.slice(3));
  const again = await shopper.send("POST", `/api/looks/${id}/share`);
  assert.equal(again.status, 200);
  assert.equal(again.body.share.url, url);

  const res = await open(server.url, url);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type")!, /^text\/html/);
  assert.equal(res.headers.get("x-robots-tag"), "noindex");
  const page = await res.text();
  assert.ok(page.includes('<meta name="robots" content="noindex">'));
  assert.ok(
    page.includes(`<meta property="og:title" content="${html(outfit.title)}">`),
  );
  const image = /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1];
  assert.ok(image, "no og:image");
  assert.ok(
    image.startsWith(`${server.url.replace(/\/$/, "")}${url}/image.png`),
    `og:image ${image} is not the link's absolute image URL`,
  );
  assert.ok(
    page.includes(
      `<h1 id="shared-title" class="outfit-title">${html(outfit.title)}</h1>`,
    ),
  );
  for (const item of outfit.items) {
    assert.ok(
      page.includes(html(item.name)),
      `${item.name} is not on the page`,
    );
  }
  assert.equal(
    (page.match(/<img /g) ?? []).length,
    outfit.items.length,
    "one picture a piece",
  );
  // Nothing else of the shopper's: not the stylist's tip, no links into a
  // wardrobe, and no script.
  assert.ok(!page.includes(html(outfit.tip)), "the tip is on the page");
  assert.ok(!page.includes('href="/wardrobe"'));
  assert.ok(!page.includes("<script"));

  // The owner finds it in their looks, though it was never saved.
  const looks = await shopper.get("/api/looks");
  assert.ok(looks.body.looks.some((l: { id: string }) => l.id === id));
});

Deno.test("[share] the preview is a 1200×630 PNG for anyone, revalidated by its ETag", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { link } = await sharedLook(shopper);

  const res = await open(server.url, `${link}/image.png`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "image/png");
  assert.equal(res.headers.get("cache-control"), "public, no-cache");
  const png = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual(imageInfo(png), {
    ok: true,
    type: "image/png",
    width: 1200,
    height: 630,
  });
  const etag = res.headers.get("etag")!;
  assert.match(etag, /^"[\w-]{16}"$/);

  const kept = await open(server.url, `${link}/image.png`);
  assert.deepEqual(new Uint8Array(await kept.arrayBuffer()), png);
  const unchanged = await open(server.url, `${link}/image.png`, {
    "if-none-match": etag,
  });
  assert.equal(unchanged.status, 304);
  await unchanged.body?.cancel();
});

Deno.test("[share] a piece's photo is on the shared page and in its image, served through the link only", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { outfit, link } = await sharedLook(shopper);
  const drawn = await open(server.url, `${link}/image.png`);
  const drawnTag = drawn.headers.get("etag");
  const drawnPng = new Uint8Array(await drawn.arrayBuffer());

  const piece = outfit.items[0];
  const uploaded = await shopper.fetch(
    `/api/wardrobe/items/${piece.id}/photo`,
    {
      method: "PUT",
      headers: { "content-type": "image/webp" },
      body: WEBP_24x16,
    },
  );
  assert.equal(uploaded.status, 200);
  const { photo } = await uploaded.json();

  const page = await (await open(server.url, link)).text();
  const src = `${link}/photos/${photo.id}.webp`;
  assert.ok(page.includes(`src="${src}"`), "the photo is not on the page");
  const served = await open(server.url, src);
  assert.equal(served.status, 200);
  assert.equal(served.headers.get("content-type"), "image/webp");
  assert.deepEqual(new Uint8Array(await served.arrayBuffer()), WEBP_24x16);

  // The image now shows the photo: another picture, under another tag.
  const photographed = await open(server.url, `${link}/image.png`);
  assert.notEqual(photographed.headers.get("etag"), drawnTag);
  const png = new Uint8Array(await photographed.arrayBuffer());
  assert.notDeepEqual(png, drawnPng);
  assert.equal((imageInfo(png) as { width: number }).width, 1200);

  // A photo of a piece outside the look is not served through its link,
  // though it is the owner's; nor one under another type, nor made up.
  const { body: wardrobe } = await shopper.get("/api/wardrobe");
  const outside = wardrobe.items.find((item: WardrobeItem) =>
    !outfit.items.some((p) => p.id === item.id)
  );
  const elsewhere = await shopper.fetch(
    `/api/wardrobe/items/${outside.id}/photo`,
    { method: "PUT", body: JPEG_24x16 },
  );
  const jpeg = (await elsewhere.json()).photo;
  assert.equal(
    (await shopper.fetch(`/photos/${jpeg.id}.jpg`)).status,
    200,
    "the owner's own URL serves it",
  );
  for (
    const file of [
      `${jpeg.id}.jpg`,
      `${photo.id}.jpg`,
      `${"0".repeat(32)}.jpg`,
    ]
  ) {
    const res = await open(server.url, `${link}/photos/${file}`);
    assert.equal(res.status, 404, file);
    await res.body?.cancel();
  }
});

Deno.test("[share] a photo too large to decode cheaply is drawn in the image; the page still shows it", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { outfit, link } = await sharedLook(shopper);
  const drawn = await open(server.url, `${link}/image.png`);
  await drawn.body?.cancel();

  // 1100 × 1000, one colour: a few KB, over the preview's million pixels.
  const big = await makePng(1100, 1000, [20, 40, 90]);
  const uploaded = await shopper.fetch(
    `/api/wardrobe/items/${outfit.items[0].id}/photo`,
    { method: "PUT", body: big },
  );
  assert.equal(uploaded.status, 200);
  const { photo } = await uploaded.json();
  assert.ok(
    (await (await open(server.url, link)).text())
      .includes(`${link}/photos/${photo.id}.png`),
  );
  const image = await open(server.url, `${link}/image.png`);
  assert.equal(image.status, 200);
  assert.equal(image.headers.get("etag"), drawn.headers.get("etag"));
  await image.body?.cancel();
});

Deno.test("[share] stop sharing: the page, image and photos are gone at once; sharing again is a new link", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { id, outfit } = await keptLook(shopper);
  const uploaded = await shopper.fetch(
    `/api/wardrobe/items/${outfit.items[0].id}/photo`,
    { method: "PUT", body: JPEG_24x16 },
  );
  const { photo } = await uploaded.json();
  const { body } = await shopper.send("POST", `/api/looks/${id}/share`);
  const link: string = body.share.url;
  const photoPath = `${link}/photos/${photo.id}.jpg`;
  let imageTag: string | null = null;
  for (const path of [link, `${link}/image.png`, photoPath]) {
    const res = await open(server.url, path);
    assert.equal(res.status, 200, path);
    imageTag ??= path.endsWith(".png") ? res.headers.get("etag") : null;
    await res.body?.cancel();
  }

  const stopped = await shopper.send("DELETE", `/api/looks/${id}/share`);
  assert.equal(stopped.status, 200);
  assert.equal(stopped.body.share, null);
  assert.equal(stopped.body.look.share, undefined);
  for (const path of [link, `${link}/image.png`, photoPath]) {
    const res = await open(server.url, path);
    assert.equal(res.status, 404, path);
    // Nothing of it may be kept anywhere.
    assert.match(res.headers.get("cache-control")!, /\bno-store\b/, path);
    await res.body?.cancel();
  }
  const page = await (await open(server.url, link)).text();
  assert.ok(page.includes("stopped sharing it"));
  // A cache that kept the image and asks again is told it is gone.
  const revalidated = await open(server.url, `${link}/image.png`, {
    "if-none-match": imageTag!,
  });
  assert.equal(revalidated.status, 404);
  await revalidated.body?.cancel();

  // Stopping again changes nothing; sharing again is a new link.
  assert.equal(
    (await shopper.send("DELETE", `/api/looks/${id}/share`)).status,
    200,
  );
  const reshared = await shopper.send("POST", `/api/looks/${id}/share`);
  assert.equal(reshared.status, 201);
  assert.notEqual(reshared.body.share.url, link);
  assert.equal((await open(server.url, link)).status, 404);
  const res = await open(server.url, reshared.body.share.url);
  assert.equal(res.status, 200);
  await res.body?.cancel();
});

Deno.test("[share] another shopper's look cannot be shared or stopped; made-up links are not found", async () => {
  await using server = await startTestServer();
  const owner = server.client();
  const { id } = await keptLook(owner);
  const { body } = await owner.send("POST", `/api/looks/${id}/share`);
  const stranger = server.client();
  for (const method of ["POST", "DELETE"]) {
    const res = await stranger.send(method, `/api/looks/${id}/share`);
    assert.equal(res.status, 404, method);
    assert.deepEqual(res.body, { error: "Not found" });
  }
  // Still shared: the stranger's DELETE did nothing.
  assert.equal((await open(server.url, body.share.url)).status, 200);

  assert.equal(
    (await owner.send("POST", `/api/looks/look-${"0".repeat(16)}/share`))
      .status,
    404,
  );
  assert.equal((await owner.send("POST", "/api/looks/nope/share")).status, 404);
  for (
    const path of [
      `/s/${"A".repeat(22)}`,
      `/s/${"A".repeat(22)}/image.png`,
      `/s/${"A".repeat(5000)}`,
      "/s/..%2f..%2fapi",
      `${body.share.url}/nope`,
      `${body.share.url}/image.png/`,
      `${body.share.url}/photos/`,
      "/s/",
      "/s",
    ]
  ) {
    // Any path under /s/ is a stranger's: never a session cookie.
    const res = await open(server.url, path);
    assert.equal(res.status, 404, path);
    await res.body?.cancel();
  }
  // A link pasted with a slash too many is the link.
  const slashed = await fetch(new URL(`${body.share.url}/`, server.url), {
    redirect: "manual",
  });
  assert.equal(slashed.status, 301);
  assert.equal(slashed.headers.get("location"), body.share.url);
  assert.equal(slashed.headers.get("set-cookie"), null);
});
