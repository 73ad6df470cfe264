import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../source/aws/aws-errors.js';
import {
  dryRunVerdict,
  ec2Call,
  ec2Write,
  toEc2Error,
  type Ec2Context,
} from '../../../source/aws/ec2/ec2-errors.js';
import { describeError } from '../../../source/lib/errors.js';
import { ReadOnlyError } from '../../../source/safety/read-only.js';

/** An error shaped like the SDK's: name is EC2's code. */
function ec2Failure(code: string, message: string): Error {
  return Object.assign(new Error(message), {
    name: code,
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

const context = (action: string, target?: string): Ec2Context => ({
  profile: 'ops',
  endpoint: undefined,
  region: 'us-west-2',
  action: `ec2:${action}`,
  ...(target === undefined ? {} : { target }),
});

const text = (code: string, message: string, where: Ec2Context) =>
  describeError(toEc2Error(ec2Failure(code, message), where));

describe('EC2 error codes as actionable messages', () => {
  it.each([
    [
      'IncorrectInstanceState',
      "The instance 'i-0123456789abcdef0' is not in a state from which it can be started.",
      context('StartInstances'),
      'ec2:StartInstances refused for i-0123456789abcdef0: not in a state that allows it (only a stopped instance can be started)',
    ],
    [
      'IncorrectState',
      "vol-1234abcd is not 'available'.",
      context('AttachVolume', 'vol-1234abcd'),
      "ec2:AttachVolume refused for vol-1234abcd: vol-1234abcd is not 'available'. (wait until the change in progress finishes; refresh with Ctrl+R to see the current state)",
    ],
    [
      'InvalidInstanceID.NotFound',
      "The instance IDs 'i-1234abcd, i-5678abcd' do not exist",
      context('StopInstances'),
      'instance i-1234abcd, i-5678abcd not found in us-west-2 (it may be in another region (:region) or account (:profile), or terminated long ago)',
    ],
    [
      'InvalidInstanceID.Malformed',
      'Invalid id: "i-zz"',
      context('StopInstances', 'i-zz'),
      '"i-zz" is not a valid instance ID (instance IDs are i- followed by 8 or 17 hex digits)',
    ],
    [
      'InvalidVolume.NotFound',
      "The volume 'vol-1234abcd' does not exist.",
      context('DeleteVolume'),
      'volume vol-1234abcd not found in us-west-2 (it may have been deleted, or be in another region (:region))',
    ],
    [
      'VolumeInUse',
      'Volume vol-1234abcd is currently attached to i-1234abcd',
      context('DeleteVolume', 'vol-1234abcd'),
      'volume vol-1234abcd is attached to an instance (detach it first)',
    ],
    [
      'InvalidSnapshot.InUse',
      'The snapshot snap-1234abcd is currently in use by ami-1234abcd',
      context('DeleteSnapshot'),
      'snapshot snap-1234abcd is in use by ami-1234abcd (deregister the image first (aws ec2 deregister-image --image-id ami-1234abcd))',
    ],
    [
      'InvalidSnapshot.NotFound',
      'UnknownError',
      context('CopySnapshot', 'snap-1234abcd'),
      'snapshot snap-1234abcd not found in us-west-2 (it may have been deleted, or be in another region (:region))',
    ],
    [
      'InvalidAllocationID.NotFound',
      "Allocation ID '['eipalloc-1234abcd']' not found.",
      context('ReleaseAddress'),
      'Elastic IP eipalloc-1234abcd not found in us-west-2 (it may have been released; refresh with Ctrl+R to see the current state)',
    ],
    [
      'InvalidAssociationID.NotFound',
      "Association ID 'eipassoc-1234abcd' not found.",
      context('DisassociateAddress'),
      'association eipassoc-1234abcd not found in us-west-2 (the address may already be disassociated; refresh with Ctrl+R to see the current state)',
    ],
    [
      'Resource.AlreadyAssociated',
      'Resource 127.0.0.9 is already associated.',
      context('AssociateAddress', 'eipalloc-1234abcd'),
      'Elastic IP eipalloc-1234abcd is already associated with another instance or interface (move it to take it over, or disassociate it first)',
    ],
    [
      'OperationNotPermitted',
      "The instance 'i-1234abcd' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.",
      context('TerminateInstances'),
      'i-1234abcd: termination protection is on: turn it off first (aws ec2 modify-instance-attribute --instance-id i-1234abcd --no-disable-api-termination --region us-west-2 --profile ops)',
    ],
    [
      'InvalidParameterValue',
      'Value (gp9) for parameter volumeType is invalid.',
      context('CreateVolume'),
      'EC2 rejected the parameters of ec2:CreateVolume: Value (gp9) for parameter volumeType is invalid. (check the values and try again)',
    ],
    [
      'InvalidParameterCombination',
      'The parameter instancesSet cannot be used with the parameter maxResults',
      context('DescribeInstances'),
      'EC2 rejected the parameters of ec2:DescribeInstances: The parameter instancesSet cannot be used with the parameter maxResults (check the values and try again)',
    ],
    [
      'InvalidVolume.ZoneMismatch',
      'The volume is not in the same availability zone as instance',
      context('AttachVolume'),
      "the volume and the instance are in different availability zones (a volume attaches only in its own zone: snapshot it, then create a volume from the snapshot in the instance's zone)",
    ],
  ])('%s', (code, message, where, expected) => {
    expect(text(code, message, where)).toBe(expected);
  });

  it('names the state when it is known', () => {
    const failure = ec2Failure(
      'IncorrectInstanceState',
      "The instance 'i-1234abcd' is not in a state from which it can be stopped.",
    );
    expect(
      toEc2Error(failure, { ...context('StopInstances'), state: 'stopping' })
        .message,
    ).toBe('ec2:StopInstances refused for i-1234abcd: it is stopping');
  });

  it('names the permission for UnauthorizedOperation', () => {
    const problem = toEc2Error(
      ec2Failure(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation. Encoded authorization failure message: abc',
      ),
      context('RebootInstances'),
    );
    expect(problem).toBeInstanceOf(AwsError);
    expect(describeError(problem)).toBe(
      'permission denied for ec2:RebootInstances (grant ec2:RebootInstances to the identity of profile ops)',
    );
  });

  it('passes a read-only refusal through unchanged', async () => {
    const refusal = new ReadOnlyError('ec2:StopInstances', '--read-only');
    await expect(
      ec2Call(context('StopInstances'), () => Promise.reject(refusal)),
    ).rejects.toBe(refusal);
    await expect(
      dryRunVerdict(context('StopInstances'), () => Promise.reject(refusal)),
    ).rejects.toBe(refusal);
  });
});

describe('dry runs', () => {
  const where = context('StopInstances');

  it('reads DryRunOperation as allowed', async () => {
    await expect(
      dryRunVerdict(where, () =>
        Promise.reject(
          ec2Failure('DryRunOperation', 'Request would have succeeded'),
        ),
      ),
    ).resolves.toEqual({ allowed: true });
  });

  it('reads UnauthorizedOperation as not allowed, with the permission', async () => {
    await expect(
      dryRunVerdict(where, () =>
        Promise.reject(ec2Failure('UnauthorizedOperation', 'not authorized')),
      ),
    ).resolves.toEqual({
      allowed: false,
      reason:
        'permission denied for ec2:StopInstances (grant ec2:StopInstances to the identity of profile ops)',
    });
  });

  it('throws problems that are not about the call', async () => {
    await expect(
      dryRunVerdict(where, () =>
        Promise.reject(ec2Failure('RequestLimitExceeded', 'Request limit')),
      ),
    ).rejects.toMatchObject({ kind: 'throttled' });
  });

  it('says so when the endpoint ignored DryRun', async () => {
    await expect(
      dryRunVerdict(where, () => Promise.resolve({})),
    ).resolves.toEqual({
      allowed: true,
      reason: 'the endpoint ignored DryRun and made the change',
    });
  });

  it('sends DryRun only when asked and returns the result otherwise', async () => {
    const flags: boolean[] = [];
    const call = (dryRun: boolean) => {
      flags.push(dryRun);
      return dryRun
        ? Promise.reject(ec2Failure('DryRunOperation', 'would succeed'))
        : Promise.resolve(7);
    };
    await expect(ec2Write(where, { dryRun: true }, call)).resolves.toEqual({
      dryRun: { allowed: true },
    });
    await expect(ec2Write(where, undefined, call)).resolves.toEqual({
      result: 7,
    });
    expect(flags).toEqual([true, false]);
  });
});
