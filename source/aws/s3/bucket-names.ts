/**
 * The S3 naming rules for general purpose buckets, one message per broken
 * rule, so a user fixes every problem in one go instead of one per attempt.
 */
import { UserError } from '../../lib/errors.js';

const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = [
  '-s3alias',
  '--ol-s3',
  '.mrap',
  '--x-s3',
  '--table-s3',
];

/** Every rule the name breaks; empty when it is valid. */
export function bucketNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length < 3 || name.length > 63)
    problems.push(`must be 3 to 63 characters long (it has ${name.length})`);
  if (/[A-Z]/.test(name)) problems.push('must not contain uppercase letters');
  const other = [...new Set(name.replace(/[a-zA-Z0-9.-]/g, ''))];
  if (other.length > 0)
    problems.push(
      `may contain only lowercase letters, digits, dots and hyphens (not ${other
        .map((char) => (char === ' ' ? 'space' : `"${char}"`))
        .join(', ')})`,
    );
  if (name !== '' && !/^[a-zA-Z0-9]/.test(name))
    problems.push('must begin with a letter or digit');
  if (name !== '' && !/[a-zA-Z0-9]$/.test(name))
    problems.push('must end with a letter or digit');
  if (name.includes('..')) problems.push('must not contain two dots in a row');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name))
    problems.push('must not look like an IP address');
  for (const prefix of RESERVED_PREFIXES)
    if (name.startsWith(prefix))
      problems.push(`must not begin with the reserved prefix "${prefix}"`);
  for (const suffix of RESERVED_SUFFIXES)
    if (name.endsWith(suffix))
      problems.push(`must not end with the reserved suffix "${suffix}"`);
  return problems;
}

export function checkBucketName(name: string): void {
  const problems = bucketNameProblems(name);
  if (problems.length === 0) return;
  throw new UserError(
    `"${name}" is not a valid bucket name: it ${problems.join('; it ')}`,
    {
      hint: 'bucket names are global, 3-63 characters of a-z, 0-9, dots and hyphens, e.g. acme-backups-2026',
    },
  );
}

/**
 * Names a bucket that may already exist can have: today's rules, except that
 * us-east-1 still holds buckets made before 2018 with uppercase letters and
 * underscores (up to 255 characters), which opsdeck must still reach.
 */
const LEGACY_NAME = /^[a-zA-Z0-9._-]{3,255}$/;

/** Every rule an existing bucket's name breaks; empty when a bucket can be called that. */
export function existingBucketNameProblems(name: string): string[] {
  return LEGACY_NAME.test(name) ? [] : bucketNameProblems(name);
}

/** The bucket of an s3:// location, checked before any request names it. */
export function checkLocationBucket(name: string): void {
  const problems = existingBucketNameProblems(name);
  if (problems.length === 0) return;
  throw new UserError(
    `s3://${name}/ cannot be a bucket: its name ${problems.join('; it ')}`,
    {
      hint: 'bucket names are 3-63 characters of a-z, 0-9, dots and hyphens, e.g. s3://acme-backups-2026/',
    },
  );
}
