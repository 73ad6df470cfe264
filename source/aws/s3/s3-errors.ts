/**
 * S3 error codes as messages a sysadmin can act on: which bucket or key, what
 * is wrong, and what to run or grant next. Codes not handled here
 * (credentials, network) fall through to toAwsError.
 */
import type { UserError } from '../../lib/errors.js';
import { AwsError, mappedCall, toAwsError } from '../aws-errors.js';
import type { AwsClientFactory } from '../client-factory.js';

export interface S3Context {
  readonly profile: string | undefined;
  readonly endpoint: string | undefined;
  /** SDK operation, e.g. "ListObjectsV2". */
  readonly operation: string;
  /** IAM action the operation needs, e.g. "s3:ListBucket". */
  readonly action: string;
  readonly bucket?: string | undefined;
  readonly key?: string | undefined;
}

/** The IAM action behind each operation: AccessDenied names what to grant. */
const IAM_ACTIONS: Readonly<Record<string, string>> = {
  ListBuckets: 's3:ListAllMyBuckets',
  ListObjectsV2: 's3:ListBucket',
  ListObjectVersions: 's3:ListBucketVersions',
  ListMultipartUploads: 's3:ListBucketMultipartUploads',
  HeadBucket: 's3:ListBucket',
  HeadObject: 's3:GetObject',
  GetObject: 's3:GetObject',
  GetObjectTagging: 's3:GetObjectTagging',
  GetBucketLocation: 's3:GetBucketLocation',
  GetBucketVersioning: 's3:GetBucketVersioning',
  PutObject: 's3:PutObject',
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  AbortMultipartUpload: 's3:AbortMultipartUpload',
  DeleteObject: 's3:DeleteObject',
  DeleteObjects: 's3:DeleteObject and s3:DeleteObjectVersion',
  CreateBucket: 's3:CreateBucket',
  DeleteBucket: 's3:DeleteBucket',
};

export function s3Context(
  factory: Pick<AwsClientFactory, 'settings'>,
  operation: string,
  bucket?: string,
  key?: string,
): S3Context {
  return {
    profile: factory.settings.profile,
    endpoint: factory.settings.endpoint,
    operation,
    action: IAM_ACTIONS[operation] ?? `s3:${operation}`,
    bucket,
    key,
  };
}

/** The S3 error code ("NoSuchBucket"), or '' for errors that are not S3's. */
export function s3ErrorCode(error: unknown): string {
  if (error === null || typeof error !== 'object') return '';
  const record = error as Record<string, unknown>;
  const code = record['Code'] ?? record['name'];
  return typeof code === 'string' ? code : '';
}

export function httpStatus(error: unknown): number | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const meta = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  return meta?.httpStatusCode;
}

/** Throttling and server hiccups that a later attempt may get past. */
export function isRetryableS3Error(error: unknown): boolean {
  const code = s3ErrorCode(error);
  if (
    /^(SlowDown|InternalError|ServiceUnavailable|RequestTimeout|Throttling|RequestTimeTooSkewed|OperationAborted)$/.test(
      code,
    )
  )
    return true;
  const status = httpStatus(error);
  return status === 429 || status === 500 || status === 503;
}

export function toS3Error(error: unknown, context: S3Context): UserError {
  const code = s3ErrorCode(error);
  const bucket = context.bucket ?? 'the bucket';
  const object =
    context.key === undefined ? bucket : `s3://${bucket}/${context.key}`;
  const build = (text: string, hint?: string) =>
    new AwsError('other', text, {
      ...(hint === undefined ? {} : { hint }),
      cause: error,
    });
  // A HEAD answers 403 with no body, so no code.
  const effective =
    httpStatus(error) === 403 && /^(|Unknown|UnknownError)$/.test(code)
      ? 'AccessDenied'
      : code;
  switch (effective) {
    case 'NoSuchBucket':
      return build(
        `bucket ${bucket} does not exist`,
        'check the name (opsdeck s3 ls lists your buckets) and the profile',
      );
    case 'NoSuchKey':
      return build(`${object} does not exist`, 'check the key and its case');
    case 'NotFound':
      return build(
        `${object} was not found`,
        context.key === undefined
          ? 'check the bucket name and the profile'
          : 'check the key and its case',
      );
    case 'NoSuchUpload':
      return build(
        `the multipart upload for ${object} no longer exists`,
        'it was completed or aborted meanwhile; run the command again',
      );
    case 'BucketNotEmpty':
      return build(
        `bucket ${bucket} is not empty`,
        'remove its objects first, or use rb --force (it deletes every version)',
      );
    case 'BucketAlreadyExists':
      return build(
        `the bucket name ${bucket} is taken by another account`,
        'bucket names are global: choose another name',
      );
    case 'BucketAlreadyOwnedByYou':
      return build(`you already own bucket ${bucket}`);
    case 'InvalidBucketName':
      return build(
        `S3 rejected the bucket name ${bucket}`,
        'use 3-63 lowercase letters, digits, dots and hyphens',
      );
    case 'InvalidLocationConstraint':
    case 'IllegalLocationConstraintException':
      return build(
        `S3 refused the region for bucket ${bucket}`,
        'pass the region the bucket should live in with --region (us-east-1 needs no location)',
      );
    case 'PermanentRedirect':
    case 'AuthorizationHeaderMalformed':
      return build(
        `bucket ${bucket} is in another region`,
        'pass its region with --region',
      );
    case 'PreconditionFailed':
      return build(
        `${object} changed while it was being read`,
        'run the command again',
      );
    case 'InvalidObjectState':
      return build(
        `${object} is archived (Glacier or Deep Archive)`,
        'restore it first (aws s3api restore-object)',
      );
    case 'AccessDenied':
    case 'AllAccessDisabled':
    case 'Forbidden':
      return build(
        `permission denied for ${context.action} on ${object}`,
        `grant ${context.action} on ${context.bucket === undefined ? '*' : `arn:aws:s3:::${bucket}${context.key === undefined ? '' : '/*'}`} to the identity of profile ${context.profile ?? 'default'}`,
      );
    case 'MethodNotAllowed':
    case 'NotImplemented':
      return build(
        `the endpoint does not support ${context.operation}`,
        'this S3-compatible server lacks the feature',
      );
    default:
      return toAwsError(error, {
        profile: context.profile,
        action: context.action,
        endpoint: context.endpoint,
      });
  }
}

/** Runs one S3 call; abort and read-only errors pass unchanged, the rest become actionable. */
export function s3Call<T>(
  context: S3Context,
  call: () => Promise<T>,
): Promise<T> {
  return mappedCall(context, call, toS3Error);
}
