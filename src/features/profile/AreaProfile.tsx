import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useEvidence, useLocalitiesSynced, useReadyDatabase } from '../../session/handles.tsx';
import { TAB_LABELS } from '../../session/document.ts';
import { latestData, useQuery } from '../../ui/useQuery.ts';
import { levelOfCode } from '../../geo/levels.ts';
import { profileSentences } from '../../analysis/profileSentences.ts';
import { profileTable } from '../../analysis/profileTable.ts';
import { DomainChartValues, DomainTable } from './DomainTable.tsx';
import { DomainComparison } from '../../charts/DomainComparison.tsx';
import { LocalityMembers } from './LocalityMembers.tsx';
import { LocalityHotspots } from './LocalityHotspots.tsx';
import { loadProfile, type ProfileData } from './loadProfile.ts';
import { EvidencePackButton } from './EvidencePackButton.tsx';
import { domainChartRows, profileAuthorityName, profileFinePrint, profileLevelWords, profileResidentsWords } from './profileWords.ts';

/**
 * One page about the selected small area, ward or locality (session.area), in
 * plain English, every number from a query. Escape or × closes it; opened
 * from another section, it offers the way back there.
 */
export function AreaProfile() {
  const session = useSession();
  const dispatch = useDispatch();
  const ready = useReadyDatabase();
  const evidence = useEvidence();
  const synced = useLocalitiesSynced();
  const code = session.area;
  const isLocality = levelOfCode(code) === 'locality';
  // A locality is read from the database's locality tables, so wait until they hold the current ones.
  const key = ready && code && (!isLocality || synced !== null) ? JSON.stringify(['profile', code, evidence.version, isLocality ? synced : '']) : null;
  const state = useQuery(key, () => loadProfile(ready!.db, ready!.england, code!), 'The profile could not be built');

  const heading = useRef<HTMLHeadingElement>(null);
  const focusedFor = useRef<string | null>(null);
  const shown = state.status === 'ready' ? (state.data?.area.code ?? null) : null;
  // Opening another area moves focus to its heading, unless the person is working the map.
  useEffect(() => {
    if (!shown || focusedFor.current === shown) return;
    focusedFor.current = shown;
    if (document.activeElement?.closest('[data-testid="map"]')) return;
    heading.current?.focus();
  }, [shown]);

  const close = () => dispatch({ type: 'closeProfile' });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    close();
  };
  const back = session.profileFrom ? (
    <button type="button" className="back" onClick={() => dispatch({ type: 'backFromProfile' })}>
      ← Back to {TAB_LABELS[session.profileFrom]}
    </button>
  ) : null;
  const closeButton = (
    <button type="button" className="close" onClick={close} aria-label="Close profile">
      ×
    </button>
  );

  if (!code) return null;
  if (state.status === 'error' || (state.status === 'ready' && state.data === null)) {
    return (
      <section className="profile" role={state.status === 'error' ? 'alert' : undefined} onKeyDown={onKeyDown} data-testid="area-profile">
        <p>
          {state.status === 'error'
            ? state.message
            : isLocality
              ? 'This locality is no longer in your list.'
              : `There is no small area or ward with the code ${code} in the built-in data.`}
        </p>
        {back}
        <button type="button" onClick={close}>
          Close
        </button>
      </section>
    );
  }
  // While the next area loads, the last one stays on screen (marked busy) so focus has somewhere to stay.
  const data = latestData(state);
  if (!data) {
    return (
      <section className="profile" aria-busy="true" onKeyDown={onKeyDown}>
        Loading the profile…
      </section>
    );
  }
  return (
    <section className="profile" aria-labelledby="profile-title" aria-busy={state.status !== 'ready'} data-testid="area-profile" onKeyDown={onKeyDown}>
      <header>
        <h2 id="profile-title" ref={heading} tabIndex={-1}>
          {data.area.name}
        </h2>
        {back}
        {closeButton}
      </header>
      <ProfileBody data={data} onSelect={(c) => dispatch({ type: 'select', code: c })} />
    </section>
  );
}

function ProfileBody({ data, onSelect }: { data: ProfileData; onSelect(code: string): void }) {
  const { area, domains, crime, otherCrime, members } = data;
  const sentences = profileSentences(area, domains, crime, otherCrime);
  const table = profileTable(area, domains);
  const isLsoa = area.level === 'lsoa';
  const isLocality = area.level === 'locality';
  // A locality is compared with the authority where most of its residents live.
  const authorityName = profileAuthorityName(area);
  return (
    <>
      <p className="profile-meta">
        {profileLevelWords(area)}
        {!isLocality && (
          <>
            {' '}
            <code>{area.code}</code>
          </>
        )}
        {isLsoa && area.ward_code && (
          <>
            {' · in '}
            <button type="button" className="link" onClick={() => onSelect(area.ward_code as string)}>
              {area.ward_name} ward
            </button>
          </>
        )}
        {' · '}
        {area.lad_name}
        {!isLocality && (
          <>
            {' '}
            <code>{area.lad_code}</code>
          </>
        )}
        {' · '}
        {profileResidentsWords(area)}
      </p>
      <EvidencePackButton code={area.code} name={area.name} />
      <ul className="sentences">
        {sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <DomainTable rows={table} isLsoa={isLsoa} areaName={area.name} />
      <DomainComparison
        areaName={area.name}
        authorityName={authorityName}
        rows={domainChartRows(domains)}
      />
      <DomainChartValues rows={table} areaName={area.name} authorityName={authorityName} />
      {isLocality && members && (
        <>
          <LocalityMembers wards={members.wards} lsoas={members.lsoas} name={area.name} />
          <LocalityHotspots authorities={(area.authorities ?? []).map((a) => a.code)} wards={members.wards} lsoas={members.lsoas} name={area.name} />
        </>
      )}
      <p className="fine-print">{profileFinePrint(area, crime, otherCrime)}</p>
    </>
  );
}
