/**
 * Older project files open: each step turns a version-n file into version
 * n + 1, and a file is walked up one step at a time to PROJECT_VERSION, so a
 * new version only ever writes one step. Version 1 is the first; its view is a
 * link's query string, whose own older forms src/session/url.ts reads.
 */
import { PROJECT_VERSION } from './format.ts';

export type RawProject = Record<string, unknown> & { v: number };
export type MigrationStep = (file: RawProject) => RawProject;

/** MIGRATIONS[n]: version n → version n + 1. None yet: version 1 is the first. */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {};

export type Migrated = { ok: true; file: RawProject } | { ok: false; kind: 'newer' | 'unknown-version'; message: string };

export function migrateProject(file: RawProject, steps: Readonly<Record<number, MigrationStep>> = MIGRATIONS, latest: number = PROJECT_VERSION): Migrated {
  const v = file.v;
  if (!Number.isInteger(v) || v < 1) {
    return { ok: false, kind: 'unknown-version', message: `This project file has a format this version of Ward Insight does not know (format ${String(v)}). Nothing was changed.` };
  }
  if (v > latest) {
    return {
      ok: false,
      kind: 'newer',
      message: `This project file was saved by a newer version of Ward Insight (format ${v}; this page opens format ${latest} and older). Reload the page to get the newest version, then try again. Nothing was changed.`,
    };
  }
  let out = file;
  for (let at = v; at < latest; at++) {
    const step = steps[at];
    if (!step) return { ok: false, kind: 'unknown-version', message: `This project file's format (${v}) cannot be brought up to date by this version of Ward Insight. Nothing was changed.` };
    out = { ...step(out), v: at + 1 };
  }
  return { ok: true, file: out };
}
