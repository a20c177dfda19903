import { useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { Database } from '../../db/database.ts';
import { sitesForForm } from '../../db/queries/streetReps.ts';
import { MonitoringForm, type MonitoringFormSite } from './MonitoringForm.tsx';
import type { WardOption } from './streetRepModel.ts';
import { useQuery } from '../../ui/useQuery.ts';
import './print.css';

export interface PrintFormProps {
  db: Database;
  /** Wards that have sites. */
  wards: readonly WardOption[];
  /** The ward chosen in the filters, if any: the form starts on it. */
  filterWard: string;
  synthetic: boolean;
  /** Evidence version: re-read when datasets change. */
  version: number;
}

/**
 * "Print a blank monitoring form" for one ward: a preview on screen, and a
 * copy placed straight in <body> while printing so that only the form prints
 * (print.css hides the app while that copy exists).
 */
export function PrintForm({ db, wards, filterWard, synthetic, version }: PrintFormProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const ward = wards.find((w) => w.code === chosen) ?? wards.find((w) => w.code === filterWard) ?? wards[0] ?? null;
  const sites = useQuery(ward ? JSON.stringify([ward.code, version]) : null, () => sitesForForm(db, ward!.code), 'The ward’s sites could not be read');
  const formSites: MonitoringFormSite[] = sites.status === 'ready' ? sites.data.map((s) => ({ site_id: s.site_id, name: s.name ?? s.site_id })) : [];
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, [printing]);

  const print = () => {
    // Put the form in the page synchronously, so the print dialog sees it.
    flushSync(() => setPrinting(true));
    window.print();
  };

  if (!ward) return null;
  // With no sites the form is one page with the site left blank.
  const pages = Math.max(1, formSites.length);
  const form = <MonitoringForm wardName={ward.name} sites={formSites} synthetic={synthetic} />;
  return (
    <section aria-labelledby="print-form-heading" data-testid="print-form">
      <h3 id="print-form-heading">Print a blank monitoring form</h3>
      <p className="hint">One page per site, with the issues to grade A to D, for street reps to carry on their next round.</p>
      <div className="filters">
        <label>
          Ward
          <select value={ward.code} onChange={(e) => setChosen(e.target.value)} data-testid="print-form-ward">
            {wards.map((w) => (
              <option key={w.code} value={w.code}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {sites.status === 'loading' && <p role="status">Reading the ward’s sites…</p>}
      {sites.status === 'error' && (
        <p className="problem" role="alert">
          {sites.message}
        </p>
      )}
      {sites.status === 'ready' && (
        <>
          <p>
            <button type="button" onClick={print} data-testid="print-form-button">
              Print the form for {ward.name} ({pages.toLocaleString('en-GB')} {pages === 1 ? 'page' : 'pages'})
            </button>
          </p>
          <p className="hint">Preview (scroll to see every page):</p>
          <div className="form-preview" data-testid="print-form-preview">
            {form}
          </div>
        </>
      )}
      {printing && createPortal(<div className="print-only">{form}</div>, document.body)}
    </section>
  );
}
