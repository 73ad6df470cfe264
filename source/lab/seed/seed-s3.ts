/**
 * Seeds S3 in the lab: a bucket with nested prefixes and more than 1,000 keys
 * (so listings page), a versioned bucket with delete markers and folder
 * markers, a bucket with a multipart object and an unfinished upload, and an
 * empty one.
 */
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import type { AwsCredentialIdentity } from '@smithy/types';
import { HOSTILE_OBJECT_BODY, HOSTILE_OBJECT_KEY } from './hostile.js';

export const LAB_BUCKETS = {
  logs: 'opsdeck-lab-logs',
  assets: 'opsdeck-lab-assets',
  backups: 'opsdeck-lab-backups',
  empty: 'opsdeck-lab-empty',
} as const;

export const LOG_KEY_COUNT = 1200;

function logKeys(): string[] {
  const keys: string[] = [];
  for (let index = 0; index < LOG_KEY_COUNT; index++) {
    const day = String((index % 30) + 1).padStart(2, '0');
    const host = `web-${(index % 4) + 1}`;
    keys.push(
      `app/2026/11/${day}/${host}-${String(index).padStart(4, '0')}.log`,
    );
  }
  return keys;
}

export async function seedS3(options: {
  endpoint: string;
  credentials: AwsCredentialIdentity;
}): Promise<void> {
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: options.endpoint,
    credentials: options.credentials,
    forcePathStyle: true,
  });
  const bucket = async (name: string, region: string) => {
    const configuration =
      region === 'us-east-1'
        ? undefined
        : { LocationConstraint: region as BucketLocationConstraint };
    await s3.send(
      new CreateBucketCommand({
        Bucket: name,
        CreateBucketConfiguration: configuration,
      }),
    );
  };
  const put = (Bucket: string, Key: string, Body: string | Uint8Array) =>
    s3.send(
      new PutObjectCommand({
        Bucket,
        Key,
        Body,
        ContentLength:
          typeof Body === 'string' ? Buffer.byteLength(Body) : Body.byteLength,
      }),
    );
  try {
    await bucket(LAB_BUCKETS.logs, 'us-east-1');
    const objects = Object.fromEntries(
      logKeys().map((key) => [key, `${key}\nGET /health 200\n`]),
    );
    const response = await fetch(`${options.endpoint}/_lab/s3/objects`, {
      method: 'POST',
      body: JSON.stringify({ bucket: LAB_BUCKETS.logs, objects }),
    });
    if (!response.ok)
      throw new Error(
        `lab could not seed ${LAB_BUCKETS.logs}: ${await response.text()}`,
      );
    await put(
      LAB_BUCKETS.logs,
      'README.txt',
      'application logs, one file per host and day\n',
    );

    await bucket(LAB_BUCKETS.assets, 'eu-west-1');
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: LAB_BUCKETS.assets,
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    );
    for (const version of [1, 2, 3])
      await put(
        LAB_BUCKETS.assets,
        'index.html',
        `<h1>release ${version}</h1>\n`,
      );
    await put(
      LAB_BUCKETS.assets,
      'css/site.css',
      'body { font-family: sans-serif; }\n',
    );
    await put(
      LAB_BUCKETS.assets,
      'img/logo.svg',
      '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    );
    await put(LAB_BUCKETS.assets, 'old/banner.txt', 'retired\n');
    await s3.send(
      new DeleteObjectCommand({
        Bucket: LAB_BUCKETS.assets,
        Key: 'old/banner.txt',
      }),
    );
    // Folder markers as the S3 console and S3Fox make them; they are not files.
    await put(LAB_BUCKETS.assets, 'uploads/', '');
    await put(LAB_BUCKETS.assets, HOSTILE_OBJECT_KEY, HOSTILE_OBJECT_BODY);
    await put(LAB_BUCKETS.assets, 'legacy_$folder$', '');

    await bucket(LAB_BUCKETS.backups, 'us-east-1');
    const part = new Uint8Array(5 * 1024 * 1024).fill(7);
    const upload = await s3.send(
      new CreateMultipartUploadCommand({
        Bucket: LAB_BUCKETS.backups,
        Key: 'db/shop-2026-11-20.sql.gz',
      }),
    );
    const parts = [];
    for (const PartNumber of [1, 2]) {
      const result = await s3.send(
        new UploadPartCommand({
          Bucket: LAB_BUCKETS.backups,
          Key: 'db/shop-2026-11-20.sql.gz',
          UploadId: upload.UploadId,
          PartNumber,
          Body: part,
        }),
      );
      parts.push({ PartNumber, ETag: result.ETag });
    }
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: LAB_BUCKETS.backups,
        Key: 'db/shop-2026-11-20.sql.gz',
        UploadId: upload.UploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    // An upload someone never finished: rb --force must abort it.
    await s3.send(
      new CreateMultipartUploadCommand({
        Bucket: LAB_BUCKETS.backups,
        Key: 'db/shop-2026-11-21.sql.gz',
      }),
    );
    await put(
      LAB_BUCKETS.backups,
      'etc/nginx.conf',
      'worker_processes auto;\n',
    );

    await bucket(LAB_BUCKETS.empty, 'us-east-1');
  } finally {
    s3.destroy();
  }
}
