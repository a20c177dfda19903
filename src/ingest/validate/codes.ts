import { type ValueResult, quote } from './result.ts';

const LSOA = /^E01\d{6}$/;
const WARD = /^E05\d{6}$/;

function checkCode(text: string, pattern: RegExp, prefix: string, what: string): ValueResult<string> {
  const t = text.trim().toUpperCase();
  if (pattern.test(t)) return { value: t };
  if (/^W0\d{7}$/.test(t)) return { error: `${quote(text.trim())} is a Welsh code; this app covers England (${what} codes start ${prefix}).` };
  const article = what === 'LSOA' ? 'an' : 'a';
  return { error: `${quote(text.trim())} isn't ${article} ${what} code (${prefix} followed by 6 digits).` };
}

/** An LSOA (small area) code: E01 and six digits; case and spaces around it are forgiven. */
export function checkLsoaCode(text: string): ValueResult<string> {
  return checkCode(text, LSOA, 'E01', 'LSOA');
}

/** An electoral ward code: E05 and six digits. */
export function checkWardCode(text: string): ValueResult<string> {
  return checkCode(text, WARD, 'E05', 'ward');
}
