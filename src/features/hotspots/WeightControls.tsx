import type { ThemeDefinition } from '../../analysis/themes/definitions.ts';
import type { ComponentSummary } from '../../analysis/themes/composeTheme.ts';

export interface WeightControlsProps {
  theme: ThemeDefinition;
  weights: Readonly<Record<string, number>>;
  summaries: readonly ComponentSummary[];
  onChange(weights: Record<string, number>): void;
  /** Back to the theme's documented defaults (forgets the weights chosen). */
  onReset(): void;
}

const pct = (w: number) => `${Math.round(w * 100)}`;

/** The theme's blend, visible and adjustable: one slider per measure, with what was left out and why. */
export function WeightControls({ theme, weights, summaries, onChange, onReset }: WeightControlsProps) {
  return (
    <fieldset className="weights" data-testid="theme-weights">
      <legend>How much each measure counts in the {theme.label.toLowerCase()} score</legend>
      {theme.components.map((c) => {
        const s = summaries.find((x) => x.id === c.id);
        const w = weights[c.id] ?? 0;
        return (
          <div key={c.id}>
            <label>
              <span>
                {c.label} <span className="hint">({c.source})</span>
              </span>
              <input
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={w}
                aria-valuetext={`${pct(w)} parts`}
                data-testid={`weight-${c.id}`}
                onChange={(e) => onChange({ ...weights, [c.id]: Number(e.target.value) })}
              />
              <output>{pct(w)}</output>
            </label>
            {s && !s.used && s.droppedBecause && <p className="note">Left out: {s.droppedBecause}</p>}
            {s && s.used && s.areasMissing > 0 && (
              <p className="note">
                No value for {s.areasMissing.toLocaleString('en-GB')} areas: their score uses the other measures only.
              </p>
            )}
          </div>
        );
      })}
      <button type="button" onClick={onReset}>
        Back to the documented defaults
      </button>
    </fieldset>
  );
}
