/** Column sort: numbers as numbers, text in natural order ("i-2" before "i-10"). */
const collator = new Intl.Collator('en', {
  numeric: true,
  sensitivity: 'base',
});

export type SortDirection = 'asc' | 'desc';

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function sortBy<T>(
  items: readonly T[],
  key: (item: T) => string | number,
  direction: SortDirection,
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  // Stable: equal keys keep the order the service returned.
  return items
    .map((item, index) => ({ item, index, key: key(item) }))
    .sort((a, b) => sign * compareValues(a.key, b.key) || a.index - b.index)
    .map((entry) => entry.item);
}
