/**
 * `handoff:` in the config file: when a bucket copy is big enough to run on
 * AWS's own engines (S3 Batch Operations, DataSync) instead of through
 * opsdeck, and the IAM roles those engines act as. opsdeck never creates a
 * role: the account's owner names one, so its permissions are theirs.
 */
import * as z from 'zod/mini';
import {
  DEFAULT_HANDOFF,
  ROLE_ARN,
  ROLE_ARN_RULE,
} from './handoff-defaults.js';

const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
  pib: 2 ** 50,
};

/** A byte count, or a size such as "1 TiB" or "500GB" (pretty-bytes only formats). */
const byteSize = z.union([
  z.int().check(z.positive()),
  z.pipe(
    z.string().check(z.trim()),
    z.transform((text: string, context) => {
      const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text);
      const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
      if (match === null || unit === undefined) {
        context.issues.push({
          code: 'custom',
          input: text,
          message:
            'a size such as "1 TiB", "500 GB" or a number of bytes (units B, KB..PB, KiB..PiB)',
        });
        return z.NEVER;
      }
      return Math.round(Number(match[1]) * unit);
    }),
  ),
]);

const roleArn = z.string().check(z.trim(), z.regex(ROLE_ARN, ROLE_ARN_RULE));

export const handoffSchema = z.strictObject({
  /** A copy of at least this many objects is offered to AWS's engines. */
  minObjects: z._default(
    z.int().check(z.positive()),
    DEFAULT_HANDOFF.minObjects,
  ),
  /** ... or of at least this many bytes. */
  minBytes: z._default(byteSize, DEFAULT_HANDOFF.minBytes),
  /** The role S3 Batch Operations assumes to read the source, write the target and the report. */
  batchRoleArn: z.optional(roleArn),
  /** The role DataSync assumes to read and write the buckets. */
  dataSyncRoleArn: z.optional(roleArn),
  /** Where manifests and completion reports go (under opsdeck-jobs/); by default the target bucket, in the job's region. */
  reportBucket: z.optional(
    z.string().check(z.trim(), z.minLength(3), z.maxLength(63)),
  ),
  /** Batch Operations job priority: higher runs first among the account's jobs. */
  priority: z._default(
    z.int().check(z.minimum(0), z.maximum(2147483647)),
    DEFAULT_HANDOFF.priority,
  ),
});

export type HandoffSettings = z.infer<typeof handoffSchema>;
