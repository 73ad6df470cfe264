/** Objects: paged listing by prefix, detail (head, tags, versions), get, put, text view. */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { isAbortError } from '../../lib/errors.js';
import type { AwsClientFactory } from '../client-factory.js';
import { s3Call, s3Context } from './s3-errors.js';
import type {
  ListObjectsOptions,
  ObjectBody,
  ObjectDetail,
  ObjectPage,
  PutOptions,
} from './types.js';
import { listVersionPages } from './version-listing.js';

const sdk = () => import('@aws-sdk/client-s3');

export async function listObjectPage(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  options: ListObjectsOptions,
  signal: AbortSignal,
): Promise<ObjectPage> {
  const { ListObjectsV2Command } = await sdk();
  const page = await s3Call(s3Context(factory, 'ListObjectsV2', bucket), () =>
    client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: options.prefix || undefined,
        Delimiter: options.delimiter,
        ContinuationToken: options.cursor,
        MaxKeys: Math.min(1000, options.pageSize ?? 1000),
      }),
      { abortSignal: signal },
    ),
  );
  return {
    prefixes: (page.CommonPrefixes ?? []).flatMap((entry) =>
      entry.Prefix === undefined ? [] : [entry.Prefix],
    ),
    objects: (page.Contents ?? []).map((object) => ({
      key: object.Key ?? '',
      size: object.Size ?? 0,
      modified: object.LastModified,
      storageClass: object.StorageClass,
      etag: object.ETag,
    })),
    next: page.IsTruncated === true ? page.NextContinuationToken : undefined,
  };
}

export async function objectDetail(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  key: string,
  signal: AbortSignal,
): Promise<ObjectDetail> {
  const { HeadObjectCommand, GetObjectTaggingCommand } = await sdk();
  const head = await s3Call(s3Context(factory, 'HeadObject', bucket, key), () =>
    client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
      abortSignal: signal,
    }),
  );
  // Tags and versions are extras: a missing permission leaves them out.
  const tags = await client
    .send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }), {
      abortSignal: signal,
    })
    .then(
      (answer) =>
        Object.fromEntries(
          (answer.TagSet ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']),
        ),
      (error: unknown) => {
        if (isAbortError(error)) throw error;
        return undefined;
      },
    );
  const versions = [];
  let moreVersions = false;
  try {
    for await (const page of listVersionPages(client, bucket, signal, key)) {
      versions.push(...page.filter((entry) => entry.key === key));
      moreVersions = page.length >= 1000;
      break;
    }
  } catch (error) {
    if (isAbortError(error)) throw error;
  }
  versions.sort(
    (a, b) => (b.modified?.getTime() ?? 0) - (a.modified?.getTime() ?? 0),
  );
  return {
    bucket,
    key,
    size: head.ContentLength ?? 0,
    modified: head.LastModified,
    etag: head.ETag,
    contentType: head.ContentType,
    storageClass: head.StorageClass ?? 'STANDARD',
    versionId: head.VersionId,
    metadata: head.Metadata ?? {},
    tags,
    versions: versions.map((entry) => ({
      versionId: entry.versionId,
      isLatest: entry.isLatest,
      deleteMarker: entry.deleteMarker,
      size: entry.size,
      modified: entry.modified,
    })),
    moreVersions,
  };
}

export async function getObjectBody(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  key: string,
  signal: AbortSignal,
  range?: { start: number; end: number },
  ifMatch?: string,
): Promise<ObjectBody> {
  const { GetObjectCommand } = await sdk();
  const answer = await s3Call(
    s3Context(factory, 'GetObject', bucket, key),
    () =>
      client.send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ...(range === undefined
            ? {}
            : { Range: `bytes=${range.start}-${range.end}` }),
          ...(ifMatch === undefined ? {} : { IfMatch: ifMatch }),
        }),
        { abortSignal: signal },
      ),
  );
  return {
    body: answer.Body as Readable,
    size: answer.ContentLength ?? 0,
    modified: answer.LastModified,
    etag: answer.ETag,
    contentType: answer.ContentType,
  };
}

/** The first `maxBytes` of an object, as bytes: the caller decides if they are text. */
export async function readObjectStart(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  key: string,
  maxBytes: number,
  signal: AbortSignal,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const { HeadObjectCommand } = await sdk();
  const head = await s3Call(s3Context(factory, 'HeadObject', bucket, key), () =>
    client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
      abortSignal: signal,
    }),
  );
  const size = head.ContentLength ?? 0;
  if (size === 0) return { bytes: new Uint8Array(0), truncated: false };
  const body = await getObjectBody(factory, client, bucket, key, signal, {
    start: 0,
    end: Math.min(size, maxBytes) - 1,
  });
  const chunks: Buffer[] = [];
  for await (const chunk of body.body) chunks.push(chunk as Buffer);
  return {
    bytes: Buffer.concat(chunks),
    truncated: size > maxBytes,
  };
}

export async function putObject(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  key: string,
  body: Uint8Array | string,
  options: PutOptions = {},
  signal?: AbortSignal,
): Promise<{ etag: string | undefined }> {
  const { PutObjectCommand } = await sdk();
  const answer = await s3Call(
    s3Context(factory, 'PutObject', bucket, key),
    () =>
      client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: options.contentType,
          Metadata: options.metadata ? { ...options.metadata } : undefined,
        }),
        signal === undefined ? {} : { abortSignal: signal },
      ),
  );
  return { etag: answer.ETag };
}
