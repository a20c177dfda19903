/**
 * The value rules, one small function each, used by the normaliser for every
 * cell and by the mapping step to recognise columns by their content.
 */
export { type ValueError, type ValueOk, type ValueResult, isValueError, quote } from './result.ts';
export { type DateOrder, type DateResult, daysInMonth, excelSerialToIso, isLeapYear, parseDate, parseMonth, parseTime } from './dates.ts';
export { type Grade, headingOf, matchIssue, parseGrade } from './grades.ts';
export { isCanonicalTheme, matchTheme } from './themes.ts';
export { splitChoices } from './choices.ts';
export { normaliseAgeBand, normaliseEthnicity, normaliseSex } from './demographics.ts';
export { checkLsoaCode, checkWardCode } from './codes.ts';
export { ENGLAND_BOX, GRID_BOX, checkEastingNorthing, checkLonLat, insideEnglandBox, parseNumber } from './coordinates.ts';
export { compactKey, isNotGiven, normaliseKey, textOrNull } from './text.ts';
