import { useEffect, useState } from 'react';
import type { Database } from '../../db/database.ts';
import { areaInfo, crimeCoverage, domainProfile, type AreaInfo, type CrimeCoverage, type DomainProfileRow } from '../../db/queries/areaProfile.ts';
import { profileSentences, shortDomain } from '../../analysis/profileSentences.ts';
import { formatInteger, formatValue } from '../../analysis/format.ts';
import { profileTable } from '../../analysis/profileTable.ts';
import { DomainTable } from './DomainTable.tsx';
import { DomainComparison } from '../../charts/DomainComparison.tsx';

interface Loaded {
  area: AreaInfo;
  domains: DomainProfileRow[];
  crime: CrimeCoverage | null;
}

export interface AreaProfileProps {
  db: Database;
  /** The rest of England's rows, needed for the England comparison. */
  england: Promise<void>;
  code: string;
  /** Changes when files are imported or removed: the police coverage sentence follows the data loaded. */
  dataVersion?: number;
  onClose(): void;
  onSelect(code: string): void;
}

/** One page about one LSOA or ward, in plain English, every number from a query. */
export function AreaProfile({ db, england, code, dataVersion, onClose, onSelect }: AreaProfileProps) {
  const [state, setState] = useState<Loaded | 'missing' | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    setState(null);
    void (async () => {
      // The England comparison needs England's rows, which load just after start-up.
      await england;
      const area = await areaInfo(db, code);
      if (!area || !area.lad_code) return live && setState('missing');
      const [domains, crime] = await Promise.all([domainProfile(db, code, area.lad_code), crimeCoverage(db, area.lad_code)]);
      if (live) setState({ area, domains, crime });
    })().catch((e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [db, england, code, dataVersion]);

  if (state === null) return <section className="profile" aria-busy="true">Loading the profile…</section>;
  if (state !== 'missing' && 'error' in state)
    return (
      <section className="profile" role="alert">
        <p>The profile could not be built: {state.error}</p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </section>
    );
  if (state === 'missing')
    return (
      <section className="profile">
        <p>There is no small area or ward with the code {code} in the built-in data.</p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </section>
    );
  const { area, domains, crime } = state;
  const sentences = profileSentences(area, domains, crime);
  const table = profileTable(area, domains);
  const isLsoa = area.level === 'lsoa';
  return (
    <section className="profile" aria-labelledby="profile-title" data-testid="area-profile">
      <header>
        <h2 id="profile-title">{area.name}</h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close profile">
          ×
        </button>
      </header>
      <p className="profile-meta">
        {isLsoa ? 'Small area (LSOA 2021)' : 'Ward (2024)'} <code>{area.code}</code>
        {isLsoa && area.ward_code && (
          <>
            {' · in '}
            <button type="button" className="link" onClick={() => onSelect(area.ward_code as string)}>
              {area.ward_name} ward
            </button>
          </>
        )}
        {' · '}
        {area.lad_name} <code>{area.lad_code}</code>
        {' · '}
        {formatInteger(area.population)} residents (Census 2021){!isLsoa && `, ${area.lsoas} small areas`}
      </p>
      <ul className="sentences">
        {sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <DomainTable rows={table} isLsoa={isLsoa} />
      <DomainComparison
        areaName={area.name}
        authorityName={area.lad_name ?? 'Authority'}
        rows={domains.map((d) => ({
          label: shortDomain(d.label),
          area: d.area_value,
          authority: d.lad_value,
          england: d.england_value,
          min: d.england_min ?? 0,
          max: d.england_max ?? 1,
          higherIsWorse: true,
        }))}
      />
      <details className="chart-values">
        <summary>The chart’s numbers as a table</summary>
        <table className="domains">
          <thead>
            <tr>
              <th scope="col">Measure (score)</th>
              <th scope="col" className="num">
                {area.name}
              </th>
              <th scope="col" className="num">
                {area.lad_name}
              </th>
              <th scope="col" className="num">
                England
              </th>
            </tr>
          </thead>
          <tbody>
            {table.map((r) => (
              <tr key={r.code}>
                <th scope="row">{r.label}</th>
                <td className="num">{formatValue(r.score, 'score')}</td>
                <td className="num">{formatValue(r.authority, 'score')}</td>
                <td className="num">{formatValue(r.england, 'score')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <p className="fine-print">
        {isLsoa
          ? 'Scores are not comparable between domains; ranks and deciles are. 2019 deciles are for the 2011 small area this one came from (see data/README.md), and editions are compared by decile only.'
          : 'Ward scores are population-weighted averages of the ward’s best-fit small areas (Census 2021 population); wards have no official rank. Authority and England marks are population-weighted averages too.'}{' '}
        Source: English Indices of Deprivation 2025 and 2019, MHCLG (OGL v3.0); Census 2021, ONS.
        {crime?.months ? ` Police data: ${crime.note}` : ''}
      </p>
    </section>
  );
}
