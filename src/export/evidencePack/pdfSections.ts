/**
 * The evidence pack's first half laid out on pages: the cover, the profile in
 * plain English with its table and chart, the map, the theme scores with what
 * drives them, and the hot-spot method note. Words come from gather (the
 * views' own functions); this only places them.
 */
import { themesShowSample, type EvidencePackData } from './gather.ts';
import type { PdfLayout } from './pdfLayout.ts';
import type { ThemeResult } from './gatherThemes.ts';
import { formatInteger, formatValue } from '../../analysis/format.ts';
import { SAMPLE_LABEL } from '../../ingest/schemas.ts';
import { LEVELS } from '../../geo/levels.ts';
import { longDate } from '../mapImage/layout.ts';

/** A chart or image ready to place: its natural size in points and what to draw. */
export interface Figure {
  embed: Embed;
  width: number;
  height: number;
}

export type Embed = { kind: 'svg'; svg: SVGSVGElement } | { kind: 'image'; dataUrl: string; format: 'JPEG' | 'PNG' };

export interface PackFigures {
  domains: Figure | null;
  map: Figure | { problem: string } | null;
  priorities: Figure | null;
  representativeness: (Figure | null)[];
  grades: (Figure | null)[];
  crime: Figure | null;
}

export type Layout = PdfLayout<Embed>;

const fmt2 = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const SMALL = 8.5;

/** "Norbiton" and what a sample notice says, for the cover and each sample section. */
export function sampleNotice(what: string): string {
  return `${SAMPLE_LABEL}: ${what} made up to show how the tool works. They are not what any real residents said or saw.`;
}

export function coverPage(l: Layout, d: EvidencePackData): void {
  l.paragraph('Ward Insight evidence pack', { size: 11, bold: true, after: 6 });
  l.heading(d.name, 1, 0);
  l.paragraph(`${d.levelWords} in ${d.authority}`, { size: 12, after: 4 });
  l.paragraph(d.profile.meta, { size: 10, after: 4 });
  l.paragraph(`Made with Ward Insight on ${longDate(d.made)}.`, { size: 10, after: 12 });
  if (d.synthetic) {
    l.markSample();
    const parts = [
      d.survey?.synthetic && d.survey.responses > 0 ? 'residents’ survey responses' : null,
      d.streetReps?.synthetic && d.streetReps.sites > 0 ? 'street-rep sites and grades' : null,
    ].filter(Boolean);
    const what = parts.length ? parts.join(' and ') : `theme scores that take in the sample survey and street-rep grades of ${d.themes.placeName ?? 'the place'}`;
    l.paragraph(sampleNotice(`this pack includes ${what}; the sample data were`), { size: 10, bold: true, after: 12 });
  }
  l.paragraph('What is in this pack', { size: 11, bold: true, after: 4 });
  l.bullets([
    'The area in plain English: deprivation in England’s terms, with its authority and England',
    'The map of the view on screen, with its key and sources',
    'Theme scores for housing, safety and communal areas, and what drives them',
    'Hot and cold spots, and how they were found',
    'Residents’ priorities, and who answered compared with who lives here',
    'Street-rep trends, crime month by month (missing months shown), and every source',
  ]);
  l.paragraph(
    'Every number comes from open data built into Ward Insight or from files loaded in this browser; nothing was sent anywhere to make this pack. Scores compare areas with each other; read the method notes before drawing conclusions.',
    { size: SMALL },
  );
}

export function profileSection(l: Layout, d: EvidencePackData, figures: PackFigures): void {
  const p = d.profile;
  l.heading(`${d.name} in plain English`);
  l.bullets(p.sentences);
  l.heading('Indices of Deprivation 2025', 3);
  l.paragraph(`Ranks and deciles are “in England”: 1 = most deprived.${p.isLsoa ? '' : ' A ward’s decile is where its population-weighted score falls among England’s small areas (not official).'}`, { size: SMALL });
  if (p.isLsoa) {
    l.table(
        [{ label: 'Measure', width: 3 }, { label: 'Score', width: 1, align: 'right' }, { label: 'Rank in England', width: 1.3, align: 'right' }, { label: 'Decile', width: 1, align: 'right' }, { label: 'Decile in 2019 → 2025', width: 1.6, align: 'right' }],
      p.table.map((r) => [r.label, formatValue(r.score, 'score'), r.rank === null ? '–' : formatInteger(r.rank), String(r.decile ?? '–'), r.change ? `${r.change.text} (${r.change.words})` : '–']),
    );
  } else {
    l.table(
        [{ label: 'Measure', width: 3 }, { label: 'Score', width: 1, align: 'right' }, { label: 'Decile (not official)', width: 1.2, align: 'right' }, { label: 'Small areas in England’s most deprived 10%', width: 1.6, align: 'right' }, { label: '… most deprived 20%, 2019 → 2025', width: 1.6, align: 'right' }],
      p.table.map((r) => [r.label, formatValue(r.score, 'score'), String(r.decile ?? '–'), `${r.in10} of ${r.lsoas}`, `${r.in20In2019} → ${r.in20} of ${r.lsoas}`]),
    );
  }
  if (figures.domains) {
    l.heading(`${d.name} beside ${p.authorityName} and England`, 3, figures.domains.height * 0.5);
    l.block(figures.domains.width, figures.domains.height, figures.domains.embed);
  }
  l.table(
    [{ label: 'Measure (score)', width: 3 }, { label: d.name, width: 1.3, align: 'right' }, { label: p.authorityName, width: 1.3, align: 'right' }, { label: 'England', width: 1, align: 'right' }],
    p.table.map((r) => [r.label, formatValue(r.score, 'score'), formatValue(r.authority, 'score'), formatValue(r.england, 'score')]),
    { caption: 'The chart’s numbers' },
  );
  if (p.members && p.members.wards.length) {
    l.heading('Wards in this locality', 3);
    l.table(
      [{ label: 'Ward', width: 3 }, { label: 'Code', width: 1.5 }, { label: 'Residents (Census 2021)', width: 1.3, align: 'right' }, { label: 'Small areas', width: 1, align: 'right' }],
      p.members.wards.map((w) => [w.name, w.code, formatInteger(w.population), String(w.lsoas)]),
    );
  }
  l.paragraph(p.finePrint, { size: SMALL });
}

export function mapSection(l: Layout, figures: PackFigures): void {
  const map = figures.map;
  l.heading('The map', 2, map && 'embed' in map ? Math.min(map.height, 320) : 60);
  if (map && 'embed' in map) {
    l.paragraph('The view on screen when the pack was made, with its key, scale bar and sources.', { size: SMALL });
    l.block(map.width, map.height, map.embed);
  } else {
    l.paragraph(map ? `The map could not be added: ${map.problem}` : 'The map was not open, so there is no map image in this pack.', { size: 10 });
  }
}

function themeBlock(l: Layout, d: EvidencePackData, t: ThemeResult): void {
  const themes = d.themes;
  const level = d.themes.themes.length ? LEVELS[levelOf(d)] : null;
  l.heading(t.theme.label, 2, 80);
  l.paragraph(t.theme.description, { size: SMALL });
  const row = t.row;
  if (row && row.score !== null) {
    const rank = row.rank !== null && level ? ` It ranks ${row.rank} of ${t.ranked} ${level.plural} in ${themes.placeName} (1 = most in need).` : '';
    const how = d.profile.isLsoa ? '' : ', the population-weighted mean of its small areas’ scores';
    l.paragraph(`Score: ${fmt2(row.score)}${how} (0 = the average small area of ${themes.placeName}; higher = worse).${rank}`, { bold: true });
  } else {
    l.paragraph('No score here: none of its small areas has a value for this theme’s measures.', { bold: true });
  }
  if (row?.reason) l.paragraph(row.reason);
  if (t.ownResult) l.paragraph(`Hot-spot test of every ${level?.singular ?? 'area'} of ${themes.placeName}: ${t.ownResult}.`);
  if (t.tallySentence) l.paragraph(t.tallySentence);
  l.table(
    [{ label: 'Measure behind the score', width: 4 }, { label: 'Source', width: 1.2 }, { label: 'Weight', width: 0.8, align: 'right' }],
    t.measures.map((m) => [m.leftOut ? `${m.label} (left out here: ${m.leftOut})` : m.label, m.source, fmt2(m.weight)]),
    { caption: 'What the score is made of (weights are relative)' },
  );
  if (t.drivers.length && t.driversScore !== null) {
    l.table(
      [{ label: 'Measure', width: 2 }, { label: 'Value', width: 0.8, align: 'right' }, { label: 'How far from average (z)', width: 1, align: 'right' }, { label: 'Worse than average?', width: 2.4 }, { label: 'Weight used', width: 0.8, align: 'right' }, { label: 'Adds to score', width: 0.8, align: 'right' }],
      t.drivers.map((r) => [r.measure, fmt2(r.value), fmt2(r.z), r.reading, fmt2(r.weightUsed), fmt2(r.adds)]),
      {
        caption: d.profile.isLsoa
          ? `What drives its score of ${fmt2(t.driversScore)} (0 = average of the small areas in view; above 0 = worse)`
          : `What drives its own score as a whole ward, ${fmt2(t.driversScore)} when scored among the wards of ${themes.placeName} (0 = the average ward; above 0 = worse)`,
      },
    );
  } else if (row?.drivers.length) {
    l.paragraph(`What pushes the score up most: ${row.drivers.map((x) => `${x.shortLabel} (${fmt2(x.contribution)})`).join('; ')}.`);
  }
  if (t.drivers.length && t.missing.length) l.paragraph('Each weight used is the measure’s share of this score: a measure left out here is not counted as average; the other measures’ weights are scaled up to add to 1.', { size: SMALL });
  for (const m of t.missing) l.paragraph(m, { size: SMALL });
  for (const n of t.notes) l.paragraph(n, { size: SMALL });
}

function levelOf(d: EvidencePackData): 'lsoa' | 'ward' | 'locality' {
  return d.profile.isLsoa ? 'lsoa' : d.profile.members ? 'locality' : 'ward';
}

export function themesSection(l: Layout, d: EvidencePackData): void {
  l.newPage();
  l.heading('Theme scores: housing, safety and communal areas');
  if (d.themes.unavailable) {
    l.paragraph(d.themes.unavailable);
    return;
  }
  l.paragraph(
    `Each theme is a weighted blend of measures, each standardised across the areas of ${d.themes.placeName}, so a score compares this area with the others there, not with a fixed standard. A measure with no data for an area is left out and the weights of the others scaled up, never counted as zero.`,
    { size: SMALL },
  );
  // Theme scores take in the residents' survey and street-rep grades, so with the sample loaded these pages show it.
  const sample = themesShowSample(d.themes);
  l.sample(sample);
  if (sample) l.paragraph(sampleNotice('The residents’ survey and street-rep parts of these scores come from the sample, which was'), { size: SMALL, bold: true });
  for (const t of d.themes.themes) themeBlock(l, d, t);
}

export function methodSection(l: Layout, d: EvidencePackData): void {
  const note = d.themes.note;
  l.sample(false);
  if (!note) return;
  l.newPage();
  l.heading(note.title);
  l.paragraph(d.themes.method, { bold: true });
  for (const s of note.sections) {
    l.heading(s.heading, 3, 30);
    for (const p of s.paragraphs) l.paragraph(p, { size: 9.5 });
  }
}
