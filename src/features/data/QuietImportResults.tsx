import { useState } from 'react';
import type { QuietBatch, QuietResult } from '../../session/useImports.ts';
import { ImportReportView } from './ImportReportView.tsx';

const n = (v: number) => v.toLocaleString('en-GB');

/** One line per file: rows imported, rejected and changed, e.g. "march.csv: 2 of 3 rows imported; 1 rejected." */
export function quietLine(r: QuietResult): string {
  if (!r.report) return `${r.fileName}: not imported — ${r.error ?? 'no reason was given'}`;
  const { rowsAccepted, rowsRead, rowsRejected, rowsAltered } = r.report;
  return [
    `${r.fileName}: ${n(rowsAccepted)} of ${n(rowsRead)} rows imported`,
    rowsRejected > 0 ? `; ${n(rowsRejected)} rejected` : '',
    rowsAltered > 0 ? `; ${n(rowsAltered)} changed` : '',
    r.duplicateCrimes > 0 ? `; ${n(r.duplicateCrimes)} crimes already loaded, not added twice` : '',
    '.',
  ].join('');
}

/** The files imported with the first file's column choices, each with its full report on request. */
export function QuietImportResults({ batch }: { batch: QuietBatch }) {
  return (
    <div className="note quiet-import" data-testid="quiet-import">
      <p role="status">{batch.heading}</p>
      <ul>
        {batch.files.map((r, i) => (
          <QuietLine key={`${i}|${r.fileName}`} result={r} />
        ))}
      </ul>
    </div>
  );
}

function QuietLine({ result }: { result: QuietResult }) {
  const [open, setOpen] = useState(false);
  return (
    <li>
      {quietLine(result)}{' '}
      {result.report && (
        <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide report' : 'Show report'}
          <span className="visually-hidden"> for {result.fileName}</span>
        </button>
      )}
      {open && result.report && <ImportReportView report={result.report} note={result.note} />}
    </li>
  );
}
