/**
 * `opsdeck s3 sync s3://a s3://b`: the bucket copy engine with the flags of
 * `aws s3 sync` for copies (--storage-class, --sse, --sse-kms-key-id).
 */
import {
  bucketSyncDeps,
  runBucketSync,
} from '../../s3sync/bucket-sync-deps.js';
import type {
  SyncHooks,
  SyncResult,
  SyncSpec,
} from '../../s3sync/sync-spec.js';
import { createUploadJournal } from '../../s3sync/transfer/upload-journal.js';
import { UserError } from '../../lib/errors.js';
import { UsageError } from '../command-io.js';
import type { S3Session } from './s3-session.js';

const SSE = ['AES256', 'aws:kms', 'aws:kms:dsse'];
const STORAGE_CLASSES = [
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'GLACIER_IR',
];

export type CopyOptions = Pick<
  SyncSpec,
  'storageClass' | 'sse' | 'sseKmsKeyId'
>;

/** The copy flags, checked before any request. */
export function copyOptions(options: {
  readonly storageClass?: string;
  readonly sse?: string;
  readonly sseKmsKeyId?: string;
}): CopyOptions {
  const { storageClass, sse, sseKmsKeyId } = options;
  if (storageClass !== undefined && !STORAGE_CLASSES.includes(storageClass))
    throw new UsageError(
      `--storage-class ${storageClass} is not one of ${STORAGE_CLASSES.join(', ')}`,
    );
  if (sse !== undefined && !SSE.includes(sse))
    throw new UsageError(`--sse ${sse} is not one of ${SSE.join(', ')}`);
  if (sseKmsKeyId !== undefined && sse === undefined)
    throw new UsageError('--sse-kms-key-id needs --sse aws:kms');
  return {
    ...(storageClass === undefined ? {} : { storageClass }),
    ...(sse === undefined ? {} : { sse }),
    ...(sseKmsKeyId === undefined ? {} : { sseKmsKeyId }),
  };
}

export async function bucketSyncCommand(
  session: S3Session,
  spec: SyncSpec,
  copy: CopyOptions,
  hooks: SyncHooks,
): Promise<SyncResult> {
  // Copies are writes: refused before the first request, not at the first copy.
  if (session.readOnly.readOnly && spec.dryRun !== true)
    throw new UserError('read-only: the bucket copy was not run', {
      hint: `${session.readOnly.reason}; --dryrun shows the plan`,
    });
  return runBucketSync(
    { ...spec, ...copy },
    bucketSyncDeps(session.factory, createUploadJournal(session.journalDir)),
    hooks,
  );
}
