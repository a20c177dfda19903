/**
 * Presentation mode's keys and steps, as pure functions. A position runs from
 * 0 to the number of slides: the last position is the end screen, so "next"
 * after the last slide says the presentation is over rather than wrapping.
 */

export type PresentAction = 'next' | 'previous' | 'first' | 'last' | 'stop';

const KEY_ACTIONS: Readonly<Record<string, PresentAction>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  Enter: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Backspace: 'previous',
  Home: 'first',
  End: 'last',
  Escape: 'stop',
};

/** What a key press does while presenting; null for keys it leaves alone (Ctrl+R, Alt+Left and other browser keys too). */
export function keyAction(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): PresentAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return KEY_ACTIONS[e.key] ?? null;
}

/** A key pressed while typing belongs to the field, not to the presentation. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (!target) return false;
  const tag = (target.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable === true;
}

/** The position after `action`, or 'stop'. `count` slides; position `count` is the end screen. */
export function stepPosition(position: number, count: number, action: PresentAction): number | 'stop' {
  if (action === 'stop' || count <= 0) return 'stop';
  const here = Math.max(0, Math.min(count, position));
  switch (action) {
    case 'next':
      return Math.min(count, here + 1);
    case 'previous':
      return Math.max(0, here - 1);
    case 'first':
      return 0;
    case 'last':
      return count - 1;
  }
}

/** The counter on the projector ("3 / 5"); empty on the end screen. */
export const counterText = (position: number, count: number): string => (position < count ? `${position + 1} / ${count}` : '');

export const END_TEXT = 'End of presentation — press Escape to return';

/** What a screen reader hears when the slide changes. */
export function announcement(position: number, count: number, title: string): string {
  return position < count ? `Slide ${position + 1} of ${count}: ${title}` : END_TEXT;
}
