import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useMapOverlay } from '../../ui/mapOverlay.ts';
import type { Database } from '../../db/database.ts';
import type { SurveyFilters } from '../../db/queries/surveyFilters.ts';
import { surveyPoints } from '../../db/queries/surveyPriorities.ts';
import { SAMPLE_LABEL } from '../../ingest/schemas.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { pointsOf } from '../../session/layers.ts';
import { usePublishLayer, type LayerData } from '../../ui/layerData.tsx';
import { surveyFeatures } from './surveyModel.ts';
import { latestData, useQuery } from '../../ui/useQuery.ts';

export interface SurveyMapLayerProps {
  db: Database;
  /** null while the filters are not settled: nothing is drawn. */
  filters: SurveyFilters | null;
  version: number;
  /** Matching responses in all, to say how many have no map position. */
  responses: number | null;
  synthetic: boolean;
}

/** The key's dot in the survey points' colour (src/map/PointOverlay.ts). */
const DOT = { background: '#5e3c99', borderRadius: '50%', width: 12, height: 12 } as const;

/** The matching responses as points on the map (clustered by the map), and a small key over it. */
export function SurveyMapLayer({ db, filters, version, responses, synthetic }: SurveyMapLayerProps) {
  const session = useSession();
  const overlay = useMapOverlay();
  const state = useQuery(filters ? JSON.stringify([filters, version]) : null, () => surveyPoints(db, filters!), 'The responses could not be put on the map');
  const points = latestData(state);
  // Only the answer for the current filters goes on the map (the key says which filters it is for);
  // leaving the section takes the points off.
  const current = state.status === 'ready' ? state.data : null;
  const data = useMemo<LayerData | null>(() => (current ? { points: { kind: 'survey', points: surveyFeatures(current) } } : null), [current]);
  usePublishLayer(pointsOf(session).key, data);
  const drawn = points?.length ?? 0;

  if (!overlay) return null;
  return createPortal(
    <div className="section-key legend" data-testid="survey-legend">
      <p className="legend-title">
        <strong>Survey responses</strong>
      </p>
      {synthetic && <p className="sample-banner">{SAMPLE_LABEL}</p>}
      <ul className="legend-classes">
        <li>
          <span className="swatch" style={DOT} />
          <span>Each dot is one response; a numbered circle is that many responses at or near one place</span>
          <span className="legend-count">{points ? drawn.toLocaleString('en-GB') : ''}</span>
        </li>
      </ul>
      {state.status === 'error' && <p className="legend-note">{state.message}</p>}
      {responses !== null && points && responses > drawn && (
        <p className="legend-note">
          {(responses - drawn).toLocaleString('en-GB')} of {responses.toLocaleString('en-GB')} matching responses have no map position and are not drawn.
        </p>
      )}
      <p className="legend-note">Click a circle to zoom in on it.</p>
    </div>,
    overlay,
  );
}
