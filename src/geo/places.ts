/** The five built-in local authorities (the product's fixed starting set; see PRODUCT.md). */
export const BUILT_IN_PLACES: readonly { code: string; name: string }[] = [
  { code: 'E08000016', name: 'Barnsley' },
  { code: 'E06000050', name: 'Cheshire West and Chester' },
  { code: 'E09000021', name: 'Kingston upon Thames' },
  { code: 'E06000016', name: 'Leicester' },
  { code: 'E08000010', name: 'Wigan' },
];

export function placeName(place: string): string {
  if (place === 'five') return 'all five areas';
  if (place === 'england') return 'England';
  return BUILT_IN_PLACES.find((p) => p.code === place)?.name ?? place;
}
