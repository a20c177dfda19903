import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SESSION } from '../../../src/session/document.ts';
import { addSlide, EMPTY_PRESENTATION, newSlide, type Presentation } from '../../../src/presentation/slides.ts';
import {
  getPresentation,
  getPresenting,
  loadStoredPresentation,
  presentationStored,
  presentSlide,
  resetPresentationStore,
  setPresentation,
  stopPresenting,
  storePresentation,
  subscribePresentation,
  updatePresentation,
} from '../../../src/presentation/store.ts';

const KEY = 'ward-insight.presentation';
const AT = new Date('2026-12-02T09:30:00.000Z');
const deck = (...ids: string[]): Presentation => ids.reduce((p, id) => addSlide(p, newSlide(DEFAULT_SESSION, { title: id }, id, AT)), EMPTY_PRESENTATION);

/** A browser's localStorage, in memory. */
class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem'> {
  items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}
/** A browser that refuses: storage full, or blocked by the person's settings. */
const refusing: Pick<Storage, 'getItem' | 'setItem'> = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  },
};

describe('the presentation kept in storage', () => {
  it('is written under its key with its version and read back', () => {
    const storage = new MemoryStorage();
    expect(storePresentation(deck('a', 'b'), storage)).toBe(true);
    expect(JSON.parse(storage.getItem(KEY)!)).toMatchObject({ v: 1, slides: [{ id: 'a' }, { id: 'b' }] });
    expect(loadStoredPresentation(storage)).toEqual(deck('a', 'b'));
  });

  it('reads as empty when there is nothing, something broken, or something foreign', () => {
    const storage = new MemoryStorage();
    expect(loadStoredPresentation(storage)).toEqual(EMPTY_PRESENTATION);
    for (const junk of ['{"v":1,"slides":[', '"hello"', '{"v":9,"slides":[]}']) {
      storage.setItem(KEY, junk);
      expect(loadStoredPresentation(storage)).toEqual(EMPTY_PRESENTATION);
    }
    expect(loadStoredPresentation(null)).toEqual(EMPTY_PRESENTATION);
  });

  it('survives a storage that throws', () => {
    expect(loadStoredPresentation(refusing)).toEqual(EMPTY_PRESENTATION);
    expect(storePresentation(deck('a'), refusing)).toBe(false);
  });
});

describe('the presentation store', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    resetPresentationStore();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    resetPresentationStore();
  });

  it('starts from what the browser kept, keeps every change and tells its listeners', () => {
    storage.setItem(KEY, JSON.stringify(deck('a')));
    expect(getPresentation()).toEqual(deck('a'));
    const heard = vi.fn();
    const stop = subscribePresentation(heard);
    updatePresentation((p) => addSlide(p, newSlide(DEFAULT_SESSION, { title: 'b' }, 'b', AT)));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(JSON.parse(storage.getItem(KEY)!).slides.map((s: { id: string }) => s.id)).toEqual(['a', 'b']);
    // The same value again is no change.
    setPresentation(getPresentation());
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    setPresentation(deck('c'));
    expect(heard).toHaveBeenCalledTimes(1);
    resetPresentationStore();
    expect(getPresentation()).toEqual(deck('c'));
  });

  it('keeps the slides in the page when the browser refuses to store them, and says so', () => {
    vi.stubGlobal('localStorage', refusing);
    expect(getPresentation()).toEqual(EMPTY_PRESENTATION);
    setPresentation(deck('a', 'b'));
    expect(getPresentation()).toEqual(deck('a', 'b'));
    expect(presentationStored()).toBe(false);
    vi.stubGlobal('localStorage', storage);
    setPresentation(deck('a'));
    expect(presentationStored()).toBe(true);
  });

  it('presents a slide within the deck, and follows the deck when it shrinks', () => {
    setPresentation(deck('a', 'b', 'c'));
    presentSlide(7);
    expect(getPresenting()).toEqual({ index: 2 });
    setPresentation(deck('a'));
    expect(getPresenting()).toEqual({ index: 0 });
    setPresentation(EMPTY_PRESENTATION);
    expect(getPresenting()).toBeNull();
    presentSlide(0);
    expect(getPresenting()).toBeNull();
    setPresentation(deck('a'));
    presentSlide(0);
    stopPresenting();
    expect(getPresenting()).toBeNull();
  });
});
