/**
 * SDK middleware that enforces read-only mode and records every write call in
 * the event log. It sits at the initialize step, before serialization, so a
 * blocked call never reaches the network.
 */
import type {
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
  MiddlewareStack,
} from '@smithy/types';
import type { EventLog } from '../events/event-log.js';
import type { WriteGuard } from '../safety/read-only.js';
import { describeError } from '../lib/errors.js';

/** Input fields that name what a write acts on; only these reach the log. */
const TARGET_FIELDS = [
  'InstanceIds',
  'InstanceId',
  'VolumeId',
  'SnapshotId',
  'ImageId',
  'AllocationId',
  'AssociationId',
  'PublicIp',
  'NetworkInterfaceId',
  'Resources',
  'SourceSnapshotId',
  'SourceImageId',
  'SourceRegion',
  'Bucket',
  'Key',
  'UploadId',
  'Name',
  'GroupId',
  'GroupName',
  'Groups',
  'KeyName',
  'JobId',
  'TaskArn',
  'TaskExecutionArn',
  'S3BucketArn',
];

function describeTarget(input: unknown): string {
  if (input === null || typeof input !== 'object') return '';
  const record = input as Record<string, unknown>;
  const parts: string[] = [];
  for (const field of TARGET_FIELDS) {
    const value = record[field];
    if (typeof value === 'string') parts.push(`${field}=${value}`);
    else if (
      Array.isArray(value) &&
      value.every((item) => typeof item === 'string')
    ) {
      parts.push(`${field}=${value.join(',')}`);
    }
  }
  if (record['DryRun'] === true) parts.push('(dry run)');
  return parts.join(' ');
}

export function attachWriteGuard<Input extends object, Output extends object>(
  stack: MiddlewareStack<Input, Output>,
  service: string,
  deps: { guard: WriteGuard; events: EventLog },
): void {
  stack.add(
    (
      next: InitializeHandler<Input, Output>,
      context: HandlerExecutionContext,
    ) =>
      async (args: InitializeHandlerArguments<Input>) => {
        const operation = (context.commandName ?? 'Unknown').replace(
          /Command$/,
          '',
        );
        const action = `${service}:${operation}`;
        let write: boolean;
        try {
          ({ write } = deps.guard.check(service, operation));
        } catch (error) {
          deps.events.record(
            'warn',
            service,
            `blocked ${action} ${describeTarget(args.input)}: ${describeError(error)}`,
          );
          throw error;
        }
        if (!write) return next(args);
        // One entry per write, once its outcome is known: what, on what, and how it went.
        const called = `${action} ${describeTarget(args.input)}`.trim();
        // A dry run changes nothing: logged as information, and EC2's
        // "would succeed" (DryRunOperation) or "not allowed" is its answer, not a failure.
        const dryRun = (args.input as { DryRun?: unknown }).DryRun === true;
        try {
          const result = await next(args);
          deps.events.record(
            dryRun ? 'info' : 'write',
            service,
            `${called}: succeeded`,
          );
          return result;
        } catch (error) {
          const name = error instanceof Error ? error.name : '';
          if (dryRun && name === 'DryRunOperation')
            deps.events.record('info', service, `${called}: would be allowed`);
          else if (dryRun && name === 'UnauthorizedOperation')
            deps.events.record('warn', service, `${called}: not allowed`);
          else
            deps.events.record(
              'error',
              service,
              `${called}: failed: ${describeError(error)}`,
            );
          throw error;
        }
      },
    { step: 'initialize', name: 'opsdeckWriteGuard', priority: 'high' },
  );
}
