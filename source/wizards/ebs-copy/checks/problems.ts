/** What the pre-flight checks share: how they name a call for error messages, and how they word a problem. */
import type { Ec2Context } from '../../../aws/ec2/ec2-errors.js';
import type { Problem } from '../types.js';

export type ChecksContext = (
  operation: string,
  target?: string,
  region?: string,
) => Ec2Context;

export const blocker = (
  code: string,
  message: string,
  fix: string,
): Problem => ({ severity: 'blocker', code, message, fix });

export const warning = (
  code: string,
  message: string,
  fix: string,
): Problem => ({ severity: 'warning', code, message, fix });
