/**
 * Whether the create step makes the target bucket, or knows it as this
 * run's own: the journal holds its name (made in an earlier session), or
 * the name now answers HeadBucket in the target region while the
 * pre-flight found it free (made, but the session died before the
 * journal was written). Anything else is refused, never taken over. Pure.
 */
import type { TargetNameCheck } from '../../../aws/s3/bucket-config/bucket-config.js';

export type CreateDecision =
  | { readonly action: 'journalled' }
  | { readonly action: 'found' }
  | { readonly action: 'create' }
  | { readonly action: 'refuse'; readonly why: string };

export function createDecision(options: {
  readonly journalled: boolean;
  /** What HeadBucket says of the name now; only asked when not journalled. */
  readonly check?: TargetNameCheck;
  /** Where the existing bucket is. */
  readonly foundRegion?: string;
  readonly targetRegion: string;
}): CreateDecision {
  if (options.journalled) return { action: 'journalled' };
  const { check } = options;
  if (check === undefined || (check.usable && !check.exists))
    return { action: 'create' };
  if (!check.usable) return { action: 'refuse', why: check.why };
  if (options.foundRegion !== options.targetRegion)
    return {
      action: 'refuse',
      why: `a bucket of that name exists in ${options.foundRegion ?? 'another region'}, not ${options.targetRegion}`,
    };
  return { action: 'found' };
}
