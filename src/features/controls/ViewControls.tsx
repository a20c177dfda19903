import { IndicatorOptions } from './IndicatorOptions.tsx';
import { CLASS_METHODS, type ClassMethod } from '../../stats/classify.ts';
import { BUILT_IN_PLACES } from '../../geo/places.ts';
import { MAP_LEVELS, type MapLevel } from '../../geo/levels.ts';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useReadyDatabase } from '../../session/handles.tsx';

const LEVEL_WORDS: Record<MapLevel, string> = { lsoa: 'Small areas', ward: 'Wards', locality: 'Localities' };

/** Place, level, measure and classification: the four choices that define a view. */
export function ViewControls() {
  const view = useSession();
  const dispatch = useDispatch();
  const catalogue = useReadyDatabase()?.catalogue ?? null;
  // Localities are a level once a person has made one.
  const levels = MAP_LEVELS.filter((l) => l !== 'locality' || view.localities.length > 0);
  const mapShowsAreas = view.tab === 'areas' || view.tab === 'compare' || view.tab === 'localities';
  return (
    <form className="controls" aria-label="What to show" onSubmit={(e) => e.preventDefault()}>
      <label>
        Place
        <select
          data-testid="place-select"
          value={view.place}
          onChange={(e) => {
            dispatch({ type: 'select', code: null });
            dispatch({ type: 'setPlace', place: e.target.value });
          }}
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
      {view.tab !== 'target' && (
        <fieldset className="level">
          <legend>Show</legend>
          {levels.map((id) => (
            <label key={id}>
              <input
                type="radio"
                name="level"
                value={id}
                data-testid={`level-${id}`}
                checked={view.level === id}
                onChange={() => {
                  dispatch({ type: 'select', code: null });
                  dispatch({ type: 'setLevel', level: id });
                }}
              />
              {LEVEL_WORDS[id]}
            </label>
          ))}
        </fieldset>
      )}
      {mapShowsAreas && (
        <>
          <label className="grow">
            Measure
            <select
              data-testid="indicator-select"
              value={view.indicator}
              disabled={!catalogue}
              onChange={(e) => dispatch({ type: 'setIndicator', indicator: e.target.value })}
            >
              {!catalogue && <option value={view.indicator}>Overall deprivation (IMD 2025) — loading other measures…</option>}
              {catalogue && <IndicatorOptions catalogue={catalogue} />}
            </select>
          </label>
          <label>
            Colour by
            <select data-testid="method-select" value={view.method} onChange={(e) => dispatch({ type: 'setMethod', method: e.target.value as ClassMethod })}>
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
          <input type="checkbox" checked={view.officialWards} onChange={(e) => dispatch({ type: 'setOfficialWards', on: e.target.checked })} />
          Official ward boundaries
        </label>
      )}
    </form>
  );
}
