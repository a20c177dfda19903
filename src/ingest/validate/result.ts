/**
 * What every value rule returns: the cleaned value, the value plus a note
 * saying how it was read ("altered"), or a plain-English reason it can't be used.
 * A missing value that is allowed (blank, "n/a") is `{ value: null }`, not an error.
 */
export type ValueOk<T> = { value: T; altered?: string };
export type ValueError = { error: string };
export type ValueResult<T> = ValueOk<T> | ValueError;

export function isValueError<T>(result: ValueResult<T>): result is ValueError {
  return 'error' in result;
}

/** Quote a value from the file for a message, shortening very long text. */
export function quote(text: string): string {
  const t = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `'${t}'`;
}
