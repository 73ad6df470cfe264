import type { PickItem } from '../../lib/pick-request.js';
import type { BucketRow } from '../../aws/s3/types.js';
import type {
  InstanceRow,
  SnapshotRow,
  VolumeRow,
} from '../../aws/ec2/types.js';
import type { SourceKind } from './types.js';
import type { Page } from '../../lib/view-types.js';

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
  {
    id: 'bucket',
    label: 'A bucket',
    detail: 'new bucket there, its configuration, then its contents',
  },
];

/** A list read a page at a time, as the EC2 services give them. */
interface Lister<Row> {
  list(cursor: string | undefined, signal: AbortSignal): Promise<Page<Row>>;
}

/** The lists the source picker reads; the session's EC2 services fit. */
export interface SourceListers {
  readonly instances: Lister<InstanceRow>;
  readonly volumes: Lister<VolumeRow>;
  readonly snapshots: Lister<SnapshotRow>;
  readonly s3: {
    listBuckets(signal: AbortSignal): Promise<BucketRow[]>;
  };
}

/** Buckets of every region, each with where it is; the region picks the copy's source region. */
export async function bucketSources(
  listers: SourceListers,
  signal: AbortSignal,
): Promise<{ items: PickItem[]; regions: ReadonlyMap<string, string> }> {
  const rows = await listers.s3.listBuckets(signal);
  const regions = new Map<string, string>();
  for (const row of rows)
    if (row.region !== undefined) regions.set(row.name, row.region);
  return {
    items: rows.map((row) => ({
      id: row.name,
      label: row.name,
      detail: row.region ?? 'region unknown (no permission to read it)',
    })),
    regions,
  };
}

async function readAll<Row>(
  lister: Lister<Row>,
  signal: AbortSignal,
): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await lister.list(cursor, signal);
    rows.push(...result.rows);
    cursor = result.next;
    if (cursor === undefined) break;
  }
  return rows;
}

/** The name as the label; the ID in the detail only when the label is not the ID already. */
function sourceItem(id: string, name: string, facts: string): PickItem {
  return { id, label: name || id, detail: name ? `${id} ${facts}` : facts };
}

export async function sourceItems(
  listers: SourceListers,
  kind: Exclude<SourceKind, 'image' | 'bucket'>,
  signal: AbortSignal,
): Promise<PickItem[]> {
  if (kind === 'instance')
    return (
      (await readAll(listers.instances, signal))
        // Gone or going: nothing left to copy.
        .filter((row) => !['terminated', 'shutting-down'].includes(row.state))
        .map((row) =>
          sourceItem(row.id, row.name, `${row.state} ${row.type} ${row.az}`),
        )
    );
  if (kind === 'volume')
    return (await readAll(listers.volumes, signal)).map((row) =>
      sourceItem(
        row.id,
        row.name,
        `${row.size} GiB ${row.type} ${row.state} ${row.az}`,
      ),
    );
  return (await readAll(listers.snapshots, signal)).map((row) =>
    sourceItem(row.id, row.name, `${row.size} GiB ${row.state}`),
  );
}
