/** What the wizard's source picker offers: the kinds of source, and the resources of a kind. */
import type { Page } from '../../panes/types.js';
import type { PickItem } from '../../lib/pick-request.js';
import type { SessionServices } from '../../session/session.js';
import type { SourceKind } from './types.js';

/** Pages read for the source picker at the most. */
const MAX_PAGES = 10;

export const KINDS: readonly PickItem[] = [
  {
    id: 'instance',
    label: 'An instance',
    detail: 'image it, copy the image, relaunch if wanted',
  },
  {
    id: 'volume',
    label: 'A volume',
    detail: 'snapshot, copy, create the volume there',
  },
  { id: 'snapshot', label: 'A snapshot', detail: 'copy it' },
  { id: 'image', label: 'An AMI', detail: 'copy it (type its ID)' },
];

async function readAll<Row>(
  list: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<Row>>,
): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await list(cursor, new AbortController().signal);
    rows.push(...result.rows);
    cursor = result.next;
    if (cursor === undefined) break;
  }
  return rows;
}

export async function sourceItems(
  services: SessionServices,
  kind: Exclude<SourceKind, 'image'>,
): Promise<PickItem[]> {
  if (kind === 'instance')
    return (
      (await readAll((c, s) => services.instances.list(c, s)))
        // Gone or going: nothing left to copy.
        .filter((row) => !['terminated', 'shutting-down'].includes(row.state))
        .map((row) => ({
          id: row.id,
          label: row.name || row.id,
          detail: `${row.id} ${row.state} ${row.type} ${row.az}`,
        }))
    );
  if (kind === 'volume')
    return (await readAll((c, s) => services.volumes.list(c, s))).map(
      (row) => ({
        id: row.id,
        label: row.name || row.id,
        detail: `${row.id} ${row.size} GiB ${row.type} ${row.state} ${row.az}`,
      }),
    );
  return (await readAll((c, s) => services.snapshots.list(c, s))).map(
    (row) => ({
      id: row.id,
      label: row.name || row.id,
      detail: `${row.id} ${row.size} GiB ${row.state}`,
    }),
  );
}
