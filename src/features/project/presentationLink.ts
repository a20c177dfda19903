import type { PresentationParser } from '../../project/read.ts';
import type { PresentationOps } from '../../project/plan.ts';
import { getPresentation, setPresentation } from '../../presentation/store.ts';
import { appendSlides, EMPTY_PRESENTATION, parsePresentation, remapViews, type Presentation } from '../../presentation/slides.ts';

const slidesOf = (p: unknown): Presentation => (p as Presentation | null) ?? EMPTY_PRESENTATION;

/** The project file's hold on the presentation: the browser's slides, read and written through the presentation store. */
export const presentationStore: {
  get(): unknown;
  set(value: unknown): void;
  parse: PresentationParser;
  ops: PresentationOps;
} = {
  get: () => getPresentation(),
  set: (value) => setPresentation(slidesOf(value)),
  parse: (value) => {
    const read = parsePresentation(value);
    return read.ok ? { ok: true, value: read.value } : read;
  },
  ops: {
    count: (p) => slidesOf(p).slides.length,
    empty: () => EMPTY_PRESENTATION,
    merge: (current, incoming) => appendSlides(slidesOf(current), slidesOf(incoming)),
    remap: (p, change) => remapViews(slidesOf(p), change),
  },
};
