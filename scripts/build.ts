/**
 * Builds the browser side ahead of time: island bundles, the stylesheet and
 * the web fonts it names (from npm, scripts/fonts.ts), hashed for immutable
 * caching, into static/build/ with a manifest the server reads
 * (lib/islands.ts).
 *
 *   deno task build                 build now
 *   deno run -A scripts/build.ts --if-needed   build only if sources changed
 *   deno run -A scripts/build.ts --watch       build, then rebuild on change
 *
 * Three kinds of file, so a page with one island loads three scripts:
 *
 *   runtime-HASH.js   Preact, its hooks, @preact/signals and the boot
 *                     function (lib/islands_client.ts): what every island
 *                     needs, in one file, exporting exactly what they use
 *   ISLAND-HASH.js    one island with its own components and helpers,
 *                     importing the libraries from the runtime
 *   boot-HASH.js      a lazy `import()` per island, handed to boot()
 *
 * Not esbuild's code splitting: it makes a chunk for every combination of
 * islands that shares a module, and each file is gzipped on its own, so
 * /reveal needed six files and paid ~0.8 KB of its 13 KB for the split.
 * The server compiles JSX with `precompile`, which would never hydrate in
 * the browser, so the bundles get a copy of deno.json with the automatic
 * runtime instead, its `jsx()` an adapter onto Preact's `createElement`.
 */
import { type BuildManifest, STYLESHEETS } from "../lib/islands.ts";
import { FONT_FILES } from "./fonts.ts";

const ROOT = new URL("../", import.meta.url);
const OUT = new URL("static/build/", ROOT);
/** What the browser bundle can depend on; a change to any means a rebuild. */
const INPUT_DIRS = ["islands/", "components/", "lib/", "static/"];
const INPUT_FILES = [
  "deno.json",
  "deno.lock",
  "scripts/build.ts",
  "scripts/fonts.ts",
];

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

/** Bare imports the islands share through the runtime instead of bundling. */
const RUNTIME_LIBS = [
  "preact",
  "preact/*",
  "@preact/signals",
  "@preact/signals/*",
];
const SHARED = /^(preact|@preact\/signals)(\/|$)/;
/** A named import as esbuild writes it: `import{a as b,c}from"preact";`. */
const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*"([^"]+)"\s*;?/g;

/**
 * The automatic JSX runtime as a thin adapter onto `createElement`, which the
 * boot needs anyway: one vnode factory in the runtime instead of two.
 */
const JSX_ADAPTER = `import { createElement, Fragment } from "preact";
export { Fragment };
export function jsx(type, props, key) {
  return createElement(type, key === undefined ? props : { ...props, key });
}
export { jsx as jsxs, jsx as jsxDEV };
`;

async function denoBundle(tmp: string, args: string[]): Promise<void> {
  const { success, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "bundle",
      "--quiet",
      `--config=${tmp}/deno.json`,
      `--lock=${path(new URL("deno.lock", ROOT))}`,
      "--platform=browser",
      "--format=esm",
      "--minify",
      ...args,
    ],
    stdout: "inherit",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  if (!success) {
    throw new Error(`deno bundle failed:\n${new TextDecoder().decode(stderr)}`);
  }
}

const hashed = async (name: string, text: string) =>
  `${name}-${(await sha256(text)).slice(0, 8)}.js`;

/** A stylesheet's `url("fonts/NAME")`: a font from scripts/fonts.ts. */
const FONT_URL = /url\("fonts\/([\w.-]+\.woff2)"\)/g;
/** What every woff2 file starts with. */
const WOFF2_SIGNATURE = "wOF2";

/**
 * Writes the fonts the stylesheet names under hashed names (served as
 * immutable), beside it in static/build/, and points its `url()`s at them;
 * returns the stylesheet and the fonts to preload.
 */
async function withFonts(
  css: string,
  files: Map<string, string | Uint8Array>,
): Promise<{ css: string; preload: string[] }> {
  const names = new Map<string, string>();
  for (const name of new Set([...css.matchAll(FONT_URL)].map((m) => m[1]))) {
    const font = FONT_FILES[name];
    if (!font) {
      throw new Error(
        `The stylesheet names fonts/${name}: add it to scripts/fonts.ts`,
      );
    }
    if (new TextDecoder().decode(font.bytes.slice(0, 4)) !== WOFF2_SIGNATURE) {
      throw new Error(`fonts/${name} is not a woff2 file`);
    }
    const file = name.replace(
      /\.woff2$/,
      `-${(await sha256(font.bytes)).slice(0, 8)}.woff2`,
    );
    files.set(file, font.bytes);
    names.set(name, file);
  }
  return {
    css: css.replace(
      FONT_URL,
      (_, name: string) => `url("${names.get(name)}")`,
    ),
    preload: [...names].filter(([name]) => FONT_FILES[name].preload)
      .map(([, file]) => file),
  };
}

type Bundles = Pick<BuildManifest, "boot" | "islands"> & {
  runtime: string;
  files: Map<string, string | Uint8Array>;
};

/**
 * Bundles each island on its own with the shared libraries left as imports,
 * then the runtime exporting exactly the bindings those imports name (under
 * short aliases), then points the islands at it.
 */
async function bundle(names: string[]): Promise<Bundles> {
  const tmp = await Deno.makeTempDir({ prefix: "stylist-build-" });
  try {
    const config = JSON.parse(
      await Deno.readTextFile(new URL("deno.json", ROOT)),
    );
    await Deno.writeTextFile(`${tmp}/jsx_runtime.js`, JSX_ADAPTER);
    await Deno.writeTextFile(
      `${tmp}/deno.json`,
      JSON.stringify({
        imports: {
          ...config.imports,
          "preact/jsx-runtime": "./jsx_runtime.js",
        },
        compilerOptions: { ...config.compilerOptions, jsx: "react-jsx" },
      }),
    );
    await denoBundle(tmp, [
      ...RUNTIME_LIBS.flatMap((lib) => ["--external", lib]),
      `--outdir=${tmp}/islands`,
      ...names.map((name) => path(new URL(`islands/${name}.tsx`, ROOT))),
    ]);
    const aliases = new Map<string, string>(); // "specifier\0name" → alias
    const bodies = new Map<string, { bindings: string[]; text: string }>();
    for (const name of names) {
      const bindings: string[] = [];
      const text = (await Deno.readTextFile(`${tmp}/islands/${name}.js`))
        .replace(NAMED_IMPORT, (statement, list: string, from: string) => {
          if (!SHARED.test(from)) return statement;
          for (const part of list.split(",")) {
            const [imported, local = imported] = part.trim().split(/\s+as\s+/);
            const key = `${from}\0${imported}`;
            if (!aliases.has(key)) aliases.set(key, `_${aliases.size}`);
            bindings.push(`${aliases.get(key)} as ${local}`);
          }
          return "";
        });
      const stray = /"(preact|@preact\/signals)(\/[^"]*)?"/.exec(text);
      if (stray) {
        throw new Error(
          `islands/${name}.tsx: only named imports of ${
            stray[0]
          } can be shared`,
        );
      }
      bodies.set(name, { bindings, text });
    }
    const exports = [...aliases].map(([key, alias]) => {
      const [from, name] = key.split("\0");
      return `export { ${name} as ${alias} } from ${JSON.stringify(from)};`;
    });
    const client = new URL("lib/islands_client.ts", ROOT).href;
    await Deno.writeTextFile(
      `${tmp}/runtime.js`,
      [`export { boot } from ${JSON.stringify(client)};`, ...exports]
        .join("\n"),
    );
    await denoBundle(tmp, [`--output=${tmp}/out.js`, `${tmp}/runtime.js`]);

    const files = new Map<string, string | Uint8Array>();
    const runtimeText = await Deno.readTextFile(`${tmp}/out.js`);
    const runtime = await hashed("runtime", runtimeText);
    files.set(runtime, runtimeText);
    const islands: Record<string, string[]> = {};
    const loaders: string[] = [];
    for (const [name, { bindings, text }] of bodies) {
      const source = (bindings.length
        ? `import{${bindings.join(",")}}from"./${runtime}";`
        : "") + text;
      const file = await hashed(name, source);
      files.set(file, source);
      islands[name] = [file, runtime];
      loaders.push(`${name}:()=>import("./${file}")`);
    }
    const bootText = `import{boot}from"./${runtime}";boot({${
      loaders.join(",")
    }});\n`;
    const boot = await hashed("boot", bootText);
    files.set(boot, bootText);
    return { boot, runtime, islands, files };
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
}

/** Builds, then swaps the files in, manifest last. */
/** Builds everything; `inputs` is the sources' hash, if already computed. */
export async function build(inputs?: string): Promise<BuildManifest> {
  const started = performance.now();
  inputs ??= await hashInputs();
  const names = await islandNames();
  await Deno.mkdir(OUT, { recursive: true });
  const { boot, runtime, islands, files } = await bundle(names);
  const { css, preload } = await withFonts(
    (await Promise.all(
      STYLESHEETS.map((file) =>
        Deno.readTextFile(new URL(`static/css/${file}`, ROOT))
      ),
    )).join("\n"),
    files,
  );
  const styles = `styles-${(await sha256(css)).slice(0, 8)}.css`;
  files.set(styles, css);

  const manifest: BuildManifest = {
    inputs,
    boot,
    boot_deps: [runtime],
    styles,
    fonts: preload,
    islands,
  };
  for (const [name, data] of files) {
    if (typeof data === "string") {
      await Deno.writeTextFile(new URL(name, OUT), data);
    } else await Deno.writeFile(new URL(name, OUT), data);
  }
  const tmpManifest = new URL(`manifest.${crypto.randomUUID()}.tmp`, OUT);
  await Deno.writeTextFile(tmpManifest, JSON.stringify(manifest, null, 2));
  await Deno.rename(tmpManifest, new URL("manifest.json", OUT));
  // Drop files of earlier builds only now that nothing points at them.
  for await (const entry of Deno.readDir(OUT)) {
    if (
      entry.isFile && entry.name !== "manifest.json" && !files.has(entry.name)
    ) {
      await Deno.remove(new URL(entry.name, OUT));
    }
  }
  const ms = Math.round(performance.now() - started);
  console.log(
    `Built ${names.length} islands and ${
      [...files.keys()].filter((f) => f.endsWith(".woff2")).length
    } fonts into static/build/ in ${ms} ms`,
  );
  return manifest;
}

/** Builds unless the manifest was made from exactly the current sources. */
export async function buildIfNeeded(): Promise<void> {
  const manifest = await readManifest();
  const inputs = await hashInputs();
  if (manifest?.inputs !== inputs) await build(inputs);
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
