/**
 * The presentation kept in this browser (localStorage, versioned), and whether
 * it is being presented now. One store for the toolbar's "Add to
 * presentation", the slide list, presentation mode and the project file;
 * React reads it with usePresentation/usePresenting.
 */
import { useSyncExternalStore } from 'react';
import { EMPTY_PRESENTATION, parsePresentation, type Presentation } from './slides.ts';

const KEY = 'ward-insight.presentation';

export function loadStoredPresentation(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): Presentation {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return EMPTY_PRESENTATION;
    const read = parsePresentation(JSON.parse(raw));
    return read.ok ? read.value : EMPTY_PRESENTATION;
  } catch {
    return EMPTY_PRESENTATION;
  }
}

/** False when the browser refused (storage full or blocked): the slides still live in this page. */
export function storePresentation(p: Presentation, storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): boolean {
  try {
    storage?.setItem(KEY, JSON.stringify(p));
    return true;
  } catch {
    return false;
  }
}

let presentation: Presentation | null = null;
let storedOk = true;
/** The slide on the projector, or null when not presenting. */
let presenting: { index: number } | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of [...listeners]) l();
};

export function getPresentation(): Presentation {
  presentation ??= loadStoredPresentation();
  return presentation;
}

/** Replace the presentation (every updater's result goes through here) and keep it. */
export function setPresentation(next: Presentation): void {
  if (next === presentation) return;
  presentation = next;
  storedOk = storePresentation(next);
  if (presenting && presenting.index >= next.slides.length) presenting = next.slides.length ? { index: next.slides.length - 1 } : null;
  notify();
}

export function updatePresentation(change: (p: Presentation) => Presentation): void {
  setPresentation(change(getPresentation()));
}

/** Did the browser keep the last change? (The slide list says when it did not.) */
export const presentationStored = (): boolean => storedOk;

export function getPresenting(): { index: number } | null {
  return presenting;
}

/** Start (or move) presentation mode at slide `index`. */
export function presentSlide(index: number): void {
  const n = getPresentation().slides.length;
  if (!n) return;
  const i = Math.max(0, Math.min(n - 1, index));
  if (presenting?.index === i) return;
  presenting = { index: i };
  notify();
}

export function stopPresenting(): void {
  if (!presenting) return;
  presenting = null;
  notify();
}

export function subscribePresentation(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab of the app changed the slides: follow it.
globalThis.addEventListener?.('storage', (e: StorageEvent) => {
  if (e.key !== KEY) return;
  presentation = loadStoredPresentation();
  notify();
});

export const usePresentation = (): Presentation => useSyncExternalStore(subscribePresentation, getPresentation);
export const usePresenting = (): { index: number } | null => useSyncExternalStore(subscribePresentation, getPresenting);

/** For tests: forget the in-memory copy so the next read comes from storage. */
export function resetPresentationStore(): void {
  presentation = null;
  presenting = null;
  storedOk = true;
}
