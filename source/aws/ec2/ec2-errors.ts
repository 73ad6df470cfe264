/**
 * EC2 error codes as messages a sysadmin can act on: what is wrong with which
 * resource, and what to do next. Codes not handled here (credentials,
 * throttling, permissions, network) fall through to toAwsError. Messages are
 * built from IDs and EC2's own error text, never from request bodies.
 */
import {
  describeError,
  isAbortError,
  type UserError,
} from '../../lib/errors.js';
import { AwsError, mappedCall, toAwsError } from '../aws-errors.js';
import type { AwsClientFactory } from '../client-factory.js';
import type { WriteOptions } from './types.js';
import type { DryRunResult, Outcome } from '../../safety/write-outcome.js';

export interface Ec2Context {
  readonly profile: string | undefined;
  readonly endpoint: string | undefined;
  readonly region: string;
  /** IAM action, e.g. "ec2:StopInstances". */
  readonly action: string;
  /** The resource the call is about. */
  readonly target?: string;
  /** The target's current state, when known. */
  readonly state?: string;
}

export function ec2Context(
  factory: AwsClientFactory,
  operation: string,
  target?: string,
  region = factory.settings.region,
): Ec2Context {
  return {
    profile: factory.settings.profile,
    endpoint: factory.settings.endpoint,
    region,
    action: `ec2:${operation}`,
    ...(target === undefined ? {} : { target }),
  };
}

/** The EC2 error code ("IncorrectInstanceState"), or '' for non-AWS errors. */
export function ec2ErrorCode(error: unknown): string {
  if (error === null || typeof error !== 'object') return '';
  const record = error as Record<string, unknown>;
  const code = record['Code'] ?? record['name'];
  return typeof code === 'string' ? code : '';
}

/** The IDs of one kind that EC2 names in its message, in order. */
function idsIn(message: string, prefix: string): string[] {
  return message.match(new RegExp(`\\b${prefix}-[0-9a-f]+\\b`, 'g')) ?? [];
}

/** EC2 sometimes names the state: "... current state: stopping", "is in the 'pending' state". */
function stateIn(message: string): string | undefined {
  return /current state(?: is)?:? '?([a-z-]+)'?|is in (?:the )?'?([a-z-]+)'? state/i
    .exec(message)
    ?.slice(1)
    .find((match) => match !== undefined);
}

export function terminationProtectionMessage(
  instanceId: string,
  context: Pick<Ec2Context, 'region' | 'profile'>,
): string {
  const profile =
    context.profile === undefined ? '' : ` --profile ${context.profile}`;
  return `termination protection is on: turn it off first (aws ec2 modify-instance-attribute --instance-id ${instanceId} --no-disable-api-termination --region ${context.region}${profile})`;
}

const STATE_HINTS: Readonly<Record<string, string>> = {
  'ec2:StartInstances': 'only a stopped instance can be started',
  'ec2:StopInstances': 'only a running or pending instance can be stopped',
  'ec2:RebootInstances': 'only a running instance can be rebooted',
};

export function toEc2Error(error: unknown, context: Ec2Context): UserError {
  const code = ec2ErrorCode(error);
  const message = error instanceof Error ? error.message : '';
  const where = `in ${context.region}`;
  const build = (text: string, hint?: string) =>
    new AwsError('other', text, {
      ...(hint === undefined ? {} : { hint }),
      cause: error,
    });
  const named = (prefix: string) =>
    idsIn(message, prefix).join(', ') || context.target || 'the resource';
  const refresh = 'refresh with Ctrl+R to see the current state';

  switch (code) {
    case 'IncorrectInstanceState': {
      const state = context.state ?? stateIn(message);
      return build(
        `${context.action} refused for ${named('i')}: ${state === undefined ? 'not in a state that allows it' : `it is ${state}`}`,
        STATE_HINTS[context.action] ??
          'wait until the current change finishes, then try again',
      );
    }
    case 'IncorrectState':
      return build(
        `${context.action} refused for ${context.target ?? 'the resource'}: ${message}`,
        `wait until the change in progress finishes; ${refresh}`,
      );
    case 'InvalidInstanceID.NotFound':
      return build(
        `instance ${named('i')} not found ${where}`,
        'it may be in another region (:region) or account (:profile), or terminated long ago',
      );
    case 'InvalidInstanceID.Malformed':
      return build(
        `"${context.target ?? named('i')}" is not a valid instance ID`,
        'instance IDs are i- followed by 8 or 17 hex digits',
      );
    case 'InvalidVolume.NotFound':
      return build(
        `volume ${named('vol')} not found ${where}`,
        'it may have been deleted, or be in another region (:region)',
      );
    case 'InvalidVolume.ZoneMismatch':
      return build(
        'the volume and the instance are in different availability zones',
        "a volume attaches only in its own zone: snapshot it, then create a volume from the snapshot in the instance's zone",
      );
    case 'VolumeInUse':
      return build(
        `volume ${named('vol')} is attached to an instance`,
        'detach it first',
      );
    case 'InvalidSnapshot.InUse': {
      const image = idsIn(message, 'ami')[0];
      return build(
        `snapshot ${named('snap')} is in use${image === undefined ? '' : ` by ${image}`}`,
        image === undefined
          ? 'deregister the image that uses it first'
          : `deregister the image first (aws ec2 deregister-image --image-id ${image})`,
      );
    }
    case 'InvalidSnapshot.NotFound':
      return build(
        `snapshot ${named('snap')} not found ${where}`,
        'it may have been deleted, or be in another region (:region)',
      );
    case 'InvalidAllocationID.NotFound':
      return build(
        `Elastic IP ${named('eipalloc')} not found ${where}`,
        `it may have been released; ${refresh}`,
      );
    case 'InvalidAssociationID.NotFound':
      return build(
        `association ${named('eipassoc')} not found ${where}`,
        `the address may already be disassociated; ${refresh}`,
      );
    case 'Resource.AlreadyAssociated':
      return build(
        `Elastic IP ${named('eipalloc')} is already associated with another instance or interface`,
        'move it to take it over, or disassociate it first',
      );
    case 'InvalidIPAddress.InUse':
      return build(
        `Elastic IP ${named('eipalloc')} is still associated`,
        'disassociate it first',
      );
    case 'OperationNotPermitted':
      if (/disableApiTermination|may not be terminated/i.test(message))
        return build(
          `${named('i')}: ${terminationProtectionMessage(named('i'), context)}`,
        );
      return build(`EC2 does not permit ${context.action}: ${message}`);
    case 'InvalidParameterValue':
    case 'InvalidParameterCombination':
    case 'InvalidParameter':
    case 'MissingParameter':
      return build(
        `EC2 rejected the parameters of ${context.action}: ${message}`,
        'check the values and try again',
      );
    default:
      return toAwsError(error, context);
  }
}

/** Runs one EC2 call; abort and read-only errors pass unchanged, the rest become actionable. */
export function ec2Call<T>(
  context: Ec2Context,
  call: () => Promise<T>,
): Promise<T> {
  return mappedCall(context, call, toEc2Error);
}

/**
 * Runs `call` (which must send DryRun: true) and reads EC2's verdict:
 * DryRunOperation means allowed; a refusal (permission, bad state, unknown
 * ID) means not allowed, with the reason. Errors that say nothing about the
 * call itself (credentials, network, throttling, read-only) are thrown.
 */
export async function dryRunVerdict(
  context: Ec2Context,
  call: () => Promise<unknown>,
): Promise<DryRunResult> {
  try {
    await call();
  } catch (error) {
    if (isAbortError(error)) throw error;
    if (ec2ErrorCode(error) === 'DryRunOperation') return { allowed: true };
    const problem = toEc2Error(error, context);
    if (
      problem instanceof AwsError &&
      ['denied', 'other'].includes(problem.kind)
    )
      return { allowed: false, reason: describeError(problem) };
    throw problem;
  }
  // The endpoint ignored DryRun and ran the call: say so rather than pretend.
  return {
    allowed: true,
    reason: 'the endpoint ignored DryRun and made the change',
  };
}

/** A write with WriteOptions: the dry-run verdict, or the call's result. */
export async function ec2Write<T>(
  context: Ec2Context,
  options: WriteOptions | undefined,
  call: (dryRun: boolean) => Promise<T>,
): Promise<Outcome<T>> {
  if (options?.dryRun === true)
    return { dryRun: await dryRunVerdict(context, () => call(true)) };
  return { result: await ec2Call(context, () => call(false)) };
}
