/**
 * Characters XML 1.0 does not allow at all (C0 controls but tab and line
 * ends, U+FFFE, U+FFFF, lone surrogates): a parser refuses the whole
 * document over one, and names may carry them.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text made safe for an XML text node or a quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
