/** Sessions and ownership: a job is visible only to the shopper who made it. */
import assert from "node:assert/strict";
import { SESSION_COOKIE } from "../lib/session.ts";
import { startTestServer } from "./helpers/server.ts";

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
  const owner = server.client();
  const stranger = server.client();
  const jobId = await owner.generate({
    mode: "occasion",
    occasions: ["party"],
  });
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

Deno.test("[identity] a forged cookie is a new shopper, not the one it names", async () => {
  await using server = await startTestServer();
  const owner = server.client();
  const jobId = await owner.generate({
    mode: "occasion",
    occasions: ["party"],
  });
  await owner.events(jobId);
  const [name, value] = owner.cookie!.split("=");
  const userId = decodeURIComponent(value).split(".")[0];
  const forger = server.client();
  forger.cookie = `${name}=${encodeURIComponent(`${userId}.forgedsignature=`)}`;
  assert.equal((await forger.get(`/api/jobs/${jobId}`)).status, 404);
  assert.notEqual(
    forger.cookie.split("=")[1],
    value,
    "a fresh session was issued",
  );
});
