/**
 * Read-only mode, enforced where calls leave the process: an allowlist of
 * operations that only read. Anything not on it is refused before it is sent.
 */
import { UserError } from '../lib/errors.js';

/** Operations per service that never change anything in the account. */
const READ_PATTERNS: Readonly<Record<string, readonly RegExp[]>> = {
  sts: [/^GetCallerIdentity$/],
  ec2: [
    /^Describe[A-Z]/,
    /^Get(ConsoleOutput|ConsoleScreenshot|PasswordData|EbsEncryptionByDefault|EbsDefaultKmsKeyId|LaunchTemplateData)$/,
  ],
  s3: [
    /^List[A-Z]/,
    /^Head(Object|Bucket)$/,
    /^GetObject$/,
    /^GetBucket(Location|Versioning|Tagging|Policy|Encryption|Lifecycle|LifecycleConfiguration|Acl|Cors|Website|Logging|Notification|NotificationConfiguration|Replication|Ownership|OwnershipControls|RequestPayment|Accelerate|AccelerateConfiguration|PolicyStatus)$/,
    /^GetObject(Acl|Tagging|Attributes|LockConfiguration|Retention|LegalHold)$/,
    /^GetPublicAccessBlock$/,
  ],
  s3control: [/^(List|Describe)[A-Z]/, /^GetJob(Tagging)?$/],
  datasync: [/^(List|Describe)[A-Z]/],
  cloudwatch: [/^(List|Describe)[A-Z]/, /^GetMetric(Data|Statistics)$/],
};

export class ReadOnlyError extends UserError {
  override readonly name = 'ReadOnlyError';
  constructor(action: string, reason: string) {
    super(`read-only: ${action} was not sent`, { hint: reason });
  }
}

export interface WriteGuard {
  readonly readOnly: boolean;
  /** Why writes are blocked, for messages ("--read-only", "profile prod is read-only in config.yaml"). */
  readonly reason: string;
  /** True when the operation only reads. */
  readonly isRead: (service: string, operation: string) => boolean;
  /** Throws ReadOnlyError for a write in read-only mode; returns whether the call is a write. */
  check(service: string, operation: string): { write: boolean };
}

export function isReadOperation(service: string, operation: string): boolean {
  const patterns = READ_PATTERNS[service.toLowerCase()];
  return (
    patterns !== undefined &&
    patterns.some((pattern) => pattern.test(operation))
  );
}

export function createWriteGuard(
  readOnly: boolean,
  reason = 'started with --read-only',
): WriteGuard {
  return {
    readOnly,
    reason,
    isRead: isReadOperation,
    check(service, operation) {
      const write = !isReadOperation(service, operation);
      if (write && readOnly)
        throw new ReadOnlyError(
          `${service.toLowerCase()}:${operation}`,
          reason,
        );
      return { write };
    },
  };
}

/**
 * A guard that asks `current` on every use, for things that outlive the
 * setting they were opened under (a MySQL connection across profile switches).
 */
export function createFollowingGuard(
  current: () => { readonly readOnly: boolean; readonly reason: string },
): WriteGuard {
  return {
    get readOnly() {
      return current().readOnly;
    },
    get reason() {
      return current().reason;
    },
    isRead: isReadOperation,
    check(service, operation) {
      const { readOnly, reason } = current();
      return createWriteGuard(readOnly, reason).check(service, operation);
    },
  };
}
