/**
 * Keys of the S3 panes, in the same spirit as the EC2 ones: X is the
 * irreversible one (typed confirmation), n makes something new, and a
 * capital letter is the stronger form (F removes a bucket with everything in it, like rb --force).
 */
import type { Binding } from './bindings.js';

const buckets = 'pane:buckets' as const;
const objects = 'pane:objects' as const;
const uploads = 'pane:uploads' as const;
const s3Jobs = 'pane:s3-jobs' as const;

export const S3_BINDINGS = [
  {
    command: 'buckets.make',
    keys: ['n'],
    scope: buckets,
    hint: 'new',
    write: true,
    description:
      'make a bucket (mb): name checked against the S3 rules, then if it is taken',
  },
  {
    command: 'buckets.remove',
    keys: ['X'],
    scope: buckets,
    hint: 'remove',
    write: true,
    description:
      'remove an empty bucket (rb); a non-empty one is refused first, with its counts',
  },
  {
    command: 'buckets.purge',
    keys: ['F'],
    scope: buckets,
    hint: 'remove all',
    write: true,
    description:
      'remove a bucket with every object, version, delete marker and upload (rb --force)',
  },
  {
    command: 'buckets.uploads',
    keys: ['u'],
    scope: buckets,
    hint: 'uploads',
    description:
      'pending multipart uploads of the bucket (s3cmd multipart): parts, size, abort',
  },
  {
    command: 'buckets.moveRegion',
    keys: ['r'],
    scope: buckets,
    hint: 'to region',
    description:
      'move to another region (wizard: new bucket, its configuration, its contents)',
  },
  {
    command: 'uploads.abort',
    keys: ['X'],
    scope: uploads,
    hint: 'abort',
    write: true,
    description:
      'abort the upload, or every marked one (type the bucket name to confirm)',
  },
  {
    command: 'uploads.abortOlder',
    keys: ['O'],
    scope: uploads,
    hint: 'abort older',
    write: true,
    description: 'abort every upload started more than N days ago (abortmp)',
  },
  {
    command: 'buckets.sync',
    keys: ['s'],
    scope: buckets,
    hint: 'sync',
    description:
      'sync a local directory with the bucket; a dry-run plan comes first',
  },
  {
    command: 'objects.up',
    // Terminals send DEL for Backspace, which Ink names delete.
    keys: ['backspace', 'delete', 'left'],
    scope: objects,
    hint: 'up',
    description: 'up one prefix (Esc too)',
  },
  {
    command: 'objects.get',
    keys: ['D'],
    scope: objects,
    hint: 'download',
    description:
      'download the object, or everything under the prefix, to a directory',
  },
  {
    command: 'objects.put',
    keys: ['p'],
    scope: objects,
    hint: 'put',
    write: true,
    description:
      'upload a file or a directory here; objects it would replace are named first',
  },
  {
    command: 'objects.sync',
    keys: ['s'],
    scope: objects,
    hint: 'sync',
    description:
      'sync a local directory with this prefix; a dry-run plan comes first',
  },
  {
    command: 'objects.view',
    keys: ['v'],
    scope: objects,
    hint: 'view',
    description: 'view a text object (the first 256 KiB)',
  },
  {
    command: 'objects.url',
    keys: ['u'],
    scope: objects,
    hint: 'URL',
    description: 'copy a presigned GET URL, valid for one hour (OSC 52)',
  },
  {
    command: 'objects.delete',
    keys: ['X'],
    scope: objects,
    hint: 'delete',
    write: true,
    description:
      'delete the object, the marked ones, or everything under a prefix',
  },
  {
    command: 's3jobs.follow',
    keys: ['f'],
    scope: s3Jobs,
    hint: 'follow',
    description:
      'follow the job in the job strip until it ends (Ctrl+C stops following only)',
  },
  {
    command: 's3jobs.cancel',
    keys: ['X'],
    scope: s3Jobs,
    hint: 'cancel',
    write: true,
    description:
      'cancel the Batch Operations job or DataSync execution (asks first)',
  },
] as const satisfies readonly Binding[];
