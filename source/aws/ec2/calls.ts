/**
 * Call patterns the EC2 services share: one page of a paginator, and a bulk
 * action that falls back to one call per target when EC2 refuses the batch
 * because of some of its targets.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import { describeError, isAbortError } from '../../lib/errors.js';
import { ec2ErrorCode, toEc2Error, type Ec2Context } from './ec2-errors.js';

/** The first page of a paginator; cancelled when the signal fires. */
export async function takePage<Page>(
  pages: AsyncIterable<Page>,
  signal: AbortSignal,
): Promise<Page | undefined> {
  for await (const page of pages) {
    signal.throwIfAborted();
    return page;
  }
  return undefined;
}

/** Errors that are about some of the targets, so other targets may still succeed. */
const PER_TARGET = new Set([
  'InvalidInstanceID.NotFound',
  'InvalidInstanceID.Malformed',
  'IncorrectInstanceState',
  'IncorrectState',
  'OperationNotPermitted',
  'UnsupportedOperation',
  'InsufficientInstanceCapacity',
  'InvalidParameterValue',
]);

export function isPerTargetError(error: unknown): boolean {
  return PER_TARGET.has(ec2ErrorCode(error));
}

/** Current state per instance ID, best effort (an empty map when the lookup fails). */
async function instanceStates(
  client: EC2Client,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const states = new Map<string, string>();
  if (ids.length === 0) return states;
  try {
    const { DescribeInstancesCommand } = await import('./ec2-sdk.js');
    // A filter, not InstanceIds: one unknown ID must not fail the lookup.
    const result = await client.send(
      new DescribeInstancesCommand({
        Filters: [{ Name: 'instance-id', Values: [...ids] }],
      }),
    );
    for (const reservation of result.Reservations ?? [])
      for (const instance of reservation.Instances ?? [])
        if (instance.InstanceId !== undefined)
          states.set(instance.InstanceId, instance.State?.Name ?? 'unknown');
  } catch (error) {
    if (isAbortError(error)) throw error;
  }
  return states;
}

export interface BulkResult {
  readonly succeeded: string[];
  readonly failed: { id: string; message: string }[];
}

const FALLBACK_CONCURRENCY = 5;

/**
 * One call for all IDs; when EC2 refuses it because of particular targets,
 * one call per ID so each gets its own answer. Errors that concern the whole
 * call (permissions, credentials, network, read-only) are thrown.
 */
export async function runBulk(
  client: EC2Client,
  ids: readonly string[],
  context: Ec2Context,
  send: (ids: string[]) => Promise<unknown>,
): Promise<BulkResult> {
  try {
    await send([...ids]);
    return { succeeded: [...ids], failed: [] };
  } catch (error) {
    if (isAbortError(error)) throw error;
    if (!isPerTargetError(error)) throw toEc2Error(error, context);
    if (ids.length === 1) {
      return {
        succeeded: [],
        failed: await explain(client, context, [[ids[0] ?? '', error]]),
      };
    }
  }
  const succeeded: string[] = [];
  const errors: [string, unknown][] = [];
  for (let start = 0; start < ids.length; start += FALLBACK_CONCURRENCY) {
    const chunk = ids.slice(start, start + FALLBACK_CONCURRENCY);
    await Promise.all(
      chunk.map(async (id) => {
        try {
          await send([id]);
          succeeded.push(id);
        } catch (error) {
          if (isAbortError(error)) throw error;
          errors.push([id, error]);
        }
      }),
    );
  }
  // Keep the caller's order in both lists.
  const order = (id: string) => ids.indexOf(id);
  succeeded.sort((a, b) => order(a) - order(b));
  errors.sort(([a], [b]) => order(a) - order(b));
  return { succeeded, failed: await explain(client, context, errors) };
}

/** Per-target messages; a wrong-state refusal names the state it is in. */
async function explain(
  client: EC2Client,
  context: Ec2Context,
  errors: readonly (readonly [string, unknown])[],
): Promise<{ id: string; message: string }[]> {
  const wrongState = errors
    .filter(([, error]) => ec2ErrorCode(error) === 'IncorrectInstanceState')
    .map(([id]) => id);
  const states = await instanceStates(client, wrongState);
  return errors.map(([id, error]) => {
    const state = states.get(id);
    return {
      id,
      message: describeError(
        toEc2Error(error, {
          ...context,
          target: id,
          ...(state === undefined ? {} : { state }),
        }),
      ),
    };
  });
}
