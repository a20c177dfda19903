import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocalitiesPanel } from '../../../src/features/localities/LocalitiesPanel.tsx';
import { SessionProvider } from '../../../src/session/SessionContext.tsx';
import { HandlesContext, type Handles } from '../../../src/session/handles.tsx';
import { DEFAULT_SESSION } from '../../../src/session/document.ts';

// The panel's first paint, without a database: what a person sees while the data engine starts.
function render(localities: typeof DEFAULT_SESSION.localities): string {
  const handles = { database: { status: 'loading' }, evidence: {}, imports: {}, localitiesSynced: null } as unknown as Handles;
  return renderToString(
    createElement(HandlesContext.Provider, { value: handles }, createElement(SessionProvider, { initial: { ...DEFAULT_SESSION, localities }, children: createElement(LocalitiesPanel) })),
  );
}

describe('LocalitiesPanel', () => {
  it('lists the localities with their wards and says where they are kept', () => {
    const html = render([
      { id: 'Lchest01', name: 'Chester West', wards: ['E05012209', 'E05012221'], lsoas: [] },
      { id: 'Lport001', name: 'Ellesmere Port', wards: ['E05012244'], lsoas: [] },
    ]);
    expect(html).toContain('Kept in this browser and in the page’s link; nothing is sent anywhere.');
    expect(html).toMatch(/data-testid="locality-row-Lchest01"[\s\S]*Chester West[\s\S]*2 wards/);
    expect(html).toMatch(/data-testid="locality-row-Lport001"[\s\S]*Ellesmere Port[\s\S]*1 ward</);
    for (const id of ['locality-show-Lchest01', 'locality-edit-Lchest01', 'locality-delete-Lchest01', 'localities-export', 'localities-file-input']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    // Making one needs the ward list, so it waits for the data engine.
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="locality-new"/);
    expect(html).toContain('Starting the data engine…');
  });

  it('says how to start when there are none, and offers no export', () => {
    const html = render([]);
    expect(html).toContain('You have no localities yet.');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="localities-export"/);
  });
});
