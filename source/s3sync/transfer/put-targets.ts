/**
 * What `p` would replace, found before it runs so the confirmation can name
 * it: for a file, one HeadObject of the key it goes to; for a directory, the
 * dry run of the sync that uploads it (unchanged files are not sent).
 */
import { basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type { AwsClientFactory } from '../../aws/client-factory.js';
import { httpStatus, s3Context, toS3Error } from '../../aws/s3/s3-errors.js';
import type { ObjectRow } from '../../aws/s3/types.js';
import { describeError, isAbortError, UserError } from '../../lib/errors.js';
import type { SyncHooks, SyncResult, SyncSpec } from '../sync-spec.js';

/** Replaced objects kept to list; the count stays exact beyond. */
const LISTED = 1000;

export interface PutTargets {
  /** The first replaced objects, as they are now. */
  readonly replaced: readonly ObjectRow[];
  readonly replacedCount: number;
  /** Objects the upload makes where there were none. */
  readonly added: number;
  /** Why what is there could not be looked at (a HEAD refused with 403). */
  readonly unchecked?: string;
}

/** The key a file goes to, and the prefix a directory goes under: put's rule. */
const putFileKey = (path: string, prefix: string) => prefix + basename(path);
const putDirPrefix = (path: string, prefix: string) =>
  `${prefix}${basename(path)}/`;

export async function putTargets(
  factory: AwsClientFactory,
  sync: (spec: SyncSpec, hooks: SyncHooks) => Promise<SyncResult>,
  path: string,
  bucket: string,
  prefix: string,
  signal: AbortSignal,
): Promise<PutTargets> {
  const stats = await stat(path).catch(() => undefined);
  if (stats?.isDirectory()) {
    const replaced: ObjectRow[] = [];
    let replacedCount = 0;
    let added = 0;
    await sync(
      {
        source: { kind: 'local', path },
        destination: { kind: 's3', bucket, prefix: putDirPrefix(path, prefix) },
        dryRun: true,
      },
      {
        signal,
        onPlanned: ({ action, remote }) => {
          if (action !== 'upload') return;
          if (remote === undefined) return void added++;
          replacedCount++;
          if (replaced.length < LISTED)
            replaced.push({
              key: remote.key,
              size: remote.size,
              modified: new Date(remote.modifiedMs),
              storageClass: remote.storageClass,
              etag: remote.etag,
            });
        },
      },
    );
    return { replaced, replacedCount, added };
  }
  if (!stats?.isFile())
    throw new UserError(`${path} is neither a file nor a directory`, {
      hint: 'type the path of a file or a directory on this machine',
    });
  const key = putFileKey(path, prefix);
  const context = s3Context(factory, 'HeadObject', bucket, key);
  const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
  const client = await factory.s3();
  try {
    const head = await client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: key }),
      { abortSignal: signal },
    );
    const object: ObjectRow = {
      key,
      size: head.ContentLength ?? 0,
      modified: head.LastModified,
      storageClass: head.StorageClass,
      etag: head.ETag,
    };
    return { replaced: [object], replacedCount: 1, added: 0 };
  } catch (error) {
    if (isAbortError(error)) throw error;
    const status = httpStatus(error);
    if (status === 404) return { replaced: [], replacedCount: 0, added: 1 };
    // Without s3:GetObject (or s3:ListBucket) S3 answers 403 whether or not it exists.
    if (status === 403)
      return {
        replaced: [],
        replacedCount: 0,
        added: 0,
        unchecked: describeError(toS3Error(error, context)),
      };
    throw toS3Error(error, context);
  }
}
