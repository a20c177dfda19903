import { FileChooser } from '../../ui/FileChooser.tsx';
import { useEffect, useId, useState } from 'react';
import { useDispatch, useSession } from '../../session/SessionContext.tsx';
import { countOf } from '../../geo/levels.ts';
import { placeName } from '../../geo/places.ts';
import { cleanLocalityName, newLocalityId, type Locality } from '../../localities/locality.ts';
import { readWardCsv, type WardCsvResult } from '../../localities/wardCsv.ts';
import { useFiveWards, usePlaceWards } from './useWardLookups.ts';

/** A file's name without its extension, as a locality's name: "Chester west wards.csv" → "Chester west wards". */
const nameFromFile = (file: string) => cleanLocalityName(file.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ')) || 'Imported wards';

/**
 * Import a CSV or TSV of ward codes or names: the file is matched to the
 * wards of the place in view and every row's outcome shown before anything
 * is added.
 */
export function WardCsvImport({ onDone }: { onDone: (message: string) => void }) {
  const session = useSession();
  const dispatch = useDispatch();
  const { wards } = usePlaceWards(session.place);
  const five = useFiveWards();
  const [read, setRead] = useState<{ file: string; result: WardCsvResult; names: string[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const place = placeName(session.place);
  const ready = wards !== null && (five !== null || session.place === 'five' || session.place === 'england');

  // A file chosen before the ward list is in waits for it (the list takes a moment on a slow machine).
  const [pending, setPending] = useState<{ name: string; text: string } | null>(null);
  const onFile = async (file: File) => {
    setProblem(null);
    const text = await file.text().catch(() => null);
    if (text === null) return setProblem(`Could not read ${file.name}.`);
    setPending({ name: file.name, text });
  };
  useEffect(() => {
    if (!pending || !wards || !ready) return;
    setPending(null);
    const elsewhere = session.place === 'england' || session.place === 'five' ? [] : (five ?? []);
    const result = readWardCsv(pending.text, wards, { elsewhere, placeName: place, fileName: pending.name });
    const taken = new Set(session.localities.map((l) => l.name.toLowerCase()));
    // A group named like a locality already here gets "(imported)", so both can be told apart.
    const names = result.groups.map((g) => {
      const name = g.name ? cleanLocalityName(g.name) : nameFromFile(pending.name);
      return taken.has(name.toLowerCase()) ? cleanLocalityName(`${name} (imported)`) : name;
    });
    setRead({ file: pending.name, result, names });
  }, [pending, wards, five, ready, session.place, session.localities, place]);

  const add = () => {
    if (!read) return;
    const made: Locality[] = [];
    read.result.groups.forEach((g, i) => {
      const locality = { id: newLocalityId([...session.localities, ...made]), name: cleanLocalityName(read.names[i] ?? '') || nameFromFile(read.file), wards: g.wards, lsoas: [] };
      made.push(locality);
      dispatch({ type: 'saveLocality', locality });
    });
    setRead(null);
    onDone(`Added ${made.length === 1 ? 'the locality' : `${made.length} localities`} ${made.map((l) => l.name).join(', ')} from ${read.file}.`);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="localities-csv">
      <h3 id={`${id}-title`}>Import a CSV of wards</h3>
      <p className="hint">
        A list of ward names or ward codes (E05…), one a row, from a spreadsheet saved as CSV or TSV. A second column headed
        “Locality” makes several localities from one file. Names are matched to the wards in {place}, forgiving case, spaces,
        “&amp;”/“and” and “St”/“Saint”.
      </p>
      <p>
        <FileChooser
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
          disabled={!ready}
          inputLabel="CSV of wards"
          buttonTestId="localities-csv-choose"
          inputTestId="localities-csv-input"
          onFiles={([file]) => void onFile(file!)}
        >
          {ready ? 'Choose a CSV file…' : 'Listing the wards…'}
        </FileChooser>
      </p>
      {pending && <p className="placeholder">Reading {pending.name}…</p>}
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {read && <CsvReport read={read} onName={(i, name) => setRead({ ...read, names: read.names.map((n, j) => (j === i ? name : n)) })} onAdd={add} onCancel={() => setRead(null)} />}
    </section>
  );
}

function CsvReport({
  read,
  onName,
  onAdd,
  onCancel,
}: {
  read: { file: string; result: WardCsvResult; names: string[] };
  onName: (i: number, name: string) => void;
  onAdd: () => void;
  onCancel: () => void;
}) {
  const { result } = read;
  const c = result.counts;
  const left = c.unknown + c.ambiguous + c.elsewhere;
  const id = useId();
  return (
    <div data-testid="localities-csv-report">
      <p role="status" data-testid="localities-csv-summary">
        {read.file}: {countOf(c.matched, 'ward')} matched
        {c.duplicate ? `, ${c.duplicate} repeated (counted once)` : ''}
        {left ? `, ${left} ${left === 1 ? 'row' : 'rows'} left out` : ''}.
      </p>
      {result.problem && <p className="problem">{result.problem}</p>}
      {result.groups.map((g, i) => (
        <p key={i}>
          <label htmlFor={`${id}-${i}`}>Name for the locality of {countOf(g.wards.length, 'ward')}</label>{' '}
          <input id={`${id}-${i}`} value={read.names[i] ?? ''} maxLength={60} onChange={(e) => onName(i, e.target.value)} data-testid={`localities-csv-name-${i}`} />
        </p>
      ))}
      <p className="buttons">
        <button type="button" onClick={onAdd} disabled={result.groups.length === 0 || read.names.some((n) => !cleanLocalityName(n))} data-testid="localities-csv-add">
          {result.groups.length > 1 ? `Add these ${result.groups.length} localities` : 'Add this locality'}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
      <div className="preview-scroll" style={{ maxHeight: '14rem', overflowY: 'auto' }}>
        <table data-testid="localities-csv-rows">
          <caption>What each row of {read.file} gave</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Read</th>
              {result.groups.some((g) => g.name) && <th scope="col">Locality</th>}
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.row} data-status={r.outcome.status}>
                <td className="num">{r.row}</td>
                <td>{r.read}</td>
                {result.groups.some((g) => g.name) && <td>{r.locality ?? ''}</td>}
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
