/**
 * The object browser: one level of a bucket at a time, prefixes first, like
 * a directory listing. The place is "bucket/prefix/" (see View.at).
 */
import { formatBytes } from '../../lib/byte-size.js';
import type { ObjectRow } from '../../aws/s3/types.js';
import type { SessionServices } from '../../session/session.js';
import { formatTime } from '../ec2/ec2-format.js';
import type { TablePaneSpec } from '../../table/table-spec.js';

export interface BrowseEntry {
  readonly kind: 'prefix' | 'object';
  /** The whole key (a prefix ends in '/'). */
  readonly key: string;
  /** The part below the current prefix. */
  readonly name: string;
  readonly object?: ObjectRow;
}

export interface BrowsePlace {
  readonly bucket: string;
  readonly prefix: string;
}

/** "bucket/a/b/" -> { bucket, prefix: "a/b/" }; undefined without a bucket. */
export function parsePlace(at: string | undefined): BrowsePlace | undefined {
  if (!at) return undefined;
  const slash = at.indexOf('/');
  const bucket = slash === -1 ? at : at.slice(0, slash);
  if (bucket === '') return undefined;
  return { bucket, prefix: slash === -1 ? '' : at.slice(slash + 1) };
}

export function placeText(place: BrowsePlace): string {
  return `${place.bucket}/${place.prefix}`;
}

export function placeUri(place: BrowsePlace): string {
  return `s3://${place.bucket}/${place.prefix}`;
}

const PAGE_SIZE = 1000;

export function objectsSpec(
  place: BrowsePlace,
): TablePaneSpec<BrowseEntry, Pick<SessionServices, 's3'>> {
  return {
    name: 'objects',
    columns: [
      {
        id: 'name',
        title: 'NAME',
        value: (row) => row.name,
        min: 12,
        grow: 1,
      },
      {
        id: 'size',
        title: 'SIZE',
        value: (row) =>
          row.object ? formatBytes(row.object.size, { compact: true }) : 'DIR',
        sortValue: (row) => row.object?.size ?? -1,
        align: 'right',
        min: 7,
      },
      {
        id: 'modified',
        title: 'MODIFIED',
        value: (row) => formatTime(row.object?.modified).replace(' UTC', ''),
        sortValue: (row) => row.object?.modified?.getTime() ?? 0,
        min: 16,
        priority: 2,
      },
      {
        id: 'class',
        title: 'CLASS',
        value: (row) => row.object?.storageClass ?? '',
        min: 8,
        priority: 3,
      },
    ],
    rowId: (row) => row.key,
    describe: (row) => [
      {
        title: row.kind === 'prefix' ? 'Prefix' : 'Object',
        rows: [
          ['URI', `s3://${place.bucket}/${row.key}`],
          ...(row.object
            ? ([
                [
                  'Size',
                  `${formatBytes(row.object.size)} (${row.object.size} bytes)`,
                ],
                ['Modified', formatTime(row.object.modified)],
                ['Storage class', row.object.storageClass ?? '-'],
                ['ETag', row.object.etag ?? '-'],
              ] as const)
            : []),
        ],
      },
    ],
    load: async (services, cursor, signal) => {
      const page = await services.s3.listObjects(
        place.bucket,
        {
          prefix: place.prefix,
          delimiter: '/',
          pageSize: PAGE_SIZE,
          ...(cursor === undefined ? {} : { cursor }),
        },
        signal,
      );
      const below = (key: string) => key.slice(place.prefix.length);
      return {
        rows: [
          ...page.prefixes.map((key) => ({
            kind: 'prefix' as const,
            key,
            name: below(key),
          })),
          // The folder marker of this prefix itself is not an entry of it.
          ...page.objects
            .filter((object) => object.key !== place.prefix)
            .map((object) => ({
              kind: 'object' as const,
              key: object.key,
              name: below(object.key),
              object,
            })),
        ],
        next: page.next,
      };
    },
  };
}
