/**
 * Which Chromium the browser tests drive, so `deno task test` needs nothing
 * installed by hand: `CHROMIUM_PATH` if set, else a system Chromium or
 * Chrome, else the Linux x64 build that ships inside the npm package
 * `@sparticuz/chromium` (pinned in deno.json), unpacked once into the temp
 * directory.
 */
import { join } from "node:path";
import { tmpdir } from "node:os";

export type ChromiumChoice = {
  executablePath: string;
  /** Where it came from, for the one line the tests print. */
  source: "CHROMIUM_PATH" | "system" | "npm";
  /** Flags this build needs on top of the ones every test browser gets. */
  args: string[];
};

/** Usual install locations, Debian's first (what CI installs with apt). */
const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

function isFile(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

/**
 * Finds a browser and says which in one line on stderr.
 *
 * @example const { executablePath, args } = await findChromium();
 */
export async function findChromium(): Promise<ChromiumChoice> {
  const choice = await choose();
  console.error(`Browser tests use ${describe(choice)}`);
  return choice;
}

async function choose(): Promise<ChromiumChoice> {
  const configured = Deno.env.get("CHROMIUM_PATH");
  if (configured) {
    if (!isFile(configured)) {
      throw new Error(`CHROMIUM_PATH "${configured}" is not a file`);
    }
    return { executablePath: configured, source: "CHROMIUM_PATH", args: [] };
  }
  const system = SYSTEM_BROWSERS.find(isFile);
  if (system) return { executablePath: system, source: "system", args: [] };
  return { executablePath: await unpackNpmChromium(), source: "npm", args: [] };
}

function describe(choice: ChromiumChoice): string {
  switch (choice.source) {
    case "CHROMIUM_PATH":
      return `${choice.executablePath} (CHROMIUM_PATH)`;
    case "system":
      return `the system's ${choice.executablePath}`;
    case "npm":
      return `npm:@sparticuz/chromium, unpacked at ${choice.executablePath} (no system Chromium found; set CHROMIUM_PATH to use another)`;
  }
}

/**
 * Unpacks the npm build under an exclusive file lock. The package decides
 * it is unpacked as soon as its binary's file exists, so without the lock a
 * second test file starting mid-unpack (`deno test --parallel`) would launch
 * a half-written browser; and a marker written after a finished unpack tells
 * a whole binary from one a killed run left half-written.
 */
async function unpackNpmChromium(): Promise<string> {
  if (Deno.build.os !== "linux" || Deno.build.arch !== "x86_64") {
    throw new Error(
      "No Chromium found: install Chrome or Chromium, or set CHROMIUM_PATH (the npm build is Linux x64 only)",
    );
  }
  const lock = await Deno.open(join(tmpdir(), "stylist-chromium.lock"), {
    create: true,
    write: true,
  });
  try {
    await lock.lock(true);
    const binary = join(tmpdir(), "chromium");
    const marker = `${binary}.unpacked`;
    if (!isFile(marker)) await Deno.remove(binary).catch(() => {});
    const { default: chromium } = await import("@sparticuz/chromium");
    const path = await chromium.executablePath();
    await Deno.writeTextFile(marker, path);
    return path;
  } finally {
    lock.close();
  }
}
