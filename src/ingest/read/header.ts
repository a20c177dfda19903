/**
 * Column names must be unique and non-blank for the mapping step (a user picks
 * a column by its name). Blank names become "Column N" (N = its position, as a
 * spreadsheet user would count), repeats become "Name (2)", "Name (3)".
 */
export interface UniqueHeader {
  header: string[];
  /** Plain-English note listing the renames, or undefined when nothing changed. */
  note?: string;
}

export function makeHeaderUnique(raw: readonly string[]): UniqueHeader {
  const trimmed = raw.map((name) => name.trim());
  // Names present in the file are reserved first so a rename never collides with a real column.
  const taken = new Set(trimmed.filter((name) => name !== ''));
  const seen = new Set<string>();
  const renames: string[] = [];
  const nextNumber = new Map<string, number>();
  const header = trimmed.map((name, index) => {
    const position = index + 1;
    if (name === '') {
      const fresh = freshName(`Column ${position}`, taken, nextNumber);
      renames.push(`column ${position} had no name, so it is called "${fresh}"`);
      return fresh;
    }
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    const fresh = freshName(name, taken, nextNumber);
    renames.push(`column ${position} repeats the name "${name}", so it is called "${fresh}"`);
    return fresh;
  });
  if (renames.length === 0) return { header };
  const shown = renames.slice(0, 5).join('; ');
  const more = renames.length > 5 ? `; and ${renames.length - 5} more` : '';
  return { header, note: `Some column names were blank or repeated: ${shown}${more}.` };
}

/**
 * `base` if free, else "base (2)", "base (3)"…; the chosen name is then taken.
 * The search for each base resumes where it last stopped, so 50,000 columns
 * of one name take linear time, not quadratic.
 */
function freshName(base: string, taken: Set<string>, nextNumber: Map<string, number>): string {
  let candidate = base;
  let n = nextNumber.get(base) ?? 2;
  while (taken.has(candidate)) candidate = `${base} (${n++})`;
  nextNumber.set(base, n);
  taken.add(candidate);
  return candidate;
}
