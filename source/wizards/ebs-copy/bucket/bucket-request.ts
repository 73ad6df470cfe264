/** Checks of a bucket source's request before any call: the new name against the S3 naming rules. Pure. */
import { bucketNameProblems } from '../../../aws/s3/bucket-names.js';
import type { CopyRequest, Problem } from '../types.js';
import { targetBucketName } from './bucket-plan.js';

export function bucketNameChecks(request: CopyRequest): Problem[] {
  const name = targetBucketName(request);
  const problems = bucketNameProblems(name);
  if (problems.length === 0) return [];
  return [
    {
      severity: 'blocker',
      code: 'target-name',
      message: `the bucket name ${name} breaks the S3 naming rules: it ${problems.join('; it ')}`,
      fix: 'choose another name (o, the new bucket field; --target-bucket)',
    },
  ];
}
