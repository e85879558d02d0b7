/**
 * The item form's photo: take one (a phone offers its camera) or choose a
 * file, made small in the browser, previewed, and the colours it shows
 * suggested. Nothing is sent from here; the form sends the photo when the
 * item is saved.
 */
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";
import type { ColorName } from "../lib/colors.ts";
import { suggestColours } from "../lib/client/photo_colours.ts";
import { PhotoError, shrinkPhoto } from "../lib/client/photo_shrink.ts";

export type ChosenPhoto = {
  blob: Blob;
  /**
   * The preview, as a `data:` URL: the Content-Security-Policy allows
   * `data:` images but not `blob:` ones.
   */
  src: string;
  /** Palette colours the photo shows, most first (at most three). */
  colours: ColorName[];
};

export type PhotoFieldProps = {
  id: string;
  /** The picture to preview: the chosen photo, else the item's own. */
  shown?: { src: string; alt: string };
  onChoose: (photo: ChosenPhoto) => void;
  onRemove: () => void;
  /** True while a chosen file is being made smaller: saving must wait. */
  onReading: (reading: boolean) => void;
  /** Said under the controls (a note on colours, a one-click action). */
  children?: ComponentChildren;
};

const SENTENCES: Record<PhotoError["reason"], string> = {
  unreadable:
    "That file could not be opened as a photo. Choose a photo (JPEG, PNG or WebP), or take one.",
  too_small:
    "That picture is too small to show a piece. Choose a bigger photo.",
  too_big:
    "That photo could not be made small enough to keep. Choose another one.",
};

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

export function PhotoField(
  { id, shown, onChoose, onRemove, onReading, children }: PhotoFieldProps,
) {
  const reading = useSignal(false);
  const problem = useSignal("");
  const input = useRef<HTMLInputElement>(null);
  const errorId = `${id}-error`;

  async function choose(file: File | undefined) {
    if (!file) return;
    reading.value = true;
    onReading(true);
    problem.value = "";
    try {
      const shrunk = await shrinkPhoto(file);
      onChoose({
        blob: shrunk.blob,
        src: await dataUrl(shrunk.blob),
        colours: suggestColours(shrunk.pixels, 3),
      });
    } catch (err) {
      problem.value = SENTENCES[
        err instanceof PhotoError ? err.reason : "unreadable"
      ];
      // Clear the name of a file that will not be used.
      if (input.current) input.current.value = "";
    } finally {
      reading.value = false;
      onReading(false);
    }
  }

  function remove() {
    problem.value = "";
    // So choosing the same file again still counts as a choice.
    if (input.current) input.current.value = "";
    onRemove();
  }

  return (
    <div class="field photo-field" data-reading={reading.value || undefined}>
      <span class="label" id={`${id}-label`}>Photo (optional)</span>
      <div class="photo-row">
        {shown && <img class="photo-preview" src={shown.src} alt={shown.alt} />}
        <div class="photo-controls">
          <div class="actions">
            <input
              ref={input}
              id={id}
              type="file"
              accept="image/*"
              class="file-input"
              aria-labelledby={`${id}-label ${id}-button`}
              aria-describedby={problem.value ? errorId : `${id}-hint`}
              aria-invalid={problem.value ? "true" : undefined}
              onChange={(e) =>
                choose(e.currentTarget.files?.[0])}
            />
            <label
              for={id}
              id={`${id}-button`}
              class="button button-small"
              aria-hidden="true"
            >
              {shown ? "Change photo" : "Add a photo"}
            </label>
            {shown && (
              <button
                type="button"
                class="button button-small button-quiet"
                onClick={remove}
              >
                Remove photo
              </button>
            )}
          </div>
          <p class="legend-hint" id={`${id}-hint`}>
            Take a photo with your phone or choose one. It is made smaller
            before it is sent.
          </p>
          <div aria-live="polite">
            {reading.value && <p class="muted">Making the photo smaller…</p>}
            {problem.value && (
              <p class="field-error" id={errorId}>{problem.value}</p>
            )}
            {children}
          </div>
        </div>
      </div>
    </div>
  );
}
