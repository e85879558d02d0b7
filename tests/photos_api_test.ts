/**
 * Wardrobe photos: stored apart from the item, served back byte for byte
 * at a content-hashed URL to their owner only, kept through edits, gone
 * with the item or a reset, and carried into outfits.
 */
import assert from "node:assert/strict";
import type { WardrobeItem } from "../lib/schemas.ts";
import { photoUrl } from "../lib/photos/url.ts";
import { MAX_PHOTOS } from "../lib/wardrobe.ts";
import { JPEG_24x16, makePng, WEBP_24x16 } from "./helpers/images.ts";
import { startTestServer } from "./helpers/server.ts";
import type { TestClient } from "./helpers/client.ts";

const SHIRT = "white-oxford-shirt";

async function upload(
  shopper: TestClient,
  itemId: string,
  bytes: Uint8Array<ArrayBuffer>,
) {
  const res = await shopper.fetch(`/api/wardrobe/items/${itemId}/photo`, {
    method: "PUT",
    // Declared as a PNG whatever it is: the server reads the bytes.
    headers: { "content-type": "image/png" },
    body: bytes,
  });
  return { status: res.status, body: await res.json() };
}

async function photoKeys(kv: Deno.Kv): Promise<number> {
  let n = 0;
  for await (const _ of kv.list({ prefix: ["photos"] })) n++;
  return n;
}

Deno.test("[photos] an uploaded JPEG is on the item, served back as it was, and in the next outfit", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { status, body: item } = await upload(shopper, SHIRT, JPEG_24x16);
  assert.equal(status, 200);
  assert.deepEqual(item.photo, {
    id: item.photo.id,
    type: "image/jpeg",
    width: 24,
    height: 16,
  });
  const { body } = await shopper.get("/api/wardrobe");
  const listed = body.items.find((i: WardrobeItem) => i.id === SHIRT);
  assert.deepEqual(listed.photo, item.photo);

  const res = await shopper.fetch(photoUrl(item.photo));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "image/jpeg");
  assert.equal(
    res.headers.get("cache-control"),
    "private, max-age=31536000, immutable",
  );
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  assert.deepEqual(new Uint8Array(await res.arrayBuffer()), JPEG_24x16);

  const jobId = await shopper.generate({
    mode: "complete",
    anchor_ids: [SHIRT],
  });
  const events = await shopper.events(jobId);
  const { result } = events.at(-1)!.data as {
    result: { outfits: { items: WardrobeItem[] }[] };
  };
  for (const outfit of result.outfits) {
    const shirt = outfit.items.find((i) => i.id === SHIRT)!;
    assert.deepEqual(shirt.photo, item.photo);
  }
});

Deno.test("[photos] only its owner sees a photo", async () => {
  await using server = await startTestServer();
  const owner = server.client();
  const { body: item } = await upload(owner, SHIRT, WEBP_24x16);
  assert.equal(item.photo.type, "image/webp");
  const stranger = server.client();
  assert.equal((await stranger.fetch(photoUrl(item.photo))).status, 404);
  assert.equal((await owner.fetch(photoUrl(item.photo))).status, 200);
});

Deno.test("[photos] an edit keeps the photo; a new one replaces it; removing, deleting or resetting leaves no bytes", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const first = (await upload(shopper, SHIRT, JPEG_24x16)).body;
  const { body: items } = await shopper.get("/api/wardrobe");
  const { id: _, photo: __, ...fields } = items.items.find((
    i: WardrobeItem,
  ) => i.id === SHIRT);
  const edited = await shopper.send("PUT", `/api/wardrobe/items/${SHIRT}`, {
    ...fields,
    name: "Crisp white oxford shirt",
  });
  assert.deepEqual(edited.body.photo, first.photo);

  const png = await makePng(40, 60, [250, 250, 245]);
  const second = (await upload(shopper, SHIRT, png)).body;
  assert.notEqual(second.photo.id, first.photo.id);
  assert.equal((await shopper.fetch(photoUrl(first.photo))).status, 404);
  assert.equal(await photoKeys(server.kv), 1);

  const removed = await shopper.send(
    "DELETE",
    `/api/wardrobe/items/${SHIRT}/photo`,
  );
  assert.equal(removed.status, 200);
  assert.equal(removed.body.photo, undefined);
  assert.equal(await photoKeys(server.kv), 0);

  await upload(shopper, SHIRT, png);
  await upload(shopper, "dark-wash-jeans", JPEG_24x16);
  assert.equal(await photoKeys(server.kv), 2);
  assert.equal(
    (await shopper.send("DELETE", `/api/wardrobe/items/${SHIRT}`)).status,
    204,
  );
  assert.equal(await photoKeys(server.kv), 1);
  assert.equal(
    (await shopper.send("POST", "/api/wardrobe/reset")).status,
    200,
  );
  assert.equal(await photoKeys(server.kv), 0);
});

Deno.test("[photos] two pieces with the same picture share it: deleting or re-photographing one leaves the other's", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const jeans = "dark-wash-jeans";
  const { body: shirt } = await upload(shopper, SHIRT, JPEG_24x16);
  const { body: other } = await upload(shopper, jeans, JPEG_24x16);
  assert.equal(other.photo.id, shirt.photo.id, "one copy of the bytes");

  const replaced = await upload(shopper, SHIRT, WEBP_24x16);
  assert.equal(replaced.status, 200);
  const kept = await shopper.fetch(photoUrl(other.photo));
  await kept.body?.cancel();
  assert.equal(kept.status, 200, "replacing the shirt's leaves the jeans'");

  assert.equal(
    (await shopper.send("DELETE", `/api/wardrobe/items/${SHIRT}`)).status,
    204,
  );
  const res = await shopper.fetch(photoUrl(other.photo));
  assert.equal(res.status, 200, "the jeans keep their picture");
  assert.deepEqual(new Uint8Array(await res.arrayBuffer()), JPEG_24x16);

  assert.equal(
    (await shopper.send("DELETE", `/api/wardrobe/items/${jeans}`)).status,
    204,
  );
  assert.equal(await photoKeys(server.kv), 0, "the last one takes the bytes");
});

Deno.test("[photos] a piece deleted while another takes the same photo leaves the other its bytes", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const bytes = await makePng(40, 30, [120, 40, 20]);
  const { body: before } = await shopper.get("/api/wardrobe");
  const ids = before.items.map((i: WardrobeItem) => i.id) as string[];
  // Round after round: one piece has the photo, and is deleted as the
  // next is given it (the next round deletes that one).
  assert.equal((await upload(shopper, ids[0], bytes)).status, 200);
  for (let round = 0; round + 1 < ids.length; round++) {
    const [a, b] = [ids[round], ids[round + 1]];
    const [deleted, given] = await Promise.all([
      shopper.fetch(`/api/wardrobe/items/${a}`, { method: "DELETE" }),
      upload(shopper, b, bytes),
    ]);
    await deleted.body?.cancel();
    assert.equal(deleted.status, 204);
    assert.equal(given.status, 200);
    const served = await shopper.fetch(photoUrl(given.body.photo));
    assert.equal(
      served.status,
      200,
      `round ${round}: the bytes went with ${a}`,
    );
    await served.body?.cancel();
  }
});

Deno.test("[photos] a photo is served only under its own type's name", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { body: item } = await upload(shopper, SHIRT, JPEG_24x16);
  const jpeg = await shopper.fetch(photoUrl(item.photo));
  assert.equal(jpeg.headers.get("content-type"), "image/jpeg");
  await jpeg.body?.cancel();
  for (const ext of ["png", "webp"]) {
    const res = await shopper.fetch(`/photos/${item.photo.id}.${ext}`);
    assert.equal(res.status, 404, ext);
    await res.body?.cancel();
  }
});

/** What a phone writes into a photo: where it was taken, to the metre. */
const GPS = new TextEncoder().encode(
  "Exif\0\0MM\0*GPSLatitude 51.50072 N GPSLongitude 0.12756 W iPhone 15",
);

function withExifJpeg(jpeg: Uint8Array): Uint8Array<ArrayBuffer> {
  const segment = new Uint8Array(4 + GPS.length);
  segment.set([0xff, 0xe1, (GPS.length + 2) >> 8, (GPS.length + 2) & 0xff]);
  segment.set(GPS, 4);
  const comment = new Uint8Array([
    0xff,
    0xfe,
    0,
    7,
    0x68,
    0x6f,
    0x6d,
    0x65,
    0x21,
  ]);
  return new Uint8Array([
    ...jpeg.subarray(0, 2),
    ...segment,
    ...comment,
    ...jpeg.subarray(2),
  ]);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  new DataView(out.buffer).setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  return out; // CRC left zero: no reader here checks it
}

function withExifPng(png: Uint8Array): Uint8Array<ArrayBuffer> {
  const iend = png.length - 12;
  return new Uint8Array([
    ...png.subarray(0, iend),
    ...pngChunk("eXIf", GPS),
    ...pngChunk("tEXt", new TextEncoder().encode("Location\0Home")),
    ...png.subarray(iend),
  ]);
}

function withExifWebp(webp: Uint8Array): Uint8Array<ArrayBuffer> {
  const payload = GPS.length % 2 ? new Uint8Array([...GPS, 0]) : GPS;
  const chunk = new Uint8Array(8 + payload.length);
  chunk.set(new TextEncoder().encode("EXIF"));
  new DataView(chunk.buffer).setUint32(4, GPS.length, true);
  chunk.set(payload, 8);
  const out = new Uint8Array([...webp, ...chunk]);
  out[20] |= 0x08; // VP8X: has EXIF
  new DataView(out.buffer).setUint32(4, out.length - 8, true);
  return out;
}

Deno.test("[photos] where and when a photo was taken is not kept: EXIF, XMP, text chunks and comments go, the picture stays", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const png = await makePng(30, 20, [200, 30, 40]);
  for (
    const [name, original, tagged] of [
      ["jpeg", JPEG_24x16, withExifJpeg(JPEG_24x16)],
      ["png", png, withExifPng(png)],
      ["webp", WEBP_24x16, withExifWebp(WEBP_24x16)],
    ] as const
  ) {
    const { status, body: item } = await upload(shopper, SHIRT, tagged);
    assert.equal(status, 200, name);
    const served = await shopper.fetch(photoUrl(item.photo));
    const bytes = new Uint8Array(await served.arrayBuffer());
    const text = new TextDecoder("latin1").decode(bytes);
    assert.ok(
      !text.includes("GPSLatitude"),
      `${name}: the location is served back`,
    );
    assert.deepEqual(
      bytes,
      new Uint8Array(original),
      `${name}: the picture changed`,
    );
  }
});

Deno.test("[photos] a shopper keeps photos of at most MAX_PHOTOS pieces; the next is a 409 and nothing changes", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { body } = await shopper.get("/api/wardrobe");
  const ids: string[] = body.items.map((item: WardrobeItem) => item.id);
  while (ids.length <= MAX_PHOTOS) {
    const added = await shopper.send("POST", "/api/wardrobe/items", {
      name: `Scarf ${ids.length}`,
      category: "accessory",
      colors: ["rust"],
      formality: 2,
      seasons: ["autumn"],
    });
    ids.push(added.body.id);
  }
  for (let i = 0; i < MAX_PHOTOS; i += 10) {
    const answers = await Promise.all(
      ids.slice(i, i + 10).map(async (id, j) =>
        (await upload(shopper, id, await makePng(16, 16, [i + j, 9, 9]))).status
      ),
    );
    assert.deepEqual(new Set(answers), new Set([200]));
  }
  const last = ids[MAX_PHOTOS];
  const refused = await upload(shopper, last, await makePng(16, 16, [1, 2, 3]));
  assert.equal(refused.status, 409);
  assert.match(refused.body.error, new RegExp(`up to ${MAX_PHOTOS} pieces`));
  // A photo already kept may go on another piece; replacing one is fine.
  assert.equal(
    (await upload(shopper, last, await makePng(16, 16, [0, 9, 9]))).status,
    200,
  );
  assert.equal(
    (await upload(shopper, ids[1], await makePng(16, 16, [4, 5, 6]))).status,
    200,
  );
});
