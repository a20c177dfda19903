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
import { LegendClasses } from '../../map/Legend.tsx';
import { placeName } from '../../geo/places.ts';
import { surveyMapLegend } from './surveyMapLegend.ts';

export interface SurveyMapLayerProps {
  db: Database;
  /** null while the filters are not settled: nothing is drawn. */
  filters: SurveyFilters | null;
  version: number;
  /** Matching responses in all, to say how many have no map position. */
  responses: number | null;
  synthetic: boolean;
}

/** The matching responses as points on the map (clustered by the map), and a small key over it. */
export function SurveyMapLayer({ db, filters, version, responses, synthetic }: SurveyMapLayerProps) {
  const session = useSession();
  const overlay = useMapOverlay();
  const state = useQuery(filters ? JSON.stringify([filters, version]) : null, () => surveyPoints(db, filters!), 'The responses could not be put on the map');
  const points = latestData(state);
  // Only the answer for the current filters goes on the map (the key says which filters it is for);
  // leaving the section takes the points off.
  const current = state.status === 'ready' ? state.data : null;
  const drawn = points?.length ?? 0;
  // The key as data: the key below and the exports draw it.
  const legend = useMemo(
    () => surveyMapLegend({ drawn: points ? drawn : null, matching: responses, sample: synthetic, placeWords: placeName(session.place) }),
    [points, drawn, responses, synthetic, session.place],
  );
  const data = useMemo<LayerData | null>(
    () => (current ? { points: { kind: 'survey', points: surveyFeatures(current) }, legend: surveyMapLegend({ drawn: current.length, matching: responses, sample: synthetic, placeWords: placeName(session.place) }) } : null),
    [current, responses, synthetic, session.place],
  );
  usePublishLayer(pointsOf(session).key, data);

  if (!overlay) return null;
  return createPortal(
    <div className="section-key legend" data-testid="survey-legend">
      <p className="legend-title">
        <strong>{legend.title}</strong>
      </p>
      {legend.sample && <p className="sample-banner">{SAMPLE_LABEL}</p>}
      <LegendClasses classes={legend.classes} />
      {state.status === 'error' && <p className="legend-note">{state.message}</p>}
      {legend.notes.map((n) => (
        <p className="legend-note" key={n}>
          {n}
        </p>
      ))}
      <p className="legend-note">Click a circle to zoom in on it.</p>
    </div>,
    overlay,
  );
}

/**
 * With no survey loaded the map draws no responses; its key says so, so a
 * map image or print of this view has a key to draw and need not wait.
 */
export function NoSurveyLayer() {
  const session = useSession();
  const data = useMemo<LayerData>(
    () => ({
      points: null,
      legend: { ...surveyMapLegend({ drawn: 0, matching: 0, sample: false, placeWords: placeName(session.place) }), subtitle: 'No survey is loaded yet', sources: [] },
    }),
    [session.place],
  );
  usePublishLayer(pointsOf(session).key, data);
  return null;
}
