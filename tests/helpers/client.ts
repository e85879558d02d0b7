/**
 * A shopper's browser, reduced to what the API needs: it keeps the session
 * cookie the server issues and sends it back.
 */
import { readEvents, type SseEvent } from "./sse_client.ts";

export class TestClient {
  cookie: string | undefined;
  constructor(readonly baseUrl: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    const res = await fetch(new URL(path, this.baseUrl), { ...init, headers });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0];
    return res;
  }

  /**
   * Sends `body` as JSON and returns the status and parsed body. The body is
   * untyped on purpose: tests assert on exactly what the server sent.
   */
  async send(
    method: string,
    path: string,
    body?: unknown,
    // deno-lint-ignore no-explicit-any
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const res = await this.fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? JSON.parse(text) : null,
      headers: res.headers,
    };
  }

  get(path: string) {
    return this.send("GET", path);
  }

  /** Starts a job and returns its id, failing loudly on anything but 202. */
  async generate(request: unknown): Promise<string> {
    const res = await this.send("POST", "/api/outfits/generate", request);
    if (res.status !== 202) {
      throw new Error(
        `Expected 202, got ${res.status}: ${JSON.stringify(res.body)}`,
      );
    }
    return res.body.job_id;
  }

  /** Opens a job's event stream (the caller must consume or cancel the body). */
  stream(
    jobId: string,
    { lastEventId, signal }: { lastEventId?: number; signal?: AbortSignal } =
      {},
  ): Promise<Response> {
    return this.fetch(`/api/jobs/${jobId}/stream`, {
      headers: lastEventId === undefined
        ? {}
        : { "last-event-id": String(lastEventId) },
      signal,
    });
  }

  /** Every event from `lastEventId` until the server closes the stream. */
  async events(jobId: string, lastEventId?: number): Promise<SseEvent[]> {
    const res = await this.stream(jobId, { lastEventId });
    if (res.status !== 200) {
      throw new Error(
        `Expected a stream, got ${res.status}: ${await res.text()}`,
      );
    }
    const events: SseEvent[] = [];
    for await (const event of readEvents(res.body!)) events.push(event);
    return events;
  }
}
