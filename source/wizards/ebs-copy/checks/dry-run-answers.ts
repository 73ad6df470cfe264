/**
 * The answers to the pre-flight's dry runs as problems: DryRunOperation
 * means allowed; a refusal becomes a blocker that says what to grant or
 * fix; read-only mode is one blocker for all; anything else (the network,
 * credentials) is thrown, since the pre-flight cannot go on without EC2.
 */
import { AwsError } from '../../../aws/aws-errors.js';
import { ec2ErrorCode, type Ec2Context } from '../../../aws/ec2/ec2-errors.js';
import { describeError, UserError } from '../../../lib/errors.js';
import { ReadOnlyError } from '../../../safety/read-only.js';
import { toCopyError } from './copy-errors.js';
import type { Problem } from '../types.js';

export interface DryRun {
  readonly step: string;
  readonly context: Ec2Context;
  readonly send: () => Promise<unknown>;
}

export async function dryRunAnswers(
  runs: readonly DryRun[],
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const run of runs) {
    try {
      await run.send();
    } catch (error) {
      if (ec2ErrorCode(error) === 'DryRunOperation') continue;
      if (error instanceof ReadOnlyError)
        return [
          {
            severity: 'blocker',
            code: 'read-only',
            message: 'read-only mode: the wizard cannot create anything',
            fix: error.hint ?? 'start opsdeck without --read-only',
          },
        ];
      const mapped = toCopyError(
        error,
        run.context,
        'run the pre-flight again',
      );
      if (
        mapped instanceof AwsError &&
        !['denied', 'other'].includes(mapped.kind)
      )
        throw mapped;
      const message =
        mapped instanceof UserError ? mapped.message : describeError(mapped);
      const hint = mapped instanceof UserError ? mapped.hint : undefined;
      problems.push({
        severity: 'blocker',
        code: /kms/i.test(message) ? 'kms-key' : `dry-run:${run.step}`,
        message: `${run.context.action} would fail: ${message}`,
        fix:
          hint ??
          'fix the permission or the value EC2 names, then run the pre-flight again',
      });
    }
  }
  return problems;
}
