/**
 * A slide's view in one line of plain words ("Official statistics: Index of
 * Multiple Deprivation, small areas in Leicester"), for the slide list and the
 * handout. Pure: the indicator names come from the catalogue the caller has.
 */
import { TAB_LABELS, type Session } from '../../session/document.ts';
import { LEVELS } from '../../geo/levels.ts';
import { placeName } from '../../geo/places.ts';
import { THEMES } from '../../analysis/themes/definitions.ts';

/** An indicator code's name, or null when the catalogue does not know it (yet). */
export type IndicatorName = (code: string) => string | null;

// An indicator the catalogue does not know (still loading, or a dataset since removed) is left out: a code means nothing to a reader.
const themeOrIndicator = (measure: string, name: IndicatorName) => THEMES.find((t) => t.id === measure)?.label.toLowerCase() ?? name(measure);

const prefixed = (before: string, words: string | null) => (words ? `${before}${words}` : '');

function measureWords(s: Session, name: IndicatorName): string | null {
  switch (s.tab) {
    case 'hotspots':
      return s.hotspot.mode === 'emerging'
        ? `emerging hot spots of ${s.hotspot.emerging.source === 'crime' ? 'police-recorded crime' : 'street reps’ reports'}`
        : `hot spots${prefixed(' of ', themeOrIndicator(s.hotspot.measure, name))}`;
    case 'target':
      return `need${prefixed(' for ', themeOrIndicator(s.target.theme, name))}`;
    case 'crime':
      return s.crime.type ? s.crime.type : 'all crime types';
    case 'survey':
    case 'street-reps':
      return null;
    default:
      return name(s.indicator);
  }
}

export function describeView(s: Session, name: IndicatorName): string {
  const level = s.tab === 'target' ? s.target.level : s.level;
  const where = `${LEVELS[level].plural} in ${placeName(s.place)}`;
  const measure = measureWords(s, name);
  const parts = [measure ? `${measure}, ${where}` : where];
  if (s.area) parts.push('one area selected');
  return `${TAB_LABELS[s.tab]}: ${parts.join('; ')}`;
}
