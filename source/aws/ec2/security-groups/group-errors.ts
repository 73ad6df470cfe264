/**
 * Security-group refusals as messages a sysadmin can act on. Codes not
 * named here go on to the EC2 and AWS mappings unchanged.
 */
import { AwsError } from '../../aws-errors.js';
import { ec2ErrorCode } from '../ec2-errors.js';

const MESSAGES: Readonly<Record<string, (target: string) => [string, string]>> =
  {
    'InvalidPermission.Duplicate': (target) => [
      `${target} has this rule already`,
      'refresh with Ctrl+R to see the current rules',
    ],
    'InvalidPermission.NotFound': (target) => [
      `${target} has no such rule`,
      'it may have been removed already; refresh with Ctrl+R',
    ],
    'InvalidGroup.NotFound': (target) => [
      `security group ${target} not found`,
      'it may have been deleted, or be in another region (:region)',
    ],
    'InvalidGroup.Duplicate': (target) => [
      `a group named ${target} exists already in that VPC`,
      'choose another name',
    ],
    DependencyViolation: (target) => [
      `${target} is still in use or referenced by another group's rules`,
      'remove it from every instance and every rule that names it first',
    ],
    RulesPerSecurityGroupLimitExceeded: (target) => [
      `${target} has as many rules as EC2 allows`,
      'remove a rule first, or use a prefix list for many addresses',
    ],
  };

/** Runs one security-group call, turning the known refusals into plain words. */
export async function groupCall<T>(
  target: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const message = MESSAGES[ec2ErrorCode(error)];
    if (!message) throw error;
    const [text, hint] = message(target);
    throw new AwsError('other', text, { hint, cause: error });
  }
}
