import type { Indicator } from '../../db/queries/indicatorCatalogue.ts';
import { IndicatorOptions } from './IndicatorOptions.tsx';
import { CLASS_METHODS, type ClassMethod } from '../../stats/classify.ts';
import { BUILT_IN_PLACES } from '../../geo/places.ts';
import type { Level, ViewState } from '../../app/viewState.ts';

export interface ViewControlsProps {
  view: ViewState;
  catalogue: readonly Indicator[] | null;
  onChange(patch: Partial<ViewState>): void;
  showOfficialWards: boolean;
  onToggleOfficialWards(show: boolean): void;
}

/** Place, level, measure and classification: the four choices that define a view. */
export function ViewControls({ view, catalogue, onChange, showOfficialWards, onToggleOfficialWards }: ViewControlsProps) {
  return (
    <form className="controls" aria-label="What to show" onSubmit={(e) => e.preventDefault()}>
      <label>
        Place
        <select
          data-testid="place-select"
          value={view.place}
          onChange={(e) => onChange({ place: e.target.value, area: null })}
        >
          <option value="five">All five areas</option>
          {BUILT_IN_PLACES.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
          <option value="england">England (all 33,755 small areas)</option>
        </select>
      </label>
      <fieldset className="level">
        <legend>Show</legend>
        {(
          [
            ['lsoa', 'Small areas'],
            ['ward', 'Wards'],
          ] as [Level, string][]
        ).map(([id, label]) => (
          <label key={id}>
            <input
              type="radio"
              name="level"
              value={id}
              checked={view.level === id}
              onChange={() => onChange({ level: id, area: null })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {view.tab === 'areas' && (
        <>
          <label className="grow">
            Measure
            <select
              data-testid="indicator-select"
              value={view.indicator}
              disabled={!catalogue}
              onChange={(e) => onChange({ indicator: e.target.value })}
            >
              {!catalogue && <option value={view.indicator}>Overall deprivation (IMD 2025) — loading other measures…</option>}
              {catalogue && <IndicatorOptions catalogue={catalogue} />}
            </select>
          </label>
          <label>
            Colour by
            <select
              data-testid="method-select"
              value={view.method}
              onChange={(e) => onChange({ method: e.target.value as ClassMethod })}
            >
              {CLASS_METHODS.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {view.place !== 'england' && (
        <label className="check">
          <input
            type="checkbox"
            checked={showOfficialWards}
            onChange={(e) => onToggleOfficialWards(e.target.checked)}
          />
          Official ward boundaries
        </label>
      )}
    </form>
  );
}
