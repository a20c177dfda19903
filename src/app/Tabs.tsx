import { useRef } from 'react';
import { TAB_LABELS, type Tab } from '../session/document.ts';
import { useDispatch, useSession } from '../session/SessionContext.tsx';


/** The app's sections as an ARIA tab list: arrow keys move between tabs, one tab stop. */
export function Tabs() {
  const { tab } = useSession();
  const dispatch = useDispatch();
  const onChange = (t: Tab) => dispatch({ type: 'setTab', tab: t });
  const refs = useRef(new Map<Tab, HTMLButtonElement>());
  const tabs = Object.keys(TAB_LABELS) as Tab[];
  const move = (from: Tab, step: number) => {
    const next = tabs[(tabs.indexOf(from) + step + tabs.length) % tabs.length]!;
    onChange(next);
    refs.current.get(next)?.focus();
  };
  return (
    <nav className="tabs" role="tablist" aria-label="Sections">
      {tabs.map((t) => (
        <button
          key={t}
          ref={(el) => void (el ? refs.current.set(t, el) : refs.current.delete(t))}
          type="button"
          role="tab"
          id={`tab-${t}`}
          aria-selected={tab === t}
          aria-controls="side-panel"
          tabIndex={tab === t ? 0 : -1}
          data-testid={`tab-${t}`}
          onClick={() => onChange(t)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') move(t, 1);
            if (e.key === 'ArrowLeft') move(t, -1);
          }}
        >
          {TAB_LABELS[t]}
        </button>
      ))}
    </nav>
  );
}
