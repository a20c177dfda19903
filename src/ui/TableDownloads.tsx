import { useState } from 'react';
import { tableCsv, tableFileName, type ExportTable } from '../export/exportTable.ts';
import { downloadBlob, downloadText } from './download.ts';
import './downloads.css';

export interface TableDownloadsProps {
  /** The table to save, built when a button is pressed (a long table is not described on every render); null when there is nothing yet. */
  table: () => ExportTable | null;
  /** Which table, for the buttons' accessible names ("the ranked table"). */
  name: string;
  /** data-testid of the CSV button; the Excel button gets the same with "-xlsx". */
  testId?: string;
  disabled?: boolean;
}

/**
 * "Download table: CSV · Excel" for any table the app shows. The CSV is
 * written at once; the Excel writer is loaded on first use (export/xlsx.ts
 * is a separate chunk), so the line says so while it works.
 */
export function TableDownloads({ table, name, testId = 'table-download', disabled = false }: TableDownloadsProps) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const csv = () => {
    const t = table();
    if (t) downloadText(tableFileName(t, 'csv'), tableCsv(t));
  };
  const excel = async () => {
    const t = table();
    if (!t) return;
    setState({ kind: 'working' });
    try {
      const { xlsxBlob } = await import('../export/xlsx.ts');
      downloadBlob(tableFileName(t, 'xlsx'), await xlsxBlob(t));
      setState({ kind: 'idle' });
    } catch (e) {
      setState({ kind: 'failed', message: `The Excel file could not be made: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  return (
    <div className="downloads table-downloads" role="group" aria-label={`Download ${name}`}>
      <span aria-hidden="true">Download table:</span>
      <button type="button" onClick={csv} disabled={disabled} data-testid={testId} aria-label={`Download ${name} as CSV`}>
        CSV
      </button>
      <span className="sep" aria-hidden="true">
        ·
      </span>
      <button type="button" onClick={() => void excel()} disabled={disabled || state.kind === 'working'} data-testid={`${testId}-xlsx`} aria-label={`Download ${name} as Excel (.xlsx)`}>
        Excel
      </button>
      {state.kind !== 'idle' && (
        <span role="status" className={state.kind === 'failed' ? 'problem' : undefined}>
          {state.kind === 'working' ? 'Making the Excel file…' : state.message}
        </span>
      )}
    </div>
  );
}
