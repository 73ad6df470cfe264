import {
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  EC2ServiceException,
  GetConsoleOutputCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type StopInstancesCommandInput,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAwsClientFactory } from '../../../source/aws/client-factory.js';
import { createInstanceService } from '../../../source/aws/ec2/instances.js';
import { createSnapshotService } from '../../../source/aws/ec2/snapshots.js';
import { createEventLog } from '../../../source/events/event-log.js';
import { describeError } from '../../../source/lib/errors.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());

const A = 'i-0aaaaaaaaaaaaaaa1';
const B = 'i-0bbbbbbbbbbbbbbb2';
const C = 'i-0ccccccccccccccc3';

/** The real factory: the mock replaces send on every EC2Client it builds. */
function factory() {
  return createAwsClientFactory(
    { profile: 'ops', region: 'us-east-1', endpoint: undefined },
    { guard: createWriteGuard(false), events: createEventLog() },
  );
}

function failure(name: string, message: string) {
  return new EC2ServiceException({
    name,
    message,
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

const signal = () => new AbortController().signal;

describe('EC2 services against a mocked client', () => {
  it('says AWS is throttling when RequestLimitExceeded outlasts the retries', async () => {
    ec2
      .on(DescribeInstancesCommand)
      .rejects(failure('RequestLimitExceeded', 'Request limit exceeded.'));
    const instances = createInstanceService(factory());
    const error: unknown = await instances
      .list(undefined, signal())
      .catch((problem: unknown) => problem);
    expect(describeError(error)).toBe(
      'AWS is throttling ec2:DescribeInstances even after retries (wait a minute and refresh; lower the refresh rate in config.yaml)',
    );
  });

  it('names the missing permission for UnauthorizedOperation', async () => {
    ec2
      .on(StopInstancesCommand)
      .rejects(failure('UnauthorizedOperation', 'You are not authorized'));
    const instances = createInstanceService(factory());
    await expect(instances.stop([A, B])).rejects.toMatchObject({
      kind: 'denied',
      message: 'permission denied for ec2:StopInstances',
      hint: 'grant ec2:StopInstances to the identity of profile ops',
    });
    expect(ec2.commandCalls(StopInstancesCommand)).toHaveLength(1);
  });

  it('names the state an instance is in when it cannot be stopped', async () => {
    ec2
      .on(StopInstancesCommand)
      .rejects(
        failure(
          'IncorrectInstanceState',
          `The instance '${A}' is not in a state from which it can be stopped.`,
        ),
      );
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        { Instances: [{ InstanceId: A, State: { Name: 'stopping' } }] },
      ],
    });
    const outcome = await createInstanceService(factory()).stop([A]);
    expect(outcome.succeeded).toEqual([]);
    expect(outcome.failed).toEqual([
      {
        id: A,
        message: `ec2:StopInstances refused for ${A}: it is stopping (only a running or pending instance can be stopped)`,
      },
    ]);
  });

  it('falls back to one call per instance when one of them is refused', async () => {
    const sent: string[][] = [];
    ec2
      .on(StopInstancesCommand)
      .callsFake((input: StopInstancesCommandInput) => {
        const ids = [...(input.InstanceIds ?? [])];
        sent.push(ids);
        if (ids.includes(B))
          throw failure(
            'InvalidInstanceID.NotFound',
            `The instance ID '${B}' does not exist`,
          );
        return {};
      });
    const outcome = await createInstanceService(factory()).stop([A, B, C], {
      force: true,
    });
    expect(outcome).toEqual({
      succeeded: [A, C],
      failed: [
        {
          id: B,
          message: `instance ${B} not found in us-east-1 (it may be in another region (:region) or account (:profile), or terminated long ago)`,
        },
      ],
    });
    expect(sent[0]).toEqual([A, B, C]);
    expect(sent.slice(1).sort()).toEqual([[A], [B], [C]]);
    expect(
      ec2
        .commandCalls(StopInstancesCommand)
        .map((call) => call.args[0].input.Force),
    ).toEqual([true, true, true, true]);
  });

  it('terminates only the instances without termination protection', async () => {
    ec2
      .on(DescribeInstanceAttributeCommand)
      .callsFake((input: { InstanceId?: string }) => ({
        InstanceId: input.InstanceId,
        DisableApiTermination: { Value: input.InstanceId === B },
      }));
    ec2.on(TerminateInstancesCommand).resolves({});
    const outcome = await createInstanceService(factory()).terminate([A, B]);
    expect(outcome.succeeded).toEqual([A]);
    expect(outcome.failed).toEqual([
      {
        id: B,
        message: `termination protection is on: turn it off first (aws ec2 modify-instance-attribute --instance-id ${B} --no-disable-api-termination --region us-east-1 --profile ops)`,
      },
    ]);
    const terminated = ec2.commandCalls(TerminateInstancesCommand);
    expect(terminated.map((call) => call.args[0].input.InstanceIds)).toEqual([
      [A],
    ]);
  });

  it('answers a dry run with the verdict only', async () => {
    ec2
      .on(StopInstancesCommand)
      .rejects(failure('DryRunOperation', 'Request would have succeeded'));
    const outcome = await createInstanceService(factory()).stop([A], {
      dryRun: true,
    });
    expect(outcome).toEqual({
      dryRun: { allowed: true },
      succeeded: [],
      failed: [],
    });
    expect(
      ec2.commandCalls(StopInstancesCommand)[0]?.args[0].input.DryRun,
    ).toBe(true);
  });

  it('reads snapshot progress as a number and passes the page token on', async () => {
    ec2.on(DescribeSnapshotsCommand).resolves({
      Snapshots: [
        {
          SnapshotId: 'snap-0123456789abcdef0',
          State: 'pending',
          Progress: '45%',
        },
      ],
      NextToken: 'page-2',
    });
    const snapshots = createSnapshotService(factory());
    const page = await snapshots.list(undefined, signal());
    expect(page.rows.map((row) => [row.state, row.progress])).toEqual([
      ['pending', 45],
    ]);
    expect(page.next).toBe('page-2');
    await snapshots.list('page-2', signal());
    const inputs = ec2
      .commandCalls(DescribeSnapshotsCommand)
      .map((call) => call.args[0].input);
    expect(inputs[1]).toMatchObject({
      OwnerIds: ['self'],
      MaxResults: 500,
      NextToken: 'page-2',
    });
  });

  it('stops after the page when the list is cancelled', async () => {
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
    const controller = new AbortController();
    controller.abort();
    await expect(
      createInstanceService(factory()).list(undefined, controller.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('asks for console output without Latest when EC2 refuses it', async () => {
    ec2.on(GetConsoleOutputCommand).callsFake((input: { Latest?: boolean }) => {
      if (input.Latest === true)
        throw failure('UnsupportedOperation', 'Latest is not supported');
      return { Output: Buffer.from('booted\n').toString('base64') };
    });
    await expect(
      createInstanceService(factory()).consoleOutput(A),
    ).resolves.toBe('booted\n');
    expect(
      ec2
        .commandCalls(GetConsoleOutputCommand)
        .map((call) => call.args[0].input.Latest),
    ).toEqual([true, undefined]);
  });
});
