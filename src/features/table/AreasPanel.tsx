import { lazy, Suspense } from 'react';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useReadyDatabase } from '../../session/handles.tsx';
import { indicatorFillKey } from '../../session/layers.ts';
import { useCurrentChoropleth } from '../../ui/useChoropleth.ts';
import { useHover } from '../../ui/hover.tsx';
import { placeName } from '../../geo/places.ts';
import { LEVELS } from '../../geo/levels.ts';
import { RankedTable } from './RankedTable.tsx';

// The profile (and its D3 chart) is needed only once the database is up: load it then.
const AreaProfile = lazy(() => import('../profile/AreaProfile.tsx').then((m) => ({ default: m.AreaProfile })));

/** The official statistics section: the open area's profile above the ranked table. */
export function AreasPanel() {
  const session = useSession();
  const dispatch = useDispatch();
  const ready = useReadyDatabase();
  const model = useCurrentChoropleth(indicatorFillKey(session));
  const hover = useHover();
  const order = model?.indicator.higher_is_worse === null ? 'highest first' : 'worst first';
  const caption = model ? `${model.indicator.label}: ${LEVELS[session.level].plural} in ${placeName(session.place)}, ${order}` : '';
  return (
    <>
      {session.area && ready && (
        <Suspense fallback={<p className="placeholder">Loading the profile…</p>}>
          <AreaProfile />
        </Suspense>
      )}
      {model ? (
        <RankedTable
          model={model}
          level={session.level}
          caption={caption}
          hovered={hover.code}
          selected={session.area}
          onHover={hover.set}
          onSelect={(code) => dispatch({ type: 'select', code })}
        />
      ) : session.level === 'locality' && session.localities.length === 0 ? (
        <p className="placeholder">You have no localities yet: make one in the Localities section.</p>
      ) : (
        <p className="placeholder">The ranked table appears when the data engine is ready.</p>
      )}
    </>
  );
}
