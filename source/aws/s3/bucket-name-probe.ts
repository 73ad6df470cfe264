/**
 * Whether a bucket name is free, before making it: us-east-1 answers 200 to
 * CreateBucket of a bucket you already own, so "made" would be a lie there.
 * HeadBucket tells: 200 yours, 403 someone else's, 404 free.
 */
import { isAbortError, UserError } from '../../lib/errors.js';
import type { AwsClientFactory } from '../client-factory.js';
import { httpStatus, s3Context, toS3Error } from './s3-errors.js';

export type BucketNameStatus =
  | { readonly kind: 'free' }
  | { readonly kind: 'owned'; readonly region: string | undefined }
  | { readonly kind: 'taken' };

async function bucketNameStatus(
  factory: AwsClientFactory,
  name: string,
  region: string,
  signal?: AbortSignal,
): Promise<BucketNameStatus> {
  const client = await factory.s3(region);
  const { HeadBucketCommand } = await import('@aws-sdk/client-s3');
  try {
    const head = await client.send(
      new HeadBucketCommand({ Bucket: name }),
      signal === undefined ? {} : { abortSignal: signal },
    );
    return { kind: 'owned', region: head.BucketRegion };
  } catch (error) {
    if (isAbortError(error)) throw error;
    const status = httpStatus(error);
    if (status === 404) return { kind: 'free' };
    if (status === 403) return { kind: 'taken' };
    throw toS3Error(error, s3Context(factory, 'HeadBucket', name));
  }
}

/** Throws, saying why, when `name` cannot be made because it exists. */
export async function checkNameFree(
  factory: AwsClientFactory,
  name: string,
  region: string,
  signal?: AbortSignal,
): Promise<void> {
  const status = await bucketNameStatus(factory, name, region, signal);
  if (status.kind === 'owned')
    throw new UserError(
      `you already own ${name} (${status.region ?? 'region unknown'})`,
      { hint: 'nothing was made; choose another name for a new bucket' },
    );
  if (status.kind === 'taken')
    throw new UserError(`the name ${name} is taken by another account`, {
      hint: 'bucket names are global across all AWS accounts: choose another (S3 also answers so when your identity lacks s3:ListBucket on a bucket of yours)',
    });
}
