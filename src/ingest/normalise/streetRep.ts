import type { EvidenceTable } from '../schemas.ts';
import { parseDate, parseTime } from '../validate/dates.ts';
import { type Grade, headingOf, matchIssue, parseGrade } from '../validate/grades.ts';
import { quote } from '../validate/result.ts';
import { type FieldColumn, cell, fieldColumn } from './cells.ts';
import { Interner, TableBuilder } from './columns.ts';
import type { IssueLog } from './issueLog.ts';
import { Locator, type Placement } from './location.ts';
import type { RowProcessor } from './rowProcessor.ts';
import { AMBIGUOUS_DATE_NOTE } from './survey.ts';
import type { Columns, NormaliseOptions } from './types.ts';
import { ValueChooser, chosenOutReason } from './valueChoices.ts';

const NUMBERED_GRADES_NOTE = 'Grades written as numbers 1–4 were read as A–D (1 = A, no problem at all); if the form numbered them the other way round, fix the file and import it again';

/**
 * Street-rep rows → street_rep_sites, street_rep_visits and street_rep_grades.
 * "Long" files have one row per visit and issue (issue + grade columns);
 * "wide" files one row per visit with a column per issue (mapping.issueColumns).
 * A site keeps the first location it is given; a visit is identified by its
 * id, or by site, date and time.
 */
export class StreetRepProcessor implements RowProcessor {
  private readonly sites: TableBuilder;
  private readonly visits: TableBuilder;
  private readonly grades: TableBuilder;
  private readonly locator: Locator;
  private readonly interner = new Interner();
  private readonly siteSeen = new Map<string, { row: number; location: string[] }>();
  private readonly visitSeen = new Map<string, number>();
  private readonly gradeSeen = new Map<string, number>();
  private readonly col: Record<'visit' | 'site' | 'name' | 'date' | 'time' | 'rep' | 'issue' | 'grade', FieldColumn>;
  private readonly locationColumns: FieldColumn[];
  private readonly wide: { column: FieldColumn; issue: string }[];
  /** This row's grades, reused from row to row. */
  private readonly rowGrades: { issue: string; grade: Grade }[] = [];
  private readonly chooser: ValueChooser;

  constructor(private readonly options: NormaliseOptions, private readonly log: IssueLog) {
    const { header, mapping } = options;
    const at = (f: Parameters<typeof fieldColumn>[2]): FieldColumn => fieldColumn(header, mapping, f);
    this.col = {
      visit: at('visit_id'), site: at('site_id'), name: at('site_name'), date: at('visited_on'), time: at('visit_time'),
      rep: at('rep'), issue: at('issue'), grade: at('grade'),
    };
    this.locationColumns = (['lon', 'lat', 'easting', 'northing', 'lsoa_code', 'ward_code'] as const).map(at);
    this.wide = Object.entries(mapping.issueColumns ?? {}).map(([name, issue]) => ({ column: { index: header.indexOf(name), name }, issue }));
    this.locator = new Locator(options);
    this.chooser = new ValueChooser(options.values);
    const constants = { dataset: options.datasetId };
    this.sites = new TableBuilder('street_rep_sites', constants);
    this.visits = new TableBuilder('street_rep_visits', constants);
    this.grades = new TableBuilder('street_rep_grades', constants);
  }

  row(row: string[], n: number): void {
    const log = this.log;
    const siteId = cell(row, this.col.site) || cell(row, this.col.name);
    if (siteId === '') return log.reject(this.col.site.name ?? this.col.name.name, 'No site id or site name.');
    const date = this.date(row);
    if (date === null) return;
    const time = this.time(row);
    const visitId = cell(row, this.col.visit) || `${siteId}|${date}|${time ?? ''}`;
    const visitText = `site ${quote(siteId)} on ${date}${time ? ` at ${time}` : ''}`;
    if (this.wide.length > 0) this.wideGrades(row, visitId, visitText);
    else this.longGrade(row, visitId, visitText);
    if (log.isRejected) return;

    const site = this.siteSeen.get(siteId);
    let place: Placement | null = null;
    if (!site) {
      place = this.locator.place(row, log);
      if (!place) return;
    } else if (this.locator.hasLocation(row) && this.movedFrom(site.location, row)) {
      log.alter(this.locationColumns.find((c) => c.index >= 0)?.name, `Site ${quote(siteId)} was first placed on row ${site.row}; this row's different location was ignored.`);
    }
    this.write(row, n, siteId, place, visitId, date, time);
  }

  finish(): Partial<Record<EvidenceTable, Columns>> {
    return { street_rep_sites: this.sites.finish(), street_rep_visits: this.visits.finish(), street_rep_grades: this.grades.finish() };
  }

  private write(row: string[], n: number, siteId: string, place: Placement | null, visitId: string, date: string, time: string | null): void {
    if (place) {
      const s = this.sites;
      s.text('site_id').push(siteId);
      s.text('name').push(cell(row, this.col.name) || null);
      s.float('lon').push(place.lon);
      s.float('lat').push(place.lat);
      s.text('lsoa_code').push(place.lsoa_code);
      s.text('ward_code').push(place.ward_code);
      this.siteSeen.set(siteId, { row: n, location: this.location(row) });
    }
    if (!this.visitSeen.has(visitId)) {
      const v = this.visits;
      v.int('source_row').push(n);
      v.text('id').push(visitId);
      v.text('site_id').push(siteId);
      v.text('visited_on').push(date);
      v.text('visit_time').push(time);
      const rep = cell(row, this.col.rep);
      v.text('rep').push(rep === '' ? null : this.interner.get(rep));
      this.visitSeen.set(visitId, n);
    }
    for (const { issue, grade } of this.rowGrades) {
      const g = this.grades;
      g.text('visit_id').push(visitId);
      g.text('issue').push(issue);
      g.text('heading').push(headingOf(issue));
      g.int('grade').push(grade);
      this.gradeSeen.set(`${visitId}\u0000${issue}`, n);
    }
  }

  private date(row: string[]): string | null {
    const text = cell(row, this.col.date);
    if (text === '') {
      this.log.reject(this.col.date.name, 'No date of visit.');
      return null;
    }
    const date = parseDate(text, this.options.dateOrder ?? 'dmy');
    if ('error' in date) {
      this.log.reject(this.col.date.name, date.error);
      return null;
    }
    if (date.ambiguous) this.log.noteOnce(AMBIGUOUS_DATE_NOTE);
    return date.value;
  }

  private time(row: string[]): string | null {
    const text = cell(row, this.col.time);
    if (text === '') return null;
    const time = parseTime(text);
    if ('error' in time) {
      this.log.alter(this.col.time.name, `${time.error} The time was left blank.`);
      return null;
    }
    return time.value;
  }

  /** One row per visit: every issue column's grade; a row with no usable grade is rejected. */
  private wideGrades(row: string[], visitId: string, visitText: string): void {
    const earlier = this.visitSeen.get(visitId);
    if (earlier !== undefined) return this.log.reject(this.col.visit.name ?? this.col.site.name, `This visit (${visitText}) is already on row ${earlier}.`, 'duplicate');
    this.rowGrades.length = 0;
    let unreadable = 0;
    for (const { column, issue } of this.wide) {
      const text = cell(row, column);
      if (text === '') continue;
      const grade = this.grade(text, column);
      if (grade === undefined || this.log.isRejected) return;
      if ('error' in grade) {
        unreadable++;
        this.log.alter(column.name, `${grade.error} ${issue} was left ungraded; the rest of the visit is kept.`);
        continue;
      }
      if (grade.value !== null) this.rowGrades.push({ issue, grade: grade.value });
    }
    // A visit whose only grades were unreadable ('A/B') still happened; a row of blanks and 'n/a' is not a visit.
    if (this.rowGrades.length === 0 && unreadable === 0) this.log.reject(undefined, 'None of the issue columns has a grade (A to D) on this row.');
  }

  /** A grade cell through the person's choice, then the grade rule; undefined when the row was rejected by choice. */
  private grade(text: string, column: FieldColumn): ReturnType<typeof parseGrade> | undefined {
    const chosen = this.chooser.choice('grade', text);
    if (chosen === null) {
      this.log.reject(column.name, chosenOutReason('grade', text));
      return undefined;
    }
    const grade = parseGrade(chosen ?? text);
    if (chosen !== undefined && chosen !== text && 'value' in grade) this.log.interpret(`Grade ${quote(text)} read as '${chosen}' (as you chose)`);
    else if ('value' in grade && grade.altered) this.log.interpret(NUMBERED_GRADES_NOTE);
    return grade;
  }

  /** One row per visit and issue; a blank or 'n/a' grade records the visit without a grade. */
  private longGrade(row: string[], visitId: string, visitText: string): void {
    this.rowGrades.length = 0;
    const issueText = cell(row, this.col.issue);
    if (issueText === '') return this.log.reject(this.col.issue.name, 'No issue named.');
    const chosenIssue = this.chooser.choice('issue', issueText);
    if (chosenIssue === null) return this.log.reject(this.col.issue.name, chosenOutReason('issue', issueText));
    const issue = matchIssue(chosenIssue ?? issueText);
    if ('error' in issue) return this.log.reject(this.col.issue.name, issue.error);
    if (chosenIssue !== undefined && chosenIssue !== issueText) this.log.interpret(`Issue ${quote(issueText)} read as '${issue.value}' (as you chose)`);
    const gradeText = cell(row, this.col.grade);
    const grade = gradeText === '' ? ({ value: null } as const) : this.grade(gradeText, this.col.grade);
    if (grade === undefined) return;
    // An unreadable grade is left out: the visit is still recorded, without a grade for this issue.
    if ('error' in grade) return this.log.alter(this.col.grade.name, `${grade.error} ${issue.value} was left ungraded; the visit is kept.`);
    if (grade.value === null) return;
    const earlier = this.gradeSeen.get(`${visitId}\u0000${issue.value}`);
    if (earlier !== undefined) return this.log.reject(this.col.issue.name, `The visit to ${visitText} already has a grade for ${issue.value} (row ${earlier}).`, 'duplicate');
    this.rowGrades.push({ issue: issue.value, grade: grade.value });
  }

  /** The row's location cells, numbers written canonically (52.650 = 52.65), codes in capitals. */
  private location(row: string[]): string[] {
    return this.locationColumns.map((c) => {
      const text = cell(row, c);
      const n = Number(text);
      return text !== '' && Number.isFinite(n) ? String(n) : text.toUpperCase();
    });
  }

  /** True when a cell given both times differs: a site written again with fewer or other details hasn't moved. */
  private movedFrom(first: string[], row: string[]): boolean {
    const now = this.location(row);
    return now.some((value, i) => value !== '' && first[i] !== '' && value !== first[i]);
  }
}
