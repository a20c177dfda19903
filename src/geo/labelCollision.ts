export interface LabelBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher goes first (e.g. population or area). */
  priority: number;
}

/**
 * Greedy label placement: take labels by priority and keep each one that does
 * not overlap a label already kept (with `gap` pixels of air). Returns kept ids.
 */
export function placeLabels(boxes: readonly LabelBox[], gap = 4): Set<string> {
  const kept: LabelBox[] = [];
  const order = [...boxes].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const box of order) {
    const clash = kept.some(
      (k) =>
        Math.abs(k.x - box.x) * 2 < k.width + box.width + gap * 2 &&
        Math.abs(k.y - box.y) * 2 < k.height + box.height + gap * 2,
    );
    if (!clash) kept.push(box);
  }
  return new Set(kept.map((k) => k.id));
}
