/**
 * Money as a shopper reads it, in the one currency the app is configured
 * with (`CURRENCY`, an ISO 4217 code such as EUR). Shared by pages and
 * islands, so a price looks the same everywhere.
 */

export const DEFAULT_CURRENCY = "EUR";

const formats = new Map<string, Intl.NumberFormat>();

/**
 * @example formatMoney(12.5, "EUR") // "€12.50"
 */
export function formatMoney(amount: number, currency: string): string {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en", { style: "currency", currency });
    formats.set(currency, format);
  }
  return format.format(amount);
}

/** Whether `code` is a currency `Intl` can format (three letters, known). */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    return Intl.supportedValuesOf("currency").includes(code);
  } catch {
    return true;
  }
}
