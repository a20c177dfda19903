import { useState } from 'react';
import { captureView } from '../../export/viewImage.ts';
import { longDateIso, slug } from '../../export/mapImage/layout.ts';
import { downloadBlob } from '../../ui/download.ts';

/** "Save map as image (PNG)": the view at print resolution with its title, key, scale bar, sources and date. */
export function MapImageButton() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const image = await captureView();
      const blob = await image.toBlob();
      downloadBlob(`ward-insight-map-${slug(image.place)}-${slug(image.legend.title)}-${longDateIso(new Date())}.png`, blob);
    } catch (e) {
      setProblem(`The map image could not be made. ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void save()} disabled={busy} aria-busy={busy} data-testid="map-image-button">
        {busy ? 'Making the image…' : 'Save map as image (PNG)'}
      </button>
      {problem && (
        <p className="problem toolbar-problem" role="alert" data-testid="map-image-problem">
          {problem}
        </p>
      )}
    </>
  );
}
