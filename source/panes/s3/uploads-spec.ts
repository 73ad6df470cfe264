/**
 * The `:uploads` pane: a bucket's multipart uploads never completed nor
 * aborted (s3cmd's `multipart`), with their parts and what they hold.
 */
import { formatBytes } from '../../lib/byte-size.js';
import type { PendingUpload } from '../../aws/s3/pending-uploads.js';
import type { SessionServices } from '../../session/session.js';
import type { TablePaneSpec } from '../../table/table-spec.js';
import { numberColumn } from '../../table/number-column.js';
import { ageColumn, formatTime } from '../ec2/ec2-format.js';
import type { BrowsePlace } from './objects-spec.js';

export function uploadsSpec(
  place: BrowsePlace,
): TablePaneSpec<PendingUpload, Pick<SessionServices, 's3'>> {
  return {
    name: 'uploads',
    columns: [
      {
        id: 'key',
        title: 'KEY',
        value: (row) => row.key,
        min: 12,
        grow: 1,
      },
      ageColumn('age', (row) => row.initiated, 2),
      numberColumn({
        id: 'parts',
        title: 'PARTS',
        number: (row) => row.parts,
        priority: 3,
      }),
      numberColumn({
        id: 'size',
        title: 'SIZE',
        number: (row) => row.bytes,
        format: (bytes) => formatBytes(bytes),
        min: 6,
        priority: 2,
      }),
      {
        id: 'upload',
        title: 'UPLOAD ID',
        value: (row) => row.uploadId,
        min: 10,
        max: 24,
        priority: 5,
      },
    ],
    rowId: (row) => row.uploadId,
    describe: (row) => [
      {
        title: row.key,
        rows: [
          ['Bucket', place.bucket],
          ['Upload ID', row.uploadId],
          ['Started', formatTime(row.initiated)],
          ['Parts', String(row.parts)],
          ['Size', formatBytes(row.bytes)],
        ],
      },
    ],
    load: async (services, _cursor, signal) => ({
      rows: await services.s3.pendingUploads(
        place.bucket,
        place.prefix,
        signal,
      ),
    }),
  };
}
