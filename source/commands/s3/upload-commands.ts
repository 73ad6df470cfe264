/**
 * `opsdeck s3 multipart` and `opsdeck s3 abortmp`, named as s3cmd names
 * them: the multipart uploads of a bucket that were never completed (their
 * parts are billed until aborted), and aborting them, all of them or those
 * older than N days, after a typed confirmation (or --yes in a script).
 */
import { formatBytes } from '../../lib/byte-size.js';
import {
  uploadsOlderThan,
  type PendingUpload,
} from '../../aws/s3/pending-uploads.js';
import { parseS3Uri } from '../../aws/s3/s3-uri.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  jsonLine,
  type CommandIo,
} from '../command-io.js';
import type { S3Session } from './s3-session.js';

export interface UploadCommandOptions {
  readonly json?: boolean;
  readonly yes?: boolean;
  /** abortmp: only uploads started more than this many days ago. */
  readonly olderThan?: number;
}

const stamp = (date: Date | undefined) =>
  date ? date.toISOString().slice(0, 19).replace('T', ' ') : '?'.padEnd(19);

function uploadLine(upload: PendingUpload): string {
  return `${stamp(upload.initiated)}  ${String(upload.parts).padStart(5)}  ${formatBytes(upload.bytes).padStart(9)}  ${upload.key}  ${upload.uploadId}`;
}

function uploadJson(upload: PendingUpload): string {
  return jsonLine({
    key: upload.key,
    uploadId: upload.uploadId,
    initiated: upload.initiated?.toISOString() ?? null,
    parts: upload.parts,
    bytes: upload.bytes,
  });
}

export async function multipartCommand(
  session: S3Session,
  uri: string,
  options: UploadCommandOptions,
  io: CommandIo,
): Promise<number> {
  const { bucket, key } = parseS3Uri(uri);
  const uploads = await session.service.pendingUploads(bucket, key, io.signal);
  for (const upload of uploads)
    io.out(options.json ? uploadJson(upload) : uploadLine(upload));
  if (!options.json && uploads.length === 0)
    io.err(`no pending multipart uploads in s3://${bucket}/${key}`);
  return EXIT_OK;
}

export async function abortmpCommand(
  session: S3Session,
  uri: string,
  options: UploadCommandOptions,
  io: CommandIo,
): Promise<number> {
  const { bucket, key } = parseS3Uri(uri);
  if (session.readOnly.readOnly) {
    io.err(
      `opsdeck: read-only: abortmp was not run (${session.readOnly.reason})`,
    );
    return EXIT_FAILED;
  }
  if (
    options.olderThan !== undefined &&
    !(Number.isFinite(options.olderThan) && options.olderThan >= 0)
  )
    throw new UsageError('--older-than takes a number of days, e.g. 7');
  const pending = await session.service.pendingUploads(bucket, key, io.signal);
  const chosen =
    options.olderThan === undefined
      ? pending
      : uploadsOlderThan(pending, options.olderThan, new Date());
  if (chosen.length === 0) {
    io.err(
      `no pending multipart uploads${options.olderThan === undefined ? '' : ` older than ${options.olderThan} days`} in s3://${bucket}/${key}`,
    );
    if (options.json) io.out(jsonLine({ bucket, aborted: 0, failed: [] }));
    return EXIT_OK;
  }
  const bytes = chosen.reduce((sum, upload) => sum + upload.bytes, 0);
  io.err(
    `abortmp s3://${bucket}/${key} aborts ${chosen.length} uploads holding ${formatBytes(bytes)} of parts:`,
  );
  for (const upload of chosen) io.err(`  ${uploadLine(upload)}`);
  if (!options.yes) {
    if (!io.interactive) {
      io.err(
        'opsdeck: abortmp needs a typed confirmation; without a terminal pass --yes to confirm.',
      );
      return EXIT_USAGE;
    }
    const typed = await io.prompt(
      `Type the bucket name (${bucket}) to confirm: `,
    );
    if (typed.trim() !== bucket) {
      io.err('opsdeck: the name did not match; nothing was aborted.');
      return EXIT_FAILED;
    }
  }
  const result = await session.service.abortUploads(bucket, chosen, io.signal);
  for (const failure of result.failed)
    io.err(`failed: ${failure.key} ${failure.uploadId}: ${failure.message}`);
  io.out(
    options.json
      ? jsonLine({ bucket, ...result })
      : `abortmp: ${result.aborted} of ${chosen.length} uploads aborted in s3://${bucket}/${key}`,
  );
  return result.failed.length === 0 ? EXIT_OK : EXIT_FAILED;
}
