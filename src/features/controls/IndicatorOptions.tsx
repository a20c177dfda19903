import type { Indicator } from '../../db/queries/indicatorCatalogue.ts';

function groupByTheme(catalogue: readonly Indicator[]): [string, Indicator[]][] {
  const groups = new Map<string, Indicator[]>();
  for (const i of catalogue) groups.set(i.theme, [...(groups.get(i.theme) ?? []), i]);
  return [...groups];
}

/** The catalogue's measures as <option>s grouped by theme (with a prefix for each group's label when nested under another heading). */
export function IndicatorOptions({ catalogue, prefix = '' }: { catalogue: readonly Indicator[]; prefix?: string }) {
  return (
    <>
      {groupByTheme(catalogue).map(([theme, items]) => (
        <optgroup key={theme} label={`${prefix}${theme}`}>
          {items.map((i) => (
            <option key={i.code} value={i.code}>
              {i.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
