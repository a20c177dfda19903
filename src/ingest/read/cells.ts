/**
 * Typed values from Excel, Parquet and GeoJSON become the same plain strings a
 * CSV would hold, so every later step deals with one representation.
 */

/**
 * A number as a plain decimal string, never in exponent form
 * ("0.0000012", not "1.2e-6"), so the validator parses every source alike.
 */
export function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '' : String(value);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return expandExponent(text);
}

/** "1.25e-7" → "0.000000125"; "1.5e+21" → "1500000000000000000000". */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const digits = whole + fraction;
  const pointAt = whole.length + Number(exponentText);
  let result: string;
  if (pointAt <= 0) result = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) result = digits + '0'.repeat(pointAt - digits.length);
  else result = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  result = result.replace(/^0+(?=\d)/, '');
  if (result.includes('.')) result = result.replace(/\.?0+$/, '');
  return sign + result;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A date as ISO text in UTC: 'YYYY-MM-DD' when it falls on midnight, else
 * 'YYYY-MM-DDTHH:MM' (with ':SS' only when the seconds are not zero).
 * Rounded to the nearest second first: Excel serial dates are fractions of a
 * day and come back as e.g. 10:29:59.999.
 */
export function dateToIsoString(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  const rounded = new Date(Math.round(ms / 1000) * 1000);
  const year = rounded.getUTCFullYear();
  const day = `${year < 0 || year > 9999 ? String(year) : pad(year, 4)}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
  const hours = rounded.getUTCHours();
  const minutes = rounded.getUTCMinutes();
  const seconds = rounded.getUTCSeconds();
  if (hours === 0 && minutes === 0 && seconds === 0) return day;
  return `${day}T${pad(hours)}:${pad(minutes)}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
}

/** Any decoded value as a cell string: null/undefined → '', dates → ISO, bigint → decimal, objects → JSON. */
export function valueToCell(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return numberToPlainString(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return '';
    case 'object':
      if (value === null) return '';
      if (value instanceof Date) return dateToIsoString(value);
      if (value instanceof Uint8Array) return bytesToHex(value);
      return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
    default:
      return String(value);
  }
}

function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
