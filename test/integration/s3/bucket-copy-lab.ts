/**
 * Set-up for the bucket-to-bucket tests: buckets in a region of choice,
 * many small objects seeded in one request, a multipart object, and the
 * GETs of object bodies that moto's request log shows for a bucket.
 */
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  S3Client,
  UploadPartCommand,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { LAB_CREDENTIALS } from '../../../source/lab/lab-aws.js';
import { moto } from './s3-lab.js';

export const MiB = 1024 * 1024;

export function regionClient(region: string): S3Client {
  return new S3Client({
    region,
    endpoint: moto.info?.endpoint,
    credentials: LAB_CREDENTIALS,
    forcePathStyle: true,
  });
}

export async function bucketIn(
  client: S3Client,
  name: string,
  region: string,
): Promise<string> {
  await client.send(
    new CreateBucketCommand({
      Bucket: name,
      ...(region === 'us-east-1'
        ? {}
        : {
            CreateBucketConfiguration: {
              LocationConstraint: region as BucketLocationConstraint,
            },
          }),
    }),
  );
  return name;
}

export async function seedObjects(
  bucket: string,
  objects: Record<string, string>,
): Promise<void> {
  const response = await fetch(`${moto.info?.endpoint}/_lab/s3/objects`, {
    method: 'POST',
    body: JSON.stringify({ bucket, objects }),
  });
  if (!response.ok) throw new Error(await response.text());
}

/** A multipart object of `parts` x 5 MiB, each part its own bytes. */
export async function putMultipart(
  client: S3Client,
  bucket: string,
  key: string,
  parts: number,
  extra: { Metadata?: Record<string, string>; Tagging?: string } = {},
): Promise<number> {
  const created = await client.send(
    new CreateMultipartUploadCommand({
      Bucket: bucket,
      Key: key,
      ContentType: 'application/x-tar',
      CacheControl: 'max-age=60',
      ...extra,
    }),
  );
  const done = [];
  for (let part = 1; part <= parts; part++) {
    const answer = await client.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: key,
        UploadId: created.UploadId,
        PartNumber: part,
        Body: Buffer.alloc(5 * MiB, part),
      }),
    );
    done.push({ PartNumber: part, ETag: answer.ETag });
  }
  await client.send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket,
      Key: key,
      UploadId: created.UploadId,
      MultipartUpload: { Parts: done },
    }),
  );
  return parts * 5 * MiB;
}

const logFile = () => join(inject('lab').dir, 'moto.log');

/** Where moto's request log ends now. */
export function logMark(): number {
  return statSync(logFile()).size;
}

/** GET requests for object bodies of `bucket` since `mark` (subresources like ?tagging are not bodies). */
export function bodyGetsSince(bucket: string, mark: number): string[] {
  const text = readFileSync(logFile(), 'utf8').slice(mark);
  const gets: string[] = [];
  for (const match of text.matchAll(/"GET (\S+) HTTP/g)) {
    const [path = '', query = ''] = (match[1] ?? '').split('?');
    const segments = path.split('/').filter(Boolean);
    if (segments[0] !== bucket || segments.length < 2) continue;
    if (
      /(^|&)(tagging|acl|attributes|uploadId|legal-hold|retention)(=|&|$)/.test(
        query,
      )
    )
      continue;
    gets.push(match[1] ?? '');
  }
  return gets;
}
