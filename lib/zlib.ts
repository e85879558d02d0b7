/**
 * zlib (RFC 1950) both ways with the platform's compression streams: what
 * PNG's pixel data and WOFF's font tables are packed with.
 */

async function through(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  return new Uint8Array(
    await new Response(blob.stream().pipeThrough(stream)).arrayBuffer(),
  );
}

export function deflate(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return through(bytes, new CompressionStream("deflate"));
}

export function inflate(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return through(bytes, new DecompressionStream("deflate"));
}
