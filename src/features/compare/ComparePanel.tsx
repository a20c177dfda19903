import { useEffect, useMemo } from 'react';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useEvidence, useLocalitiesSynced, useReadyDatabase } from '../../session/handles.tsx';
import type { Database } from '../../db/database.ts';
import { wardList } from '../../db/queries/wardList.ts';
import { compareRows, comparisonSentences, type Comparison } from '../../analysis/compareTable.ts';
import { levelOfCode } from '../../geo/levels.ts';
import { placeName } from '../../geo/places.ts';
import { SAMPLE_LABEL } from '../../ingest/schemas.ts';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { compareExportTable } from './compareExport.ts';
import { latestData, useQuery } from '../../ui/useQuery.ts';
import { CompareSmallMultiples } from '../../charts/CompareSmallMultiples.tsx';
import { ComparePicker, type PickerOption } from './ComparePicker.tsx';
import { CompareTable } from './CompareTable.tsx';
import { loadComparison } from './loadComparison.ts';
import './compare.css';

const EMPTY = 'Choose two to five wards or localities to compare.';

/** Compare (issue 9): two to five wards or localities side by side, with their authority and England. */
export function ComparePanel() {
  const ready = useReadyDatabase();
  if (!ready) return <p className="placeholder">Starting the data engine…</p>;
  return <CompareSection db={ready.db} england={ready.england} />;
}

function CompareSection({ db, england }: { db: Database; england: Promise<void> }) {
  const session = useSession();
  const dispatch = useDispatch();
  const evidence = useEvidence();
  const localitiesSynced = useLocalitiesSynced();
  const { needCrimes } = evidence;
  useEffect(() => needCrimes(), [needCrimes]);

  const wardsState = useQuery(`compare-wards:${session.place}`, () => wardList(db, session.place), 'Could not list the wards');
  // The authority is named beside a ward only when the place in view holds more than one.
  const wards = useMemo<PickerOption[]>(() => {
    const rows = latestData(wardsState) ?? [];
    const several = new Set(rows.map((w) => w.lad_code)).size > 1;
    return rows.map((w) => ({ code: w.code, name: w.name, detail: several ? w.lad_name : null }));
  }, [wardsState]);
  const localities = useMemo<PickerOption[]>(() => session.localities.map((l) => ({ code: l.id, name: l.name, detail: 'locality' })), [session.localities]);

  const codes = session.compare;
  // Authorities may ride along as extra columns; the comparison needs two wards or localities.
  const areasChosen = codes.filter((c) => levelOfCode(c) !== 'authority').length;
  const hasLocality = codes.some((c) => levelOfCode(c) === 'locality');
  const sample = evidence.datasets.some((d) => d.synthetic && (d.kind === 'survey' || d.kind === 'street-rep')) ? SAMPLE_LABEL : null;
  const weights = session.hotspot.weights;
  const waiting = areasChosen < 2 || !evidence.restored || !evidence.crimesReady || (hasLocality && localitiesSynced === null);
  const key = waiting ? null : JSON.stringify(['compare', codes, weights, evidence.version, hasLocality ? localitiesSynced : '', sample]);
  const state = useQuery<Comparison>(key, () => loadComparison(db, { codes, england, weights, sampleLabel: sample }), 'Could not compare these areas');
  const data = latestData(state);

  const known = new Map([...wards, ...localities].map((o) => [o.code, o]));
  const chosen: PickerOption[] = codes.map((code) => {
    const col = data?.columns.find((c) => c.code === code);
    return known.get(code) ?? { code, name: col?.name ?? code, detail: null };
  });
  const picker = (
    <ComparePicker
      chosen={chosen}
      wards={wards}
      localities={localities}
      onAdd={(code) => dispatch({ type: 'toggleCompare', code })}
      onRemove={(code) => dispatch({ type: 'toggleCompare', code })}
    />
  );

  return (
    <section className="compare" aria-labelledby="compare-heading" data-testid="compare-panel">
      <h2 id="compare-heading">Compare areas in {placeName(session.place)}</h2>
      {picker}
      {areasChosen < 2 ? (
        <p className="empty" data-testid="compare-empty">
          {EMPTY}
        </p>
      ) : state.status === 'error' ? (
        <p className="problem" role="alert">
          {state.message}
        </p>
      ) : !data ? (
        <p className="placeholder" role="status">
          {evidence.crimesReady ? 'Comparing…' : 'Loading the police records the comparison counts…'}
        </p>
      ) : (
        <CompareResult data={data} stale={state.status === 'loading'} />
      )}
    </section>
  );
}

function CompareResult({ data, stale }: { data: Comparison; stale: boolean }) {
  const rows = useMemo(() => compareRows(data), [data]);
  const sentences = useMemo(() => comparisonSentences(data), [data]);
  const panels = data.domains.map((d) => ({
    id: d,
    label: data.domainNames.get(d) ?? d,
    values: data.columns.map((c) => data.domainCells.get(c.code)?.get(d)?.score ?? null),
  }));
  const method = `Counts are of small areas (LSOAs) ranked in England's most deprived 10 % or 20 % for each domain (official IoD 2025 deciles, from the national ranks). A ward is its best-fit small areas; a locality is the small areas of its wards. Scores are population-weighted means of the small areas' scores (Census 2021 residents), never averages of ranks. Theme scores are population-weighted means of the small areas' theme scores, standardised across ${data.themePlace}.${data.sampleLabel ? ` ${data.sampleLabel}: the survey and street-rep figures include the made-up sample.` : ''}`;
  return (
    <div aria-busy={stale}>
      <ul className="compare-sentences" data-testid="compare-sentences">
        {sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <p className="method">{method}</p>
      <CompareSmallMultiples areas={data.columns} panels={panels} measure="Population-weighted IoD 2025 score" area={data.columns.filter((c) => !c.reference).map((c) => c.name).join()} />
      <CompareTable columns={data.columns} rows={rows} />
      <TableDownloads table={() => compareExportTable(data, method)} name="the comparison table" testId="compare-csv" />
    </div>
  );
}
