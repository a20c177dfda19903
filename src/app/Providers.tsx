import { useRef, type ReactNode } from 'react';
import { SessionProvider, useSession } from '../session/SessionContext.tsx';
import { HandlesContext } from '../session/handles.tsx';
import { LayerDataProvider } from '../ui/layerData.tsx';
import { HoverProvider } from '../ui/hover.tsx';
import { MapPickContext, type MapPickHandler } from '../ui/mapPick.tsx';
import { ChoroplethContext, useChoropleth } from '../ui/useChoropleth.ts';
import { MapOverlayContext } from '../ui/mapOverlay.ts';
import { useAppHandles } from './useAppHandles.ts';

/** Everything the features read through context: the session, the handles and the shared UI state. */
export function Providers({ children, overlay }: { children: ReactNode; overlay: HTMLElement | null }) {
  return (
    <SessionProvider>
      <WithHandles overlay={overlay}>{children}</WithHandles>
    </SessionProvider>
  );
}

function WithHandles({ children, overlay }: { children: ReactNode; overlay: HTMLElement | null }) {
  const handles = useAppHandles();
  const session = useSession();
  const choropleth = useChoropleth(handles.database, session, handles.localitiesSynced);
  const pick = useRef<MapPickHandler | null>(null);
  return (
    <HandlesContext.Provider value={handles}>
      <ChoroplethContext.Provider value={choropleth}>
        <LayerDataProvider>
          <HoverProvider>
            <MapPickContext.Provider value={pick}>
              <MapOverlayContext.Provider value={overlay}>{children}</MapOverlayContext.Provider>
            </MapPickContext.Provider>
          </HoverProvider>
        </LayerDataProvider>
      </ChoroplethContext.Provider>
    </HandlesContext.Provider>
  );
}
