import { describe, expect, it } from 'vitest';
import {
  uploadsOlderThan,
  type PendingUpload,
} from '../../../source/aws/s3/pending-uploads.js';
import { abortUploadsRequest } from '../../../source/panes/s3/upload-dialogs.js';

const upload = (key: string, days: number | undefined): PendingUpload => ({
  key,
  uploadId: `id-${key}`,
  initiated:
    days === undefined
      ? undefined
      : new Date(Date.UTC(2026, 11, 6) - days * 86_400_000),
  parts: 2,
  bytes: 10 * 1024 * 1024,
});

describe('pending multipart uploads', () => {
  it('chooses the uploads started more than N days ago, never one of unknown age', () => {
    const all = [upload('new', 1), upload('old', 30), upload('odd', undefined)];
    const now = new Date(Date.UTC(2026, 11, 6));
    expect(uploadsOlderThan(all, 7, now).map((found) => found.key)).toEqual([
      'old',
    ]);
    expect(uploadsOlderThan(all, 0, now).map((found) => found.key)).toEqual([
      'new',
      'old',
    ]);
  });

  it('asks for the bucket name and lists every upload it aborts with what it holds', () => {
    const request = abortUploadsRequest('backups', [
      upload('db/a.gz', 3),
      upload('db/b.gz', 9),
    ]);
    expect(request).toMatchObject({
      level: 'typed',
      expected: 'backups',
      title: 'Abort 2 uploads in backups',
      targets: ['db/a.gz  2 parts, 10 MiB', 'db/b.gz  2 parts, 10 MiB'],
    });
    expect(request.warnings?.[0]).toContain('20 MiB of parts');
  });
});
