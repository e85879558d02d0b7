/**
 * `fetch`, with response bodies that arrive in chunks no bigger than what
 * was read.
 *
 * Deno reads a fetch body into a fresh 64 KiB buffer for every read and
 * hands back a view of the bytes that came. A model streaming a few
 * characters every 12 ms so costs 64 KiB outside the heap per delta, held
 * until V8 next collects it: 100 running jobs kept 70–80 MB of them in a job
 * thread, and the allocator's arenas grew with them. Here each read fills
 * one buffer that is handed back and read into again, and only a copy the
 * size of the read goes on.
 */

/** Bytes one read may fill; a streamed model reply sends far less at a time. */
const READ_BYTES = 16 * 1024;

export const compactFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  const body = res.body && compactBody(res.body);
  if (!body) return res;
  return new Response(body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
};

/**
 * The same bytes in right-sized chunks; errors and cancellation pass
 * through. Null for a stream that cannot be read into our own buffer (not a
 * byte stream): the caller keeps it as it is.
 */
export function compactBody(
  body: ReadableStream<Uint8Array>,
): ReadableStream<Uint8Array> | null {
  let reader: ReadableStreamBYOBReader;
  try {
    reader = body.getReader({ mode: "byob" });
  } catch {
    return null;
  }
  let buffer = new ArrayBuffer(READ_BYTES);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read(new Uint8Array(buffer));
      if (done) {
        controller.close();
        return;
      }
      // The read moved our buffer into `value`: the same memory, back.
      buffer = value.buffer as ArrayBuffer;
      controller.enqueue(value.slice());
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
