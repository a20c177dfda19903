import { MapImageButton } from '../features/map/MapImageButton.tsx';
import { PrintView } from '../features/map/PrintView.tsx';
import { SlidesToolbar } from '../features/slides/SlidesToolbar.tsx';
import { PresentButton } from '../features/presentation/PresentButton.tsx';

/** Buttons that take the view off the screen: image, print, presentation. Layout only; each button is its feature's. */
export function MapToolbar() {
  return (
    <div className="map-toolbar" role="toolbar" aria-label="Share this view" data-testid="map-toolbar">
      <MapImageButton />
      <PrintView />
      <SlidesToolbar />
      <PresentButton />
    </div>
  );
}
