/**
 * Localities kept in this browser (localStorage: they are a few hundred bytes),
 * with a schema version so a later shape can read an older one.
 */
import { cleanLocalityName, isLocalityId, type Locality } from './locality.ts';

const KEY = 'ward-insight.localities';
const CODE = /^E0[15]\d{6}$/;

/** Read back a stored (or imported) list; anything unrecognisable is left out, never thrown. */
export function readLocalities(value: unknown): Locality[] {
  const list = (value as { v?: unknown; localities?: unknown } | null)?.localities;
  if (!Array.isArray(list)) return [];
  const out: Locality[] = [];
  for (const item of list as unknown[]) {
    const l = item as Partial<Record<keyof Locality, unknown>>;
    if (typeof l?.id !== 'string' || !isLocalityId(l.id) || typeof l.name !== 'string' || out.some((o) => o.id === l.id)) continue;
    const codes = (v: unknown, prefix: string) => (Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string' && CODE.test(c) && c.startsWith(prefix)) : []);
    const locality = { id: l.id, name: cleanLocalityName(l.name), wards: codes(l.wards, 'E05'), lsoas: codes(l.lsoas, 'E01') };
    if (locality.name && locality.wards.length + locality.lsoas.length) out.push(locality);
  }
  return out;
}

export function loadStoredLocalities(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): Locality[] {
  try {
    const raw = storage?.getItem(KEY);
    return raw ? readLocalities(JSON.parse(raw)) : [];
  } catch {
    return [];
  }
}

export function storeLocalities(localities: readonly Locality[], storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ v: 1, localities }));
  } catch {
    // Storage full or blocked: the localities still live in the link and this page.
  }
}
