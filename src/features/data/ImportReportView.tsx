import { useState } from 'react';
import type { ImportReport } from '../../ingest/importProtocol.ts';
import { downloadText } from '../../ui/download.ts';
import { csvDocument } from '../../export/csv.ts';

const n = (v: number) => v.toLocaleString('en-GB');
const PAGE = 50;

/** What happened to every row: counts, then each rejected or changed row with its number and the reason. */
export function ImportReportView({ report, note }: { report: ImportReport; note: string | null }) {
  const [shown, setShown] = useState(PAGE);
  const issues = report.issues.slice(0, shown);
  const download = () =>
    downloadText(
      `${report.fileName.replace(/\.[^.]+$/, '')}-import-report.csv`,
      csvDocument(
        ['row', 'column', 'what happened', 'reason'],
        report.issues.map((i) => [i.row, i.column ?? '', i.action, i.reason]),
      ),
    );
  return (
    <div className="import-report" data-testid="import-report">
      <h3>Import report for {report.fileName}</h3>
      <p role="status" data-testid="import-summary">
        {n(report.rowsAccepted)} of {n(report.rowsRead)} rows imported
        {report.rowsRejected > 0 ? `; ${n(report.rowsRejected)} rejected` : ''}
        {report.rowsAltered > 0 ? `; ${n(report.rowsAltered)} changed` : ''}
        {report.outside > 0 ? `; ${n(report.outside)} outside the five areas` : ''}
        {report.duplicates > 0 ? `; ${n(report.duplicates)} duplicate${report.duplicates === 1 ? '' : 's'}` : ''}. Took {report.ms.total < 1000 ? `${Math.max(1, Math.round(report.ms.total))} ms` : `${(report.ms.total / 1000).toFixed(1)} s`}.
      </p>
      {note && <p className="note">{note}</p>}
      {[...report.read.notes, ...report.notes].map((t) => (
        <p key={t} className="note">
          {t}
        </p>
      ))}
      {report.issues.length > 0 && (
        <>
          <div className="preview-scroll report-scroll" tabIndex={0} role="region" aria-label="Rows rejected or changed, with the reason">
            <table className="issues" data-testid="import-issues">
              <caption>Rows rejected or changed, with the reason</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">What happened</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {issues.map((i, k) => (
                  <tr key={k} className={i.action}>
                    <td>{i.row}</td>
                    <td>{i.column ?? ''}</td>
                    <td>{i.action === 'rejected' ? 'Left out' : 'Changed'}</td>
                    <td>{i.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown < report.issues.length && (
            <button type="button" className="secondary" onClick={() => setShown((s) => s + PAGE * 4)}>
              Show more ({n(report.issues.length - shown)} not shown)
            </button>
          )}
          {report.issuesNotListed > 0 && <p className="note">A further {n(report.issuesNotListed)} rows had problems and are not listed.</p>}
          <button type="button" className="secondary" onClick={download}>
            Download this report (CSV)
          </button>
        </>
      )}
    </div>
  );
}
