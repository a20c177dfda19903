import type { CSSProperties } from 'react';
import { GRADES, GRADE_MEANING, SAMPLE_LABEL, STREET_REP_HEADINGS } from '../../ingest/schemas.ts';

export interface MonitoringFormSite {
  site_id: string;
  name: string;
}

export interface MonitoringFormProps {
  wardName: string;
  /** One page per site; with no sites, one page with the site left blank to write in. */
  sites: readonly MonitoringFormSite[];
  /** True when the sites come from the bundled synthetic sample. */
  synthetic?: boolean;
}

// Inline styles: the form is printed, plain black on white, and the shared stylesheet is not ours to change.
const page: CSSProperties = { color: '#000', background: '#fff', fontSize: '11pt', lineHeight: 1.35, padding: '8px 0' };
const table: CSSProperties = { borderCollapse: 'collapse', width: '100%', margin: '6px 0 10px' };
const cell: CSSProperties = { border: '1px solid #000', padding: '4px 6px', textAlign: 'left' };
const tickCell: CSSProperties = { ...cell, width: '2.6em', textAlign: 'center' };
const box: CSSProperties = { display: 'inline-block', width: '1.3em', height: '1.3em', border: '1.5px solid #000', verticalAlign: 'middle' };
const blank: CSSProperties = { ...cell, height: '1.8em', minWidth: '8em' };
const sample: CSSProperties = { border: '2px solid #000', padding: '2px 8px', fontWeight: 'bold', display: 'inline-block', margin: '0 0 6px' };

/** The details a rep fills in at the top of each visit. */
function VisitDetails({ wardName, site }: { wardName: string; site: MonitoringFormSite | null }) {
  return (
    <table style={table}>
      <tbody>
        <tr>
          <th style={cell} scope="row">Ward</th>
          <td style={cell} colSpan={3}>{wardName}</td>
        </tr>
        <tr>
          <th style={cell} scope="row">Site</th>
          <td style={blank}>{site?.name ?? ''}</td>
          <th style={cell} scope="row">Site ID</th>
          <td style={blank}>{site?.site_id ?? ''}</td>
        </tr>
        <tr>
          <th style={cell} scope="row">Date</th>
          <td style={blank} />
          <th style={cell} scope="row">Time</th>
          <td style={blank} />
        </tr>
        <tr>
          <th style={cell} scope="row">Person monitoring</th>
          <td style={blank} colSpan={3} />
        </tr>
      </tbody>
    </table>
  );
}

/** One heading's issues, each with four empty boxes to tick. */
function HeadingTable({ heading, issues }: { heading: string; issues: readonly string[] }) {
  return (
    <table style={table}>
      <caption style={{ textAlign: 'left', fontWeight: 'bold', fontSize: '12pt', padding: '2px 0' }}>{heading}</caption>
      <thead>
        <tr>
          <th style={cell} scope="col">Issue</th>
          {GRADES.map((g) => (
            <th key={g} style={tickCell} scope="col">{g}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {issues.map((issue) => (
          <tr key={issue}>
            <th style={{ ...cell, fontWeight: 'normal' }} scope="row">{issue}</th>
            {GRADES.map((g) => (
              <td key={g} style={tickCell}>
                <span style={box} role="img" aria-label={`Tick for grade ${g}: ${issue}`} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FormPage({ wardName, site, synthetic, last }: { wardName: string; site: MonitoringFormSite | null; synthetic: boolean; last: boolean }) {
  return (
    <section style={last ? page : { ...page, breakAfter: 'page' }} aria-label={site ? `Monitoring form for ${site.name}` : 'Blank monitoring form'}>
      {synthetic && <p style={sample}>{SAMPLE_LABEL}</p>}
      <h2 style={{ fontSize: '15pt', margin: '0 0 4px' }}>Street-rep monitoring form</h2>
      <VisitDetails wardName={wardName} site={site} />
      <p style={{ margin: '4px 0' }}>
        <strong>Grade each issue</strong> by ticking one box:
      </p>
      <ul style={{ margin: '0 0 6px', paddingLeft: '1.2em' }}>
        {GRADES.map((g) => (
          <li key={g}>
            <strong>{g}</strong> — {GRADE_MEANING[g]}
          </li>
        ))}
      </ul>
      {Object.entries(STREET_REP_HEADINGS).map(([heading, issues]) => (
        <HeadingTable key={heading} heading={heading} issues={issues} />
      ))}
      <p style={{ margin: '6px 0 2px', fontWeight: 'bold' }}>Notes</p>
      <p style={{ margin: '0 0 4px', fontSize: '9pt' }}>What you saw and exactly where, anything you reported and to whom.</p>
      <div style={{ border: '1px solid #000', height: '7em' }} />
    </section>
  );
}

/**
 * The paper form a street rep carries: one page per site (a page break after
 * each), the visit details to fill in, a table of issues per heading with a
 * box for each grade A–D, the grade key and space for notes. Sample data is
 * labelled on every page, because pages get separated once printed.
 */
export function MonitoringForm({ wardName, sites, synthetic = false }: MonitoringFormProps) {
  const pages: (MonitoringFormSite | null)[] = sites.length > 0 ? [...sites] : [null];
  return (
    <div className="printable monitoring-form" data-testid="monitoring-form">
      {pages.map((site, i) => (
        <FormPage key={site?.site_id ?? 'blank'} wardName={wardName} site={site} synthetic={synthetic} last={i === pages.length - 1} />
      ))}
    </div>
  );
}
