/** Fetch one of the app's own data files (never a third-party URL). */
export async function fetchBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(new URL(path, document.baseURI));
  if (!res.ok) throw new Error(`Could not load ${path} (HTTP ${res.status}).`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(new URL(path, document.baseURI));
  if (!res.ok) throw new Error(`Could not load ${path} (HTTP ${res.status}).`);
  return (await res.json()) as T;
}
