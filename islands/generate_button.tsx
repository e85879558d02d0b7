/**
 * A "Create outfits" button for a request the server already knows in full
 * (the reviewed candidate of the consider-buying flow).
 */
import { useSignal } from "@preact/signals";
import {
  type ApiError,
  type PageFlags,
  startGeneration,
} from "../lib/client/api.ts";
import type { GenerateRequest } from "../lib/schemas.ts";

export type GenerateButtonProps = {
  request: GenerateRequest;
  flags: PageFlags;
  label: string;
};

export default function GenerateButton(
  { request, flags, label }: GenerateButtonProps,
) {
  const busy = useSignal(false);
  const problem = useSignal<ApiError | null>(null);
  async function start() {
    busy.value = true;
    problem.value = await startGeneration(request, flags);
    busy.value = false;
  }
  return (
    <div class="generate">
      {problem.value && (
        <p class="notice notice-error" role="alert">{problem.value.error}</p>
      )}
      <button
        type="button"
        class="button button-primary"
        onClick={start}
        disabled={busy.value}
      >
        {busy.value ? "Starting…" : label}
      </button>
    </div>
  );
}
