/**
 * Who is asking, by network address rather than cookie, for the limits a
 * dropped cookie must not reset. The connection's own address, unless the
 * app runs behind a proxy that names the client in a header
 * (`CLIENT_ADDRESS_HEADER`, e.g. `x-forwarded-for`; its first entry). An
 * IPv6 client is counted by its /64: one machine gets a whole /64 to pick
 * addresses from.
 */
import type { Context } from "hono";

export function clientAddress(
  c: Context,
  header?: string,
): string | undefined {
  const named = header
    ? c.req.header(header)?.split(",")[0].trim()
    : (c.env as Partial<Deno.ServeHandlerInfo<Deno.NetAddr>> | undefined)
      ?.remoteAddr?.hostname;
  if (!named) return undefined;
  if (!named.includes(":")) return named.slice(0, 45);
  // An IPv4 client on an IPv6 socket (::ffff:203.0.113.7) is that IPv4.
  const mapped = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(named);
  return mapped ? mapped[1] : ipv6Prefix(named);
}

/** The first four groups of an IPv6 address, `::` spelled out. */
function ipv6Prefix(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const [head, tail = ""] = bare.split("::");
  const left = head ? head.split(":") : [];
  const right = bare.includes("::") && tail ? tail.split(":") : [];
  const groups = [
    ...left,
    ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"),
    ...right,
  ];
  return `${groups.slice(0, 4).join(":").toLowerCase()}::/64`;
}
