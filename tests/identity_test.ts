/** Sessions and ownership: a job is visible only to the shopper who made it. */
import assert from "node:assert/strict";
import { SESSION_COOKIE } from "../lib/session.ts";
import { kvSnapshot, SCARF } from "./helpers/fixtures.ts";
import { startTestServer } from "./helpers/server.ts";
import { readEvents } from "./helpers/sse_client.ts";

/** A shopper, and the job they started for a party. */
async function ownerWithJob(
  server: Awaited<ReturnType<typeof startTestServer>>,
) {
  const owner = server.client();
  const jobId = await owner.generate({
    mode: "occasion",
    occasions: ["party"],
  });
  return { owner, jobId };
}

Deno.test("[identity] the first request of any kind issues a signed HttpOnly cookie", async () => {
  await using server = await startTestServer();
  const res = await fetch(`${server.url}/no-such-page`);
  await res.body?.cancel();
  const cookie = res.headers.get("set-cookie") ?? "";
  assert.match(cookie, new RegExp(`^${SESSION_COOKIE}=[^;]+\\.[^;]+;`));
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.match(cookie, /Path=\//);
});

Deno.test("[identity] another shopper gets 404 for a job, its status and its stream", async () => {
  await using server = await startTestServer();
  const { owner, jobId } = await ownerWithJob(server);
  const stranger = server.client();
  await owner.events(jobId);
  assert.equal((await stranger.get(`/api/jobs/${jobId}`)).status, 404);
  const stream = await stranger.stream(jobId);
  assert.equal(stream.status, 404);
  assert.deepEqual(await stream.json(), { error: "Not found" });
  assert.equal((await owner.get(`/api/jobs/${jobId}`)).status, 200);
  assert.equal(
    (await owner.get(`/api/jobs/${crypto.randomUUID()}`)).status,
    404,
  );
});

Deno.test("[identity] every owner-checked route is 404 to another shopper, and changes nothing", async () => {
  await using server = await startTestServer();
  const { owner, jobId } = await ownerWithJob(server);
  await owner.events(jobId);
  const added = await owner.send("POST", "/api/wardrobe/items", SCARF);
  assert.equal(added.status, 201);
  const itemPath = `/api/wardrobe/items/${added.body.id}`;

  const stranger = server.client();
  assert.equal((await stranger.get("/api/wardrobe")).status, 200);
  const before = await kvSnapshot(server.kv);

  const attempts: [string, string, unknown?, Record<string, string>?][] = [
    ["GET", `/api/jobs/${jobId}`],
    ["GET", `/api/jobs/${jobId}/stream`],
    ["GET", `/api/jobs/${jobId}/stream`, undefined, { "last-event-id": "0" }],
    ["GET", `/api/jobs/${jobId}/stream?lastEventId=2`],
    ["POST", `/api/jobs/${jobId}/cancel`],
    ["PUT", itemPath, { ...SCARF, name: "Not yours" }],
    ["DELETE", itemPath],
  ];
  for (const [method, path, body, headers = {}] of attempts) {
    const res = await stranger.fetch(path, {
      method,
      headers: { ...headers, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal(res.status, 404, `${method} ${path}`);
    assert.deepEqual(await res.json(), { error: "Not found" });
  }
  // Not yours and not there read the same, so ids cannot be probed.
  const missing = await stranger.get(`/api/jobs/${crypto.randomUUID()}`);
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.body, { error: "Not found" });

  assert.deepEqual(await kvSnapshot(server.kv), before, "nothing was written");
  const mine = await owner.get(`/api/jobs/${jobId}`);
  assert.equal(mine.status, 200);
  assert.equal(mine.body.status, "complete");
  const { body: { items } } = await owner.get("/api/wardrobe");
  assert.deepEqual(
    items.find((i: { id: string }) => i.id === added.body.id),
    added.body,
  );
  const theirs = (await stranger.get("/api/wardrobe")).body.items;
  assert.ok(!theirs.some((i: { id: string }) => i.id === added.body.id));
});

Deno.test("[identity] another shopper gets 404 for the stream of a running job its owner is watching", async () => {
  await using server = await startTestServer({ localDelayMs: 150 });
  const { owner, jobId } = await ownerWithJob(server);
  // The owner's tab is open and has its first event: the server follows the
  // job and knows whose it is.
  const tab = await owner.stream(jobId);
  const events = readEvents(tab.body!);
  assert.equal((await events.next()).value?.event, "progress");
  const stranger = server.client();
  for (const lastEventId of [undefined, 0, 1]) {
    const stream = await stranger.stream(jobId, { lastEventId });
    assert.equal(stream.status, 404, `Last-Event-ID ${lastEventId}`);
    assert.deepEqual(await stream.json(), { error: "Not found" });
  }
  const second = await owner.stream(jobId, { lastEventId: 1 });
  assert.equal(second.status, 200, "the owner's next tab");
  await second.body!.cancel();
  await events.return(undefined);
});

Deno.test("[identity] another shopper cannot cancel a running job", async () => {
  await using server = await startTestServer({ localDelayMs: 150 });
  const { owner, jobId } = await ownerWithJob(server);
  const stranger = server.client();
  const cancel = await stranger.send("POST", `/api/jobs/${jobId}/cancel`);
  assert.equal(cancel.status, 404);
  const { body } = await owner.get(`/api/jobs/${jobId}`);
  assert.ok(
    ["queued", "running"].includes(body.status),
    `still running when the stranger was refused (${body.status})`,
  );
  const events = await owner.events(jobId);
  assert.equal(events.at(-1)?.event, "complete", "the job ran to the end");
});

Deno.test("[identity] a forged or unsigned cookie naming a shopper is a new shopper", async () => {
  await using server = await startTestServer();
  const { owner, jobId } = await ownerWithJob(server);
  await owner.events(jobId);
  const [name, value] = owner.cookie!.split("=");
  const userId = decodeURIComponent(value).split(".")[0];
  const forgeries = [
    `${userId}.forgedsignature=`,
    userId,
    `${userId}.`,
    `${userId}.${userId}`,
  ];
  for (const forged of forgeries) {
    const forger = server.client();
    forger.cookie = `${name}=${encodeURIComponent(forged)}`;
    assert.equal((await forger.get(`/api/jobs/${jobId}`)).status, 404);
    assert.notEqual(
      decodeURIComponent(forger.cookie.split("=")[1]).split(".")[0],
      userId,
      `a fresh identity for "${forged}"`,
    );
  }
});
