import { lazy, Suspense, useEffect } from 'react';
import { useSession } from '../session/SessionContext.tsx';
import { useDatabaseState, useEvidence, useImportQueue } from '../session/handles.tsx';
import { AreasPanel } from '../features/table/AreasPanel.tsx';

// Each section's panel loads when first opened (the file readers alone are larger than the map).
const DataPanel = lazy(() => import('../features/data/DataPanel.tsx').then((m) => ({ default: m.DataPanel })));
const ImportDialog = lazy(() => import('../features/data/ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));
const SurveyPanel = lazy(() => import('../features/survey/SurveyPanel.tsx').then((m) => ({ default: m.SurveyPanel })));
const StreetRepPanel = lazy(() => import('../features/streetReps/StreetRepPanel.tsx').then((m) => ({ default: m.StreetRepPanel })));
const CrimePanel = lazy(() => import('../features/crime/CrimePanel.tsx').then((m) => ({ default: m.CrimePanel })));
const HotspotPanel = lazy(() => import('../features/hotspots/HotspotPanel.tsx').then((m) => ({ default: m.HotspotPanel })));
const LocalitiesPanel = lazy(() => import('../features/localities/LocalitiesPanel.tsx').then((m) => ({ default: m.LocalitiesPanel })));
const ComparePanel = lazy(() => import('../features/compare/ComparePanel.tsx').then((m) => ({ default: m.ComparePanel })));
const TargetPanel = lazy(() => import('../features/target/TargetPanel.tsx').then((m) => ({ default: m.TargetPanel })));

const SECTIONS = {
  hotspots: HotspotPanel,
  survey: SurveyPanel,
  'street-reps': StreetRepPanel,
  crime: CrimePanel,
  localities: LocalitiesPanel,
  compare: ComparePanel,
  target: TargetPanel,
} as const;

/** The side of the page beside the map: the open section. */
export function SidePanel() {
  const { tab } = useSession();
  const database = useDatabaseState();
  const imports = useImportQueue();
  // Sections that count police records ask for the built-in ones when first opened.
  const { needCrimes } = useEvidence();
  useEffect(() => {
    if (tab === 'crime' || tab === 'hotspots' || tab === 'target' || tab === 'compare') needCrimes();
  }, [tab, needCrimes]);
  const Section = tab in SECTIONS ? SECTIONS[tab as keyof typeof SECTIONS] : null;
  return (
    <>
      {imports.file && (
        // A modal over the whole page (a portal into <body>), whatever the tab: a file dropped on
        // any tab opens it, and an import under way always finishes in its dialog.
        <Suspense fallback={<p className="placeholder">Loading…</p>}>
          <ImportDialog
            key={imports.dialogKey}
            file={imports.file}
            others={imports.waiting}
            client={imports.client}
            onImported={imports.onImported}
            onImportOthers={(choices) => void imports.importRest(choices)}
            onClose={imports.closeFile}
          />
        </Suspense>
      )}
      {tab === 'data' && (
        <Suspense fallback={<p className="placeholder">Loading…</p>}>
          <DataPanel />
        </Suspense>
      )}
      {Section && database.status !== 'ready' && <p className="placeholder">Starting the data engine…</p>}
      {Section && database.status === 'ready' && (
        <Suspense fallback={<p className="placeholder">Loading…</p>}>
          <Section />
        </Suspense>
      )}
      {tab === 'areas' && <AreasPanel />}
    </>
  );
}
