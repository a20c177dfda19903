import { useState } from 'react';
import { Providers } from './Providers.tsx';
import { Tabs } from './Tabs.tsx';
import { SidePanel } from './SidePanel.tsx';
import { useFileDrop } from './useFileDrop.ts';
import { ViewControls } from '../features/controls/ViewControls.tsx';
import { MapView } from '../features/map/MapView.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { MapToolbar } from './MapToolbar.tsx';
import { PresentationMode } from '../features/presentation/PresentationMode.tsx';

/** The page: layout only. Every feature reads the view and the handles through context. */
export function App() {
  // The element over the map that sections portal their keys into.
  const [overlay, setOverlay] = useState<HTMLDivElement | null>(null);
  return (
    <Providers overlay={overlay}>
      <Page setOverlay={setOverlay} />
    </Providers>
  );
}

function Page({ setOverlay }: { setOverlay(el: HTMLDivElement | null): void }) {
  const { tab } = useSession();
  useFileDrop();
  return (
    <div className="app">
      <header className="top">
        <div className="brand">
          <h1>Ward Insight</h1>
          <p>Where problems concentrate in wards and small areas — official statistics, in plain English.</p>
        </div>
        <ViewControls />
      </header>
      <Tabs />
      <main className="layout">
        <div className="map-column">
          <MapToolbar />
          <MapView />
          <div ref={setOverlay} className="map-overlay" />
        </div>
        <aside className="side" id="side-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          <SidePanel />
        </aside>
      </main>
      <PresentationMode />
    </div>
  );
}
