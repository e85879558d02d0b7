/**
 * Handing a look's link over: a phone's own share sheet (the Web Share
 * API), else the clipboard. Bundled into the browser.
 */

/** Phones share through a sheet; a desktop browser that has one too copies. */
export function hasShareSheet(): boolean {
  return typeof navigator.share === "function" &&
    matchMedia("(pointer: coarse)").matches;
}

/** Gives the link at `path` away; answers what to tell the shopper. */
export async function handOver(path: string, title: string): Promise<string> {
  const url = new URL(path, location.href).href;
  if (hasShareSheet()) {
    try {
      await navigator.share({ title, url });
      return "";
    } catch (err) {
      const { name } = err as Error;
      // Closing the sheet is a choice, not a failure.
      if (name === "AbortError") return "";
      // The tap was too long ago (the link took a round trip to make):
      // the next one opens the sheet at once.
      if (name === "NotAllowedError") {
        return "Your link is ready: press Share link to send it.";
      }
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return "Link copied.";
  } catch {
    return `Copy this link: ${url}`;
  }
}
