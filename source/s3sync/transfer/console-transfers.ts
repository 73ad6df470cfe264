/**
 * What the S3 panes run as jobs: sync either way, one object down, one file
 * up. A thin layer over the sync engine for the console; the engine's modules
 * load on first use so start-up pays nothing for them.
 */
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { AwsClientFactory } from '../../aws/client-factory.js';
import type { DeleteResult, ObjectRow } from '../../aws/s3/types.js';
import type { SyncHooks, SyncResult, SyncSpec } from '../sync-spec.js';

import { UserError } from '../../lib/errors.js';
import { deleteUnder, uploadStream } from './stream-upload-and-delete.js';
import { snapshot } from '../../jobs/progress.js';
import { localPathForObject } from '../plan/key-safety.js';
import type { PutTargets } from './put-targets.js';

const MiB = 1024 * 1024;

export interface S3Transfers {
  sync(spec: SyncSpec, hooks: SyncHooks): Promise<SyncResult>;
  /** Downloads one object into `dir` under its base name; returns the path. */
  getObject(
    bucket: string,
    object: ObjectRow,
    dir: string,
    signal: AbortSignal,
    onBytes: (count: number) => void,
  ): Promise<string>;
  /**
   * A file to `prefix` + its name, or a directory (recursively, as a sync
   * without deletes) to `prefix` + its name + '/'. Counts what went.
   */
  put(
    path: string,
    bucket: string,
    prefix: string,
    hooks: SyncHooks,
  ): Promise<{ items: number; bytes: number; failed: number }>;
  /** What `put` would replace there, with sizes and dates, before it runs. */
  putTargets(
    path: string,
    bucket: string,
    prefix: string,
    signal: AbortSignal,
  ): Promise<PutTargets>;
  /** Deletes keys and everything under prefixes (flat listings), in batches. */
  deleteUnder(
    bucket: string,
    keys: readonly string[],
    prefixes: readonly string[],
    signal: AbortSignal,
    onDeleted: (count: number) => void,
  ): Promise<DeleteResult>;
  /** Uploads a stream of unknown length (a dump) to `key`, multipart as it goes. */
  uploadStream(
    bucket: string,
    key: string,
    body: Readable,
    signal: AbortSignal,
  ): Promise<void>;
  /** Uploads one file to `key` (multipart when large); the key it went to. */
  putFile(
    path: string,
    bucket: string,
    key: string,
    signal: AbortSignal,
    onBytes: (count: number) => void,
  ): Promise<string>;
}

export function createS3Transfers(
  factory: AwsClientFactory,
  journalDir: string,
): S3Transfers {
  const journal = async () => {
    const { createUploadJournal } = await import('./upload-journal.js');
    return createUploadJournal(journalDir);
  };
  const context = async () =>
    (await import('../../aws/s3/s3-errors.js')).s3Context;

  return {
    async sync(spec, hooks) {
      if (spec.source.kind === 's3' && spec.destination.kind === 's3') {
        const [{ runBucketSync, bucketSyncDeps }, uploads] = await Promise.all([
          import('../bucket-sync-deps.js'),
          journal(),
        ]);
        return runBucketSync(spec, bucketSyncDeps(factory, uploads), hooks);
      }
      const [{ runSync }, client, uploads, s3Context] = await Promise.all([
        import('../sync.js'),
        factory.s3(),
        journal(),
        context(),
      ]);
      return runSync(
        spec,
        {
          client,
          journal: uploads,
          context: (operation, bucket, key) =>
            s3Context(factory, operation, bucket, key),
        },
        hooks,
      );
    },

    async getObject(bucket, object, dir, signal, onBytes) {
      const [{ downloadObject }, { createLimiter }, { s3Call, s3Context }] =
        await Promise.all([
          import('./download-object.js'),
          import('../../aws/s3/limiter.js'),
          import('../../aws/s3/s3-errors.js'),
        ]);
      const client = await factory.s3();
      const { name, path } = localPathForObject(dir, object.key);
      await s3Call(s3Context(factory, 'GetObject', bucket, object.key), () =>
        downloadObject(
          client,
          bucket,
          {
            rel: name,
            key: object.key,
            size: object.size,
            modifiedMs: object.modified?.getTime() ?? Date.now(),
            etag: object.etag,
            storageClass: object.storageClass,
          },
          path,
          {
            rangedThreshold: 16 * MiB,
            partSize: 8 * MiB,
            parts: createLimiter(8),
          },
          signal,
          onBytes,
        ),
      );
      return path;
    },

    async put(path, bucket, prefix, hooks) {
      const { stat } = await import('node:fs/promises');
      const stats = await stat(path).catch(() => undefined);
      if (stats?.isDirectory()) {
        const result = await this.sync(
          {
            source: { kind: 'local', path },
            destination: {
              kind: 's3',
              bucket,
              prefix: `${prefix}${basename(path)}/`,
            },
          },
          hooks,
        );
        return {
          items: result.uploaded,
          bytes: result.bytes,
          failed: result.failedCount,
        };
      }
      if (!stats?.isFile())
        throw new UserError(`${path} is neither a file nor a directory`, {
          hint: 'type the path of a file or a directory on this machine',
        });
      let done = 0;
      await this.putFile(path, bucket, prefix, hooks.signal, (count) => {
        done += count;
        hooks.onProgress?.(
          snapshot(
            {
              bytesDone: done,
              bytesTotal: stats.size,
              itemsDone: 0,
              itemsTotal: 1,
            },
            0,
          ),
        );
      });
      return { items: 1, bytes: stats.size, failed: 0 };
    },

    async putTargets(path, bucket, prefix, signal) {
      const { putTargets } = await import('./put-targets.js');
      return putTargets(
        factory,
        (spec, hooks) => this.sync(spec, hooks),
        path,
        bucket,
        prefix,
        signal,
      );
    },

    uploadStream: (bucket, key, body, signal) =>
      uploadStream(factory, bucket, key, body, signal),

    deleteUnder: (bucket, keys, prefixes, signal, onDeleted) =>
      deleteUnder(factory, bucket, keys, prefixes, signal, onDeleted),

    async putFile(path, bucket, key, signal, onBytes) {
      const [{ stat }, { uploadFile }, { s3Call, s3Context }, uploads] =
        await Promise.all([
          import('node:fs/promises'),
          import('./upload-file.js'),
          import('../../aws/s3/s3-errors.js'),
          journal(),
        ]);
      const stats = await stat(path);
      const target =
        key === '' || key.endsWith('/') ? key + basename(path) : key;
      const client = await factory.s3();
      await s3Call(s3Context(factory, 'PutObject', bucket, target), () =>
        uploadFile(
          client,
          bucket,
          target,
          {
            rel: basename(path),
            path,
            size: stats.size,
            mtimeMs: stats.mtimeMs,
          },
          {
            multipartThreshold: 16 * MiB,
            partSize: 8 * MiB,
            partsPerFile: 4,
            journal: uploads,
          },
          signal,
          onBytes,
        ),
      );
      return target;
    },
  };
}
