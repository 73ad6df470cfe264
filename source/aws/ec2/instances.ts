/**
 * Instances: paged list, bulk power actions with per-instance results,
 * terminate that respects termination protection, images, snapshots, tags.
 * The EC2 SDK is imported on first use so start-up does not load it.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { AwsClientFactory } from '../client-factory.js';
import { describeError, isAbortError } from '../../lib/errors.js';
import { AwsError } from '../aws-errors.js';
import { isPerTargetError, runBulk } from './calls.js';
import {
  dryRunVerdict,
  ec2Call,
  ec2Context,
  terminationProtectionMessage,
  toEc2Error,
} from './ec2-errors.js';
import { createInstanceDetails } from './instance-details.js';
import type { InstancePageThread } from './page-thread/page-thread.js';
import { createThreadedPages } from './page-thread/threaded-pages.js';
import { createInstanceWrites } from './instance-writes.js';
import { toInstanceRow } from './rows.js';
import type { InstanceService, WriteOptions } from './types.js';
import { checkInstanceIds } from './validate.js';
import type { BulkOutcome } from '../../safety/write-outcome.js';

type BulkOperation =
  'StartInstances' | 'StopInstances' | 'RebootInstances' | 'TerminateInstances';

export function createInstanceService(
  factory: AwsClientFactory,
  options: {
    pageSize?: number;
    /** Fetches and parses pages off the calling thread (the console's). */
    pageThread?: InstancePageThread;
  } = {},
): InstanceService {
  const pageSize = options.pageSize ?? 200;
  const threadedPages =
    options.pageThread === undefined
      ? undefined
      : createThreadedPages(options.pageThread);
  const region = factory.settings.region;
  const sdk = () => import('./ec2-sdk.js');

  /** Sends one bulk operation for `ids`, with or without DryRun. */
  async function sendBulk(
    client: EC2Client,
    operation: BulkOperation,
    ids: string[],
    dryRun: boolean,
    force: boolean,
  ): Promise<unknown> {
    const commands = await sdk();
    const input = { InstanceIds: ids, DryRun: dryRun };
    switch (operation) {
      case 'StartInstances':
        return client.send(new commands.StartInstancesCommand(input));
      case 'StopInstances':
        return client.send(
          new commands.StopInstancesCommand({ ...input, Force: force }),
        );
      case 'RebootInstances':
        return client.send(new commands.RebootInstancesCommand(input));
      case 'TerminateInstances':
        return client.send(new commands.TerminateInstancesCommand(input));
    }
  }

  async function bulk(
    operation: BulkOperation,
    ids: readonly string[],
    write: WriteOptions & { readonly force?: boolean } = {},
    refused: BulkOutcome['failed'] = [],
  ): Promise<BulkOutcome> {
    const context = ec2Context(factory, operation);
    const client = await factory.ec2();
    const force = write.force === true;
    if (ids.length === 0) return { succeeded: [], failed: refused };
    if (write.dryRun === true) {
      const dryRun = await dryRunVerdict(context, () =>
        sendBulk(client, operation, [...ids], true, force),
      );
      return { dryRun, succeeded: [], failed: refused };
    }
    const result = await runBulk(client, ids, context, (targets) =>
      sendBulk(client, operation, targets, false, force),
    );
    return {
      succeeded: result.succeeded,
      failed: [...refused, ...result.failed],
    };
  }

  /** Termination protection per instance; an ID EC2 does not know is that target's failure. */
  async function protection(
    client: EC2Client,
    id: string,
  ): Promise<{ id: string; message?: string }> {
    const { DescribeInstanceAttributeCommand } = await sdk();
    const context = ec2Context(factory, 'DescribeInstanceAttribute', id);
    try {
      const answer = await client.send(
        new DescribeInstanceAttributeCommand({
          InstanceId: id,
          Attribute: 'disableApiTermination',
        }),
      );
      return answer.DisableApiTermination?.Value === true
        ? { id, message: terminationProtectionMessage(id, context) }
        : { id };
    } catch (error) {
      if (isAbortError(error)) throw error;
      const problem = toEc2Error(error, context);
      if (isPerTargetError(error))
        return { id, message: describeError(problem) };
      // Without the right to read the attribute, leave the decision to EC2:
      // TerminateInstances refuses protected instances too.
      if (problem instanceof AwsError && problem.kind === 'denied')
        return { id };
      throw problem;
    }
  }

  return {
    async list(cursor, signal) {
      const context = ec2Context(factory, 'DescribeInstances');
      return ec2Call(context, async () => {
        const client = await factory.ec2();
        const threaded = await threadedPages?.page(client, {
          region,
          pageSize,
          cursor,
          signal,
        });
        if (threaded !== undefined) return threaded;
        const { DescribeInstancesCommand } = await sdk();
        const command = new DescribeInstancesCommand({
          MaxResults: pageSize,
          ...(cursor === undefined ? {} : { NextToken: cursor }),
        });
        threadedPages?.learn(command, region);
        const page = await client.send(command, { abortSignal: signal });
        // A client that ignores its signal must not publish what was dropped.
        signal.throwIfAborted();
        const rows = (page.Reservations ?? []).flatMap((reservation) =>
          (reservation.Instances ?? []).map((instance) =>
            toInstanceRow(instance, region),
          ),
        );
        return { rows, next: page.NextToken };
      });
    },

    // async, so a refused input rejects the promise rather than throwing.
    start: async (ids, write) =>
      bulk('StartInstances', checkInstanceIds(ids), write),
    stop: async (ids, write) =>
      bulk('StopInstances', checkInstanceIds(ids), write),
    reboot: async (ids, write) =>
      bulk('RebootInstances', checkInstanceIds(ids), write),

    async terminate(ids, write) {
      const targets = checkInstanceIds(ids);
      const client = await factory.ec2();
      const checked = await Promise.all(
        targets.map((id) => protection(client, id)),
      );
      const refused = checked.flatMap(({ id, message }) =>
        message === undefined ? [] : [{ id, message }],
      );
      const free = checked
        .filter(({ message }) => message === undefined)
        .map(({ id }) => id);
      const outcome = await bulk('TerminateInstances', free, write, refused);
      if (write?.dryRun === true && free.length === 0)
        return {
          ...outcome,
          dryRun: {
            allowed: false,
            reason: 'every target would be refused (see the list)',
          },
        };
      return outcome;
    },

    ...createInstanceWrites(factory),
    ...createInstanceDetails(factory),
  };
}
