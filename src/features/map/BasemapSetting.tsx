import { useEffect, useId, useState } from 'react';
import { readBasemap, saveBasemap, subscribeBasemap, tileUrlProblem, type BasemapSetting as Setting } from '../../map/basemap.ts';

/**
 * "Background map": a person may lay street tiles from a server they choose under the
 * areas. Off by default, kept on this device only, with a plain warning that the tile
 * server sees which places are viewed (nothing else ever leaves the app's origin).
 */
export function BasemapSetting() {
  const [saved, setSaved] = useState<Setting | null>(() => readBasemap());
  const [url, setUrl] = useState(saved?.url ?? '');
  const [attribution, setAttribution] = useState(saved?.attribution ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  useEffect(() => subscribeBasemap(setSaved), []);

  const turnOn = () => {
    const why = tileUrlProblem(url);
    setProblem(why);
    if (!why) saveBasemap({ url: url.trim(), attribution: attribution.trim() });
  };

  return (
    <details className="basemap-setting" data-testid="basemap-setting">
      <summary>Background map{saved ? ': on' : ''}</summary>
      <p>
        There is no street map built in. You can show one from a tile server you trust: paste its address with {'{z}'}, {'{x}'} and {'{y}'}{' '}
        where the zoom and tile numbers go.
      </p>
      <p className="basemap-warning">
        <strong>Privacy:</strong> once on, that server sees which areas you look at (and your internet address). Your data is never sent.
        This stays on this device only and is not in shared links.
      </p>
      <label htmlFor={`${id}-url`}>Tile address</label>
      <input
        id={`${id}-url`}
        type="url"
        value={url}
        placeholder="https://tiles.example.org/{z}/{x}/{y}.png"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setUrl(e.target.value)}
      />
      <label htmlFor={`${id}-credit`}>Credit line shown on the map</label>
      <input id={`${id}-credit`} type="text" value={attribution} placeholder="© the tile provider" onChange={(e) => setAttribution(e.target.value)} />
      {problem && (
        <p className="basemap-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
      <div className="basemap-buttons">
        <button type="button" onClick={turnOn}>
          {saved ? 'Update background map' : 'Turn on background map'}
        </button>
        {saved && (
          <button type="button" onClick={() => saveBasemap(null)}>
            Turn off
          </button>
        )}
      </div>
      <p role="status" className="basemap-status">
        {saved ? `On: tiles from ${hostOf(saved.url)}.` : 'Off: the map uses no outside server.'}
      </p>
    </details>
  );
}

function hostOf(template: string): string {
  try {
    return new URL(template.replace(/\{[a-z]+\}/g, '0')).host;
  } catch {
    return template;
  }
}
