/**
 * `opsdeck s3 get` and `put`: one object to or from one file; a prefix or a
 * directory goes to `sync` (without deletes).
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatBytes } from '../../lib/byte-size.js';
import { createLimiter } from '../../aws/s3/limiter.js';
import { s3Call, s3Context, s3ErrorCode } from '../../aws/s3/s3-errors.js';
import { formatS3Uri, parseS3Uri } from '../../aws/s3/s3-uri.js';
import { isAbortError } from '../../lib/errors.js';
import { downloadObject } from '../../s3sync/transfer/download-object.js';
import { localPathForObject } from '../../s3sync/plan/key-safety.js';
import { MiB, uploadFile } from '../../s3sync/transfer/upload-file.js';
import { createUploadJournal } from '../../s3sync/transfer/upload-journal.js';
import {
  EXIT_OK,
  UsageError,
  jsonLine,
  type CommandIo,
} from '../command-io.js';
import type { S3Session } from './s3-session.js';
import { syncCommand, type TransferOptions } from './transfer-commands.js';

export async function getCommand(
  session: S3Session,
  uri: string,
  dir: string,
  options: TransferOptions,
  io: CommandIo,
): Promise<number> {
  const { bucket, key } = parseS3Uri(uri);
  if (key !== '' && !key.endsWith('/')) {
    const client = await session.factory.s3();
    const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
    const head = await client
      .send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
        abortSignal: io.signal,
      })
      .catch((error: unknown) => {
        if (
          isAbortError(error) ||
          !/^(NotFound|NoSuchKey)$/.test(s3ErrorCode(error))
        )
          throw error;
        return undefined;
      });
    if (head !== undefined) {
      const { name, path } = localPathForObject(dir, key);
      const started = Date.now();
      await s3Call(s3Context(session.factory, 'GetObject', bucket, key), () =>
        downloadObject(
          client,
          bucket,
          {
            rel: name,
            key,
            size: head.ContentLength ?? 0,
            modifiedMs: head.LastModified?.getTime() ?? Date.now(),
            etag: head.ETag,
            storageClass: head.StorageClass,
          },
          path,
          {
            rangedThreshold: 16 * MiB,
            partSize: 8 * MiB,
            parts: createLimiter(8),
          },
          io.signal,
          () => undefined,
        ),
      );
      const summary = {
        downloaded: 1,
        key,
        path,
        bytes: head.ContentLength ?? 0,
        seconds: (Date.now() - started) / 1000,
      };
      io.out(
        options.json
          ? jsonLine(summary)
          : `downloaded 1 (${formatBytes(summary.bytes)}) to ${path} in ${summary.seconds.toFixed(1)} s`,
      );
      return EXIT_OK;
    }
  }
  return syncCommand(
    session,
    formatS3Uri(bucket, key),
    dir,
    { ...options, delete: false },
    io,
  );
}

export async function putCommand(
  session: S3Session,
  path: string,
  uri: string,
  options: TransferOptions,
  io: CommandIo,
): Promise<number> {
  const { bucket, key } = parseS3Uri(uri);
  const stats = await stat(path).catch(() => undefined);
  if (stats?.isDirectory())
    return syncCommand(
      session,
      path,
      formatS3Uri(bucket, key),
      { ...options, delete: false },
      io,
    );
  if (!stats?.isFile())
    throw new UsageError(`${path} is neither a file nor a directory`);
  const target = key === '' || key.endsWith('/') ? key + basename(path) : key;
  const started = Date.now();
  const client = await session.factory.s3();
  await s3Call(s3Context(session.factory, 'PutObject', bucket, target), () =>
    uploadFile(
      client,
      bucket,
      target,
      { rel: basename(path), path, size: stats.size, mtimeMs: stats.mtimeMs },
      {
        multipartThreshold: 16 * MiB,
        partSize: 8 * MiB,
        partsPerFile: 4,
        journal: createUploadJournal(session.journalDir),
      },
      io.signal,
      () => undefined,
    ),
  );
  const summary = {
    uploaded: 1,
    key: target,
    bytes: stats.size,
    seconds: (Date.now() - started) / 1000,
  };
  io.out(
    options.json
      ? jsonLine(summary)
      : `uploaded 1 (${formatBytes(stats.size)}) to ${formatS3Uri(bucket, target)} in ${summary.seconds.toFixed(1)} s`,
  );
  return EXIT_OK;
}
