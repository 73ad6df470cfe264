/**
 * The S3 service the panes and subcommands use. Calls go through the
 * factory's client, which carries the write guard: in read-only mode every
 * write (put, mb, rb, delete, abort) is refused before it is sent.
 */
import type { AwsClientFactory } from '../client-factory.js';
import { deleteInBatches } from './batch-delete.js';
import {
  countBucketContents,
  purgeBucket,
  removeEmptyBucket,
} from './bucket-purge.js';
import { checkNameFree } from './bucket-name-probe.js';
import { peekBucket } from './bucket-peek.js';
import { bucketRegion, listBuckets, makeBucket } from './buckets.js';
import {
  getObjectBody,
  listObjectPage,
  objectDetail,
  putObject,
  readObjectStart,
} from './objects.js';
import { abortPendingUploads, listPendingUploads } from './pending-uploads.js';
import { s3Context } from './s3-errors.js';
import type { S3Service } from './types.js';

export function createS3Service(factory: AwsClientFactory): S3Service {
  const client = () => factory.s3();
  return {
    listBuckets: async (signal) => listBuckets(factory, await client(), signal),
    bucketRegion: async (bucket, signal) =>
      bucketRegion(factory, await client(), bucket, signal),
    listObjects: async (bucket, options, signal) =>
      listObjectPage(factory, await client(), bucket, options, signal),
    objectDetail: async (bucket, key, signal) =>
      objectDetail(factory, await client(), bucket, key, signal),
    getObject: async (bucket, key, signal, range) =>
      getObjectBody(factory, await client(), bucket, key, signal, range),
    readStart: async (bucket, key, maxBytes, signal) =>
      readObjectStart(factory, await client(), bucket, key, maxBytes, signal),
    putObject: async (bucket, key, body, options, signal) =>
      putObject(factory, await client(), bucket, key, body, options, signal),
    // Only the console presigns: the signer stays off the subcommands' path.
    presignGet: async (bucket, key, expiresSeconds) =>
      (await import('./presign.js')).presignGetUrl(
        await client(),
        bucket,
        key,
        expiresSeconds,
      ),
    checkNewBucket: (name, region, signal) =>
      checkNameFree(factory, name, region, signal),
    makeBucket: (name, region) => makeBucket(factory, name, region),
    removeBucket: async (bucket, signal) =>
      removeEmptyBucket(factory, await client(), bucket, signal),
    peekBucket: async (bucket, signal) =>
      peekBucket(factory, await client(), bucket, signal),
    bucketContents: async (bucket, signal, onProgress) =>
      countBucketContents(factory, await client(), bucket, signal, onProgress),
    purgeBucket: async (bucket, signal, onProgress) =>
      purgeBucket(factory, await client(), bucket, signal, onProgress),
    pendingUploads: async (bucket, prefix, signal) =>
      listPendingUploads(factory, await client(), bucket, prefix, signal),
    abortUploads: async (bucket, uploads, signal) =>
      abortPendingUploads(factory, await client(), bucket, uploads, signal),
    deleteObjects: async (bucket, keys, signal) =>
      deleteInBatches(
        await client(),
        bucket,
        keys.map((key) => ({ Key: key })),
        s3Context(factory, 'DeleteObjects', bucket),
        { signal },
      ),
  };
}
