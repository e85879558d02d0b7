/**
 * Open-Meteo's geocoding and forecast endpoints on loopback, answering in
 * their real shapes (`{results: [...]}`; parallel arrays under `daily`;
 * `{"error": true, "reason": …}` with a 400 for days out of range), so the
 * app's real look-ups, caching and time budget are tested end to end. It
 * records every request and can be made slow or broken on cue.
 *
 * @example
 * ```ts
 * await using weather = await startFakeOpenMeteo({ places: [OSLO], days: { "2026-12-08": { low: -5, high: 1, rain: 80, code: 61 } } });
 * await using server = await startTestServer({ weather });
 * ```
 */
import { bookableDays } from "../../lib/client/days.ts";

export type FakePlace = {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  timezone: string;
  admin1?: string;
  country_code?: string;
};

export type FakeDay = { low: number; high: number; rain: number; code: number };

export type FakeOpenMeteoOptions = {
  places: FakePlace[];
  /** Forecast by place name and day; absent days are out of range (400). */
  days: Record<string, Record<string, FakeDay>>;
};

export const OSLO: FakePlace = {
  name: "Oslo",
  country: "Norway",
  latitude: 59.91,
  longitude: 10.75,
  timezone: "Europe/Oslo",
};

export const SYDNEY: FakePlace = {
  name: "Sydney",
  country: "Australia",
  latitude: -33.87,
  longitude: 151.21,
  timezone: "Australia/Sydney",
};

export type Recorded = {
  url: URL;
  /** True when the client hung up before the answer (a timed-out look-up). */
  aborted: boolean;
};

export function startFakeOpenMeteo(options: FakeOpenMeteoOptions) {
  const requests: Recorded[] = [];
  /** Before answering, wait this long (the client may give up first). */
  let delayMs = 0;
  /** Answer every request with this HTTP status instead. */
  let failWith: number | null = null;

  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });

  function search(url: URL): Response {
    const name = (url.searchParams.get("name") ?? "").toLowerCase();
    const count = Number(url.searchParams.get("count") ?? "10");
    const results = options.places
      .filter((p) => p.name.toLowerCase().startsWith(name))
      .slice(0, count)
      .map((p, i) => ({ id: i + 1, country_code: "XX", ...p }));
    // Open-Meteo leaves `results` out when nothing matches.
    return json({
      ...(results.length ? { results } : {}),
      generationtime_ms: 0.4,
    });
  }

  function forecast(url: URL): Response {
    const lat = Number(url.searchParams.get("latitude"));
    const lon = Number(url.searchParams.get("longitude"));
    const place = options.places.find((p) =>
      Math.abs(p.latitude - lat) < 0.01 && Math.abs(p.longitude - lon) < 0.01
    );
    const known = (place && options.days[place.name]) ?? {};
    const first = url.searchParams.get("start_date") ?? "";
    const last = url.searchParams.get("end_date") ?? "";
    const days: string[] = [];
    for (
      let t = Date.parse(`${first}T00:00:00Z`);
      t <= Date.parse(`${last}T00:00:00Z`);
      t += 86_400_000
    ) days.push(new Date(t).toISOString().slice(0, 10));
    if (!days.length || days.some((day) => !known[day])) {
      return json({
        error: true,
        reason:
          `Parameter 'start_date' is out of allowed range from ${first} to ${last}`,
      }, 400);
    }
    const of = (pick: (d: FakeDay) => number) =>
      days.map((day) => pick(known[day]));
    return json({
      latitude: lat,
      longitude: lon,
      timezone: place?.timezone ?? "GMT",
      daily_units: { time: "iso8601", temperature_2m_max: "°C" },
      daily: {
        time: days,
        temperature_2m_max: of((d) => d.high),
        temperature_2m_min: of((d) => d.low),
        precipitation_probability_max: of((d) => d.rain),
        weather_code: of((d) => d.code),
      },
    });
  }

  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (req) => {
      const url = new URL(req.url);
      const record: Recorded = { url, aborted: false };
      requests.push(record);
      if (delayMs > 0) {
        const gone = new Promise<void>((resolve) =>
          req.signal.addEventListener("abort", () => resolve(), { once: true })
        );
        let timer: ReturnType<typeof setTimeout> | undefined;
        const waited = new Promise<void>((resolve) =>
          timer = setTimeout(resolve, delayMs)
        );
        await Promise.race([gone, waited]);
        clearTimeout(timer);
        if (req.signal.aborted) {
          record.aborted = true;
          return new Response(null, { status: 499 });
        }
      }
      if (failWith) return json({ error: true, reason: "boom" }, failWith);
      if (url.pathname === "/v1/search") return search(url);
      if (url.pathname === "/v1/forecast") return forecast(url);
      return json({ error: true, reason: "Not found" }, 404);
    },
  );
  const base = `http://127.0.0.1:${server.addr.port}`;
  return {
    geocodingUrl: `${base}/v1/search`,
    weatherUrl: `${base}/v1/forecast`,
    requests,
    /** Requests to one endpoint: "search" or "forecast". */
    calls: (endpoint: "search" | "forecast") =>
      requests.filter((r) => r.url.pathname === `/v1/${endpoint}`),
    slowDown(ms: number) {
      delayMs = ms;
    },
    fail(status: number | null) {
      failWith = status;
    },
    async [Symbol.asyncDispose]() {
      await server.shutdown();
    },
  };
}

/** The same weather on every day a request may name (lib/client/days.ts). */
export function everyBookableDay(day: FakeDay): Record<string, FakeDay> {
  const { first, last } = bookableDays();
  const days: Record<string, FakeDay> = {};
  for (
    let t = Date.parse(`${first}T00:00:00Z`);
    t <= Date.parse(`${last}T00:00:00Z`);
    t += 86_400_000
  ) days[new Date(t).toISOString().slice(0, 10)] = day;
  return days;
}

/** Freezing rain in Oslo, every day: the fixture the pages are shown with. */
export function startFreezingOslo() {
  return startFakeOpenMeteo({
    places: [OSLO],
    days: { Oslo: everyBookableDay({ low: -5, high: 1, rain: 80, code: 61 }) },
  });
}
