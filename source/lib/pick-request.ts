/** A choice of one item from a list (an instance, a zone, a region). */
export interface PickItem {
  readonly id: string;
  readonly label: string;
  /** Shown dimmed after the label: state, zone, IP. */
  readonly detail?: string;
}

export interface PickRequest {
  readonly title: string;
  readonly items: readonly PickItem[];
  /** Said when there is nothing to pick ("no running instance in eu-west-1a"). */
  readonly empty?: string;
}

/** Items whose label, ID or detail contains every word typed, case-insensitive. */
export function filterPickItems(
  items: readonly PickItem[],
  query: string,
): PickItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    const text = `${item.id} ${item.label} ${item.detail ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
