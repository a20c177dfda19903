import { useEffect, useMemo } from 'react';
import type { Database } from '../../db/database.ts';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useEvidence, useReadyDatabase } from '../../session/handles.tsx';
import { pointsOf } from '../../session/layers.ts';
import { usePublishLayer, type LayerData } from '../../ui/layerData.tsx';
import { levelOfCode } from '../../geo/levels.ts';
import { placeName } from '../../geo/places.ts';
import { sitesWithLatestGrades, type StreetRepFilters } from '../../db/queries/streetReps.ts';
import { SAMPLE_LABEL } from '../../ingest/schemas.ts';
import { HeadingSelect } from './HeadingSelect.tsx';
import { sitePoints, wardsWithSites } from './streetRepModel.ts';
import { useQuery } from '../../ui/useQuery.ts';
import { SiteLegend } from './SiteLegend.tsx';
import { SitesTable } from './SitesTable.tsx';
import { SiteCard } from './SiteCard.tsx';
import { GettingWorse } from './GettingWorse.tsx';
import { GradeMix } from './GradeMix.tsx';
import { PrintForm } from './PrintForm.tsx';
import { siteMapLegend } from './siteMapLegend.ts';

/** The "Street reps" section: sites on the map by grade, a site's history, issues getting worse, grades by issue, and the blank form to print. */
export function StreetRepPanel() {
  const ready = useReadyDatabase();
  if (!ready) return <p className="placeholder">Starting the data engine…</p>;
  return <StreetRepSection db={ready.db} />;
}

function StreetRepSection({ db }: { db: Database }) {
  const session = useSession();
  const dispatch = useDispatch();
  const evidence = useEvidence();
  const onOpenData = () => dispatch({ type: 'setTab', tab: 'data' });
  const { datasetIds, synthetic } = useMemo(() => {
    const streetReps = evidence.datasets.filter((d) => d.kind === 'street-rep');
    return { datasetIds: streetReps.map((d) => d.id), synthetic: streetReps.some((d) => d.synthetic) };
  }, [evidence.datasets]);
  const hasData = datasetIds.length > 0;
  const ladCode = session.place === 'five' || session.place === 'england' ? undefined : session.place;
  // The heading, ward and open site card are the session's (a site clicked on the map arrives as streetReps.site).
  const { heading, ward, site: selected } = session.streetReps;
  const setHeading = (h: string) => dispatch({ type: 'setStreetReps', patch: { heading: h } });
  const setWard = (code: string) => dispatch({ type: 'setStreetReps', patch: { ward: code } });
  const setSelected = (site: string | null) => dispatch({ type: 'setStreetReps', patch: { site } });
  // A ward selected on the Areas map starts the ward filter on it, when no ward is chosen yet.
  const areaWard = levelOfCode(session.area) === 'ward' ? session.area : null;
  useEffect(() => {
    if (areaWard && !ward) dispatch({ type: 'setStreetReps', patch: { ward: areaWard } });
    // Only on opening the section: choosing "All wards" afterwards must stick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const placeFilters = useMemo<StreetRepFilters>(() => ({ datasetIds, ladCode }), [datasetIds, ladCode]);
  const placeKey = JSON.stringify([evidence.versions['street-rep'], datasetIds, ladCode]);
  const sites = useQuery(
    hasData ? JSON.stringify([placeKey, heading]) : null,
    () => sitesWithLatestGrades(db, { ...placeFilters, heading: heading || undefined }),
    'The street-rep sites could not be read',
  );
  // Keep showing the last list while a new heading loads, so the map does not flash empty.
  const allSites = sites.status === 'ready' ? sites.data : sites.status === 'loading' ? (sites.previous ?? null) : null;
  const wards = useMemo(() => (allSites ? wardsWithSites(allSites) : []), [allSites]);
  // A ward from another place (or with no sites) is not a filter.
  const activeWard = ward && (allSites === null || wards.some((w) => w.code === ward)) ? ward : '';
  const shownSites = useMemo(() => allSites?.filter((s) => !activeWard || s.ward_code === activeWard) ?? null, [allSites, activeWard]);
  const wardFilters = useMemo<StreetRepFilters>(() => (activeWard ? { ...placeFilters, wardCode: activeWard } : placeFilters), [placeFilters, activeWard]);
  const wardKey = JSON.stringify([placeKey, activeWard]);

  // Only the sites for the current heading go on the map (the layer key names the heading and ward).
  const currentSites = sites.status === 'ready' ? sites.data : null;
  const points = useMemo<LayerData | null>(() => {
    // Nothing loaded: no points, and a key that says so (the exports then need not wait for any).
    if (!hasData) return evidence.restored ? { points: null, legend: { ...siteMapLegend([], { heading, scopeWords: '', sample: false }), subtitle: 'No street-rep visits are loaded yet', sources: [] } } : null;
    if (!currentSites) return null;
    const shown = currentSites.filter((s) => !activeWard || s.ward_code === activeWard);
    const wardName = activeWard ? wardsWithSites(currentSites).find((w) => w.code === activeWard)?.name : undefined;
    const scopeWords = wardName ? `${wardName} ward` : `all wards with sites in ${placeName(session.place)}`;
    return { points: { kind: 'sites', points: sitePoints(shown) }, legend: siteMapLegend(shown, { heading, scopeWords, sample: synthetic }) };
  }, [hasData, currentSites, activeWard, heading, synthetic, session.place, evidence.restored]);
  usePublishLayer(pointsOf(session).key, points);

  const place = placeName(session.place);
  if (!evidence.restored) return <p role="status">Reading the data saved in this browser…</p>;
  if (!hasData) {
    return (
      <section aria-labelledby="street-reps-heading" data-testid="street-rep-panel">
        <h2 id="street-reps-heading">Street reps</h2>
        <p>
          Street reps are volunteers who visit places in their neighbourhood — a bin store, an underpass, a park entrance — and grade each issue on a monitoring form
          from A (no problem at all) to D (a really big issue). Load their visits to see each site on the map by its latest grades, how each site has changed, and which
          issues are getting worse where.
        </p>
        <p>No street-rep visits are loaded yet.</p>
        <button type="button" onClick={onOpenData} data-testid="street-reps-open-data">
          Load your street-rep visits or try the sample
        </button>
      </section>
    );
  }

  const wardName = wards.find((w) => w.code === activeWard)?.name;
  const scopeLabel = wardName ? `${wardName} ward` : ladCode ? `all wards in ${place}` : 'all wards with sites';
  const selectedSite = selected ? (allSites?.find((s) => s.site_id === selected) ?? null) : null;
  return (
    <section aria-labelledby="street-reps-heading" data-testid="street-rep-panel">
      <h2 id="street-reps-heading">Street reps in {place}</h2>
      {synthetic && (
        <p className="sample-banner" data-testid="sample-banner">
          {SAMPLE_LABEL}: the street-rep sites and visits shown here are invented to demonstrate the app.
        </p>
      )}
      <p className="hint">
        Street reps grade each issue at a site from A (no problem at all) to D (a really big issue). The map colours each site by the worst grade on its latest visit;
        choose a site on the map or in the sites table to see its history.
      </p>
      <div className="filters" role="group" aria-label="Which sites and issues">
        <HeadingSelect value={heading} onChange={setHeading} testId="street-rep-heading" />
        <label>
          Ward
          <select value={activeWard} onChange={(e) => setWard(e.target.value)} data-testid="street-rep-ward">
            <option value="">{ladCode ? `All wards in ${place}` : 'All wards'}</option>
            {wards.map((w) => (
              <option key={w.code} value={w.code}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {sites.status === 'loading' && <p role="status">Reading the street-rep sites…</p>}
      {sites.status === 'error' && (
        <p className="problem" role="alert">
          {sites.message}
        </p>
      )}
      {allSites && allSites.length === 0 && (
        <p className="note" data-testid="street-reps-none-here">
          None of the loaded street-rep sites are in {place}. Choose another place at the top of the page, or all five areas.
        </p>
      )}
      {selected && (
        <SiteCard
          db={db}
          siteId={selected}
          site={selectedSite}
          datasetIds={datasetIds}
          version={evidence.versions['street-rep']}
          synthetic={synthetic}
          onClose={() => setSelected(null)}
        />
      )}
      {allSites && allSites.length > 0 && shownSites && (
        <>
          <GettingWorse db={db} filters={wardFilters} filtersKey={wardKey} heading={heading} onSelect={setSelected} />
          <GradeMix db={db} filters={wardFilters} filtersKey={wardKey} heading={heading} scopeLabel={scopeLabel} />
          <section aria-labelledby="sites-heading">
            <h3 id="sites-heading">Sites</h3>
            <SitesTable sites={shownSites} heading={heading} selected={selected} onSelect={setSelected} />
          </section>
          <PrintForm db={db} wards={wards} filterWard={activeWard} synthetic={synthetic} version={evidence.versions['street-rep']} />
          <SiteLegend sites={shownSites} heading={heading} synthetic={synthetic} />
        </>
      )}
    </section>
  );
}
