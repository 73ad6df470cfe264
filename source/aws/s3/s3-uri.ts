/** `s3://bucket/prefix` arguments as the AWS CLI takes them. */
import { UserError } from '../../lib/errors.js';

export interface S3Location {
  readonly bucket: string;
  /** Without a leading slash; '' for the whole bucket. */
  readonly key: string;
}

export function isS3Uri(value: string): boolean {
  return /^s3:\/\//i.test(value);
}

export function parseS3Uri(value: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/is.exec(value);
  if (!match || match[1] === undefined)
    throw new UserError(`"${value}" is not an S3 location`, {
      hint: 'write s3://bucket or s3://bucket/prefix',
    });
  return { bucket: match[1], key: match[2] ?? '' };
}

/** A prefix that names a "directory": '' or ending in '/'. */
export function directoryPrefix(key: string): string {
  return key === '' || key.endsWith('/') ? key : `${key}/`;
}

export function formatS3Uri(bucket: string, key = ''): string {
  return `s3://${bucket}/${key}`;
}
