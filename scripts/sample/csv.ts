/** CSV text with RFC 4180 quoting: a field is quoted only when it holds a comma, quote or line break. */

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\n') + '\n';
}
