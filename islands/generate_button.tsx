/**
 * A "Create outfits" button for a request the server already knows in full
 * (the reviewed candidate of the consider-buying flow).
 */
import type { PageFlags } from "../lib/client/api.ts";
import { useGeneration } from "../lib/client/generation.ts";
import type { GenerateRequest } from "../lib/schemas.ts";

export type GenerateButtonProps = {
  request: GenerateRequest;
  flags: PageFlags;
  label: string;
};

export default function GenerateButton(
  { request, flags, label }: GenerateButtonProps,
) {
  const generation = useGeneration(flags);
  const problem = generation.problem.value;
  return (
    <div class="generate">
      {problem && (
        <p class="notice notice-error" role="alert">{problem.error}</p>
      )}
      <button
        type="button"
        class="button button-primary"
        onClick={() => generation.start(request)}
        disabled={generation.blocked}
      >
        {generation.label(label)}
      </button>
    </div>
  );
}
