/**
 * nginx in front of a test server, running deploy/nginx.conf as shipped:
 * only its `listen` port and its upstream's address are swapped for free
 * loopback ones, and it is wrapped in the smallest main config that runs in
 * a temporary folder. Tests that need it are ignored where nginx is not
 * installed (.ci/run installs Debian's).
 */
import { waitFor } from "./wait_for.ts";

const SHIPPED = new URL("../../deploy/nginx.conf", import.meta.url);

/** Whether an `nginx` binary is on PATH. */
export async function hasNginx(): Promise<boolean> {
  try {
    const { success } = await new Deno.Command("nginx", {
      args: ["-v"],
      stdout: "null",
      stderr: "null",
    }).output();
    return success;
  } catch {
    return false;
  }
}

export type Nginx = {
  /** Where nginx listens, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  [Symbol.asyncDispose](): Promise<void>;
};

/** Starts nginx with the shipped config, proxying to `upstream`. */
export async function startNginx(upstream: string): Promise<Nginx> {
  const dir = await Deno.makeTempDir({ prefix: "stylist-nginx-" });
  // Workers may run as another user: they need to reach the temp folders.
  await Deno.chmod(dir, 0o755);
  const port = freePort();
  const shipped = await Deno.readTextFile(SHIPPED);
  const config = shipped
    .replace(/server 127\.0\.0\.1:8000;/, `server ${new URL(upstream).host};`)
    .replace(/listen 8080;/, `listen 127.0.0.1:${port};`);
  if (config === shipped) throw new Error("deploy/nginx.conf changed shape");
  await Deno.writeTextFile(`${dir}/stylist.conf`, config);
  await Deno.writeTextFile(
    `${dir}/nginx.conf`,
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr error;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/stylist.conf;
}
`,
  );
  const child = new Deno.Command("nginx", {
    args: ["-p", dir, "-c", `${dir}/nginx.conf`],
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const errors = new Response(child.stderr).text();
  let exited = false;
  child.status.then(() => exited = true);
  try {
    await waitFor(async () => {
      if (exited) throw new Error(`nginx exited: ${await errors}`);
      try {
        (await Deno.connect({ hostname: "127.0.0.1", port })).close();
        return true;
      } catch {
        return false;
      }
    }, { timeoutMs: 10_000, what: "nginx to listen" });
  } catch (err) {
    if (!exited) child.kill("SIGKILL");
    await child.status;
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async [Symbol.asyncDispose]() {
      if (!exited) child.kill("SIGQUIT");
      await child.status;
      await errors;
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}
