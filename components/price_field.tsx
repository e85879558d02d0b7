/**
 * A money field: the amount a shopper paid, with the currency's symbol
 * beside it so they know which currency to type in.
 */
import { FieldError } from "./fields.tsx";

/** The symbol a currency is written with in English ("€", "$", "CHF"). */
export function currencySymbol(currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency })
    .formatToParts(0).find((part) => part.type === "currency")?.value ??
    currency;
}

/** Most a shopper can enter (the API's limit too). */
export const MAX_PRICE = 100_000;

export type PriceFieldProps = {
  id: string;
  label: string;
  value: string;
  currency: string;
  error?: string;
  /** Set in plain server forms, which submit the field by name. */
  name?: string;
  /** Present in islands (controlled); absent in plain server forms. */
  onInput?: (value: string) => void;
};

export function PriceField(
  { id, label, value, currency, error, name, onInput }: PriceFieldProps,
) {
  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <span class="money-input">
        <span class="money-symbol" aria-hidden="true">
          {currencySymbol(currency)}
        </span>
        <input
          id={id}
          name={name}
          type="number"
          inputMode="decimal"
          min="0"
          max={MAX_PRICE}
          step="0.01"
          value={value}
          aria-describedby={`${id}-currency${error ? ` ${errorId}` : ""}`}
          aria-invalid={error ? "true" : undefined}
          onInput={onInput && ((e) => onInput(e.currentTarget.value))}
        />
      </span>
      <span id={`${id}-currency`} class="visually-hidden">In {currency}.</span>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
