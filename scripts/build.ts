/**
 * Builds the browser side ahead of time: island bundles and the stylesheet,
 * hashed for immutable caching, into static/build/ with a manifest the
 * server reads (lib/islands.ts).
 *
 *   deno task build                 build now
 *   deno run -A scripts/build.ts --if-needed   build only if sources changed
 *   deno run -A scripts/build.ts --watch       build, then rebuild on change
 *
 * One entry, generated here: the boot module with a lazy `import()` per file
 * in islands/. `deno bundle` (esbuild) with code splitting makes each island
 * its own chunk and puts what islands share (Preact, signals, components)
 * in shared chunks. The server compiles JSX with `precompile`, which would
 * never hydrate in the browser, so the bundle gets a copy of deno.json with
 * the automatic runtime instead.
 */
import { type BuildManifest, STYLESHEETS } from "../lib/islands.ts";

const ROOT = new URL("../", import.meta.url);
const OUT = new URL("static/build/", ROOT);
/** What the browser bundle can depend on; a change to any means a rebuild. */
const INPUT_DIRS = ["islands/", "components/", "lib/", "static/"];
const INPUT_FILES = ["deno.json", "deno.lock", "scripts/build.ts"];

const path = (url: URL) => decodeURIComponent(url.pathname);

async function listFiles(dir: URL): Promise<URL[]> {
  const files: URL[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      const url = new URL(entry.name + (entry.isDirectory ? "/" : ""), dir);
      if (entry.isDirectory && url.href !== OUT.href) {
        files.push(...await listFiles(url));
      } else if (entry.isFile && /\.(tsx?|css)$/.test(entry.name)) {
        files.push(url);
      }
    }
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) throw err;
  }
  return files;
}

async function sha256(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === "string"
    ? new TextEncoder().encode(data)
    : data;
  const digest = await crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return Array.from(
    new Uint8Array(digest),
    (b) => b.toString(16).padStart(2, "0"),
  )
    .join("");
}

/** One hash over every input's path and bytes. */
async function hashInputs(): Promise<string> {
  const files = [
    ...(await Promise.all(INPUT_DIRS.map((d) => listFiles(new URL(d, ROOT)))))
      .flat(),
    ...INPUT_FILES.map((f) => new URL(f, ROOT)),
  ].sort((a, b) => a.href.localeCompare(b.href));
  const parts = await Promise.all(files.map(async (file) => {
    const bytes = await Deno.readFile(file).catch(() => new Uint8Array());
    return `${file.href}:${await sha256(bytes)}`;
  }));
  return sha256(parts.join("\n"));
}

async function readManifest(): Promise<BuildManifest | null> {
  try {
    return JSON.parse(
      await Deno.readTextFile(new URL("manifest.json", OUT)),
    );
  } catch {
    return null;
  }
}

/** Island names: the .tsx files directly in islands/ (not `_helpers`). */
async function islandNames(): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(new URL("islands/", ROOT))) {
    const m = /^([a-z][a-z0-9_]*)\.tsx$/.exec(entry.name);
    if (entry.isFile && m && !m[1].endsWith("_test")) names.push(m[1]);
  }
  return names.sort();
}

/** The static imports of a built chunk, followed transitively. */
function staticDeps(file: string, sources: Map<string, string>): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    for (
      const m of (sources.get(name) ?? "").matchAll(
        /(?:from|import)\s*"\.\/([\w.-]+\.js)"/g,
      )
    ) {
      if (!seen.has(m[1])) {
        seen.add(m[1]);
        visit(m[1]);
      }
    }
  };
  visit(file);
  return [...seen].sort();
}

async function bundle(names: string[], staging: URL): Promise<void> {
  const tmp = await Deno.makeTempDir({ prefix: "stylist-build-" });
  try {
    const config = JSON.parse(
      await Deno.readTextFile(new URL("deno.json", ROOT)),
    );
    await Deno.writeTextFile(
      `${tmp}/deno.json`,
      JSON.stringify({
        imports: config.imports,
        compilerOptions: { ...config.compilerOptions, jsx: "react-jsx" },
      }),
    );
    const loaders = names.map((name) =>
      `  ${name}: () => import(${
        JSON.stringify(new URL(`islands/${name}.tsx`, ROOT).href)
      }),`
    );
    await Deno.writeTextFile(
      `${tmp}/boot.ts`,
      `import { boot } from ${
        JSON.stringify(new URL("lib/islands_client.ts", ROOT).href)
      };\nboot({\n${loaders.join("\n")}\n});\n`,
    );
    const { success, stderr } = await new Deno.Command(Deno.execPath(), {
      args: [
        "bundle",
        "--quiet",
        `--config=${tmp}/deno.json`,
        `--lock=${path(new URL("deno.lock", ROOT))}`,
        "--platform=browser",
        "--format=esm",
        "--minify",
        "--code-splitting",
        `--outdir=${path(staging)}`,
        `${tmp}/boot.ts`,
      ],
      stdout: "inherit",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    if (!success) {
      throw new Error(
        `deno bundle failed:\n${new TextDecoder().decode(stderr)}`,
      );
    }
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
}

/** Builds into a staging folder, then swaps the files in, manifest last. */
export async function build(): Promise<BuildManifest> {
  const started = performance.now();
  const inputs = await hashInputs();
  const names = await islandNames();
  await Deno.mkdir(OUT, { recursive: true });
  const staging = new URL(`.staging-${crypto.randomUUID()}/`, OUT);
  try {
    await bundle(names, staging);
    const sources = new Map<string, string>();
    for await (const entry of Deno.readDir(staging)) {
      sources.set(
        entry.name,
        await Deno.readTextFile(new URL(entry.name, staging)),
      );
    }
    // esbuild hashes chunk names but not the entry's; hash it ourselves so
    // every file can be cached forever.
    const bootSource = sources.get("boot.js")!;
    const boot = `boot-${(await sha256(bootSource)).slice(0, 8)}.js`;
    sources.delete("boot.js");
    sources.set(boot, bootSource);
    const css = (await Promise.all(
      STYLESHEETS.map((file) =>
        Deno.readTextFile(new URL(`static/css/${file}`, ROOT))
      ),
    )).join("\n");
    const styles = `styles-${(await sha256(css)).slice(0, 8)}.css`;
    sources.set(styles, css);

    const manifest: BuildManifest = {
      inputs,
      boot,
      boot_deps: staticDeps(boot, sources),
      styles,
      islands: Object.fromEntries(names.map((name) => {
        const file = [...sources.keys()].find((f) =>
          new RegExp(`^${name}-[A-Z0-9]{8}\\.js$`).test(f)
        );
        if (!file) throw new Error(`No bundle for island "${name}"`);
        return [name, [file, ...staticDeps(file, sources)]];
      })),
    };
    for (const [name, text] of sources) {
      await Deno.writeTextFile(new URL(name, OUT), text);
    }
    const tmpManifest = new URL(`manifest.${crypto.randomUUID()}.tmp`, OUT);
    await Deno.writeTextFile(tmpManifest, JSON.stringify(manifest, null, 2));
    await Deno.rename(tmpManifest, new URL("manifest.json", OUT));
    // Drop files of earlier builds only now that nothing points at them.
    for await (const entry of Deno.readDir(OUT)) {
      if (
        entry.isFile && entry.name !== "manifest.json" &&
        !sources.has(entry.name)
      ) {
        await Deno.remove(new URL(entry.name, OUT));
      }
    }
    const ms = Math.round(performance.now() - started);
    console.log(`Built ${names.length} islands into static/build/ in ${ms} ms`);
    return manifest;
  } finally {
    await Deno.remove(staging, { recursive: true }).catch(() => {});
  }
}

/** Builds unless the manifest was made from exactly the current sources. */
export async function buildIfNeeded(): Promise<void> {
  const manifest = await readManifest();
  if (manifest && manifest.inputs === await hashInputs()) return;
  await build();
}

async function watch(): Promise<never> {
  await build().catch((err) => console.error(err.message));
  const watcher = Deno.watchFs(
    INPUT_DIRS.map((d) => path(new URL(d, ROOT))).filter((p) => {
      try {
        return Deno.statSync(p).isDirectory;
      } catch {
        return false;
      }
    }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  for await (const event of watcher) {
    if (event.paths.every((p) => p.startsWith(path(OUT)))) continue;
    // Editors write in bursts; build once the burst is over.
    clearTimeout(timer);
    timer = setTimeout(() => {
      buildIfNeeded().catch((err) => console.error(err.message));
    }, 100);
  }
  throw new Error("File watcher stopped");
}

if (import.meta.main) {
  if (Deno.args.includes("--watch")) await watch();
  else if (Deno.args.includes("--if-needed")) await buildIfNeeded();
  else await build();
}
