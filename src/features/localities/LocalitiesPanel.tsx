import { useEffect, useRef, useState } from 'react';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { useReadyDatabase } from '../../session/handles.tsx';
import type { Locality } from '../../localities/locality.ts';
import { draftOf, emptyDraft, type LocalityDraft } from '../../localities/draft.ts';
import { LocalityEditor } from './LocalityEditor.tsx';
import { LocalityFileControls } from './LocalityFileControls.tsx';
import { LocalityList } from './LocalityList.tsx';
import { WardCsvImport } from './WardCsvImport.tsx';
import { useMemberRows } from './useWardLookups.ts';

/** How long "Undo" is offered after a Delete. */
const UNDO_MS = 15_000;

/**
 * The person's own localities — groups of wards a partnership board covers:
 * make, change and delete them, import them from a CSV of wards or a
 * localities file, and save them as one.
 */
export function LocalitiesPanel() {
  const session = useSession();
  const dispatch = useDispatch();
  const ready = useReadyDatabase();
  const members = useMemberRows(session.localities);
  const [editing, setEditing] = useState<LocalityDraft | null>(null);
  const [importing, setImporting] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Locality | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const remove = (l: Locality) => {
    dispatch({ type: 'removeLocality', id: l.id });
    setDeleted(l);
    setStatus(null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setDeleted((d) => (d?.id === l.id ? null : d)), UNDO_MS);
  };
  const undo = () => {
    if (!deleted) return;
    dispatch({ type: 'saveLocality', locality: deleted });
    setStatus(`${deleted.name} is back.`);
    setDeleted(null);
  };
  const show = (l: Locality) => {
    dispatch({ type: 'setLevel', level: 'locality' });
    dispatch({ type: 'select', code: l.id });
  };

  return (
    <section className="localities-panel" aria-labelledby="localities-heading" data-testid="localities-panel">
      <h2 id="localities-heading">Your localities</h2>
      <p className="hint">
        A locality is a group of wards (and, where you need them, single small areas) that you name — a partnership board’s
        patch. Kept in this browser and in the page’s link; nothing is sent anywhere.
      </p>
      {!ready && <p className="placeholder">Starting the data engine…</p>}
      {status && (
        <p role="status" data-testid="localities-status">
          {status}
        </p>
      )}
      {deleted && (
        <div className="undo-bar" role="status" data-testid="locality-undo-bar">
          Deleted {deleted.name}.{' '}
          <button type="button" onClick={undo} data-testid="locality-undo">
            Undo<span className="visually-hidden"> deleting {deleted.name}</span>
          </button>{' '}
          <span className="hint">(for {UNDO_MS / 1000} seconds)</span>
        </div>
      )}
      <LocalityList
        localities={session.localities}
        members={members}
        editing={editing?.id ?? (editing ? '' : null)}
        onShow={show}
        onEdit={(l) => {
          setImporting(false);
          setEditing(draftOf(l));
        }}
        onDelete={remove}
      />
      {editing ? (
        <LocalityEditor
          key={editing.id ?? 'new'}
          initial={editing}
          onDone={(message) => {
            setEditing(null);
            setStatus(message);
          }}
        />
      ) : (
        <p className="buttons">
          <button
            type="button"
            disabled={!ready}
            onClick={() => {
              setImporting(false);
              setStatus(null);
              setEditing(emptyDraft());
            }}
            data-testid="locality-new"
          >
            New locality
          </button>{' '}
          <button type="button" disabled={!ready} aria-expanded={importing} onClick={() => setImporting(!importing)} data-testid="localities-csv-open">
            Import a CSV of wards
          </button>
        </p>
      )}
      {importing && !editing && ready && (
        <WardCsvImport
          onDone={(message) => {
            setImporting(false);
            setStatus(message);
          }}
        />
      )}
      <h3>Keep or share them as a file</h3>
      <LocalityFileControls />
    </section>
  );
}
