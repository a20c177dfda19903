import { useEvidence } from '../session/handles.tsx';
import { anySample } from '../map/legendSources.ts';
import type { DatasetKind } from '../ingest/schemas.ts';

/** Whether the bundled synthetic sample of these kinds is loaded: its tables, charts and files then say "SAMPLE — synthetic data". */
export function useSample(kinds: readonly DatasetKind[]): boolean {
  return anySample(useEvidence().datasets, kinds);
}
