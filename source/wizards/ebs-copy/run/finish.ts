/**
 * The end of a run: what now exists in the target, what was only needed on
 * the way and is still there, and removing those one at a time (the caller
 * asks the user about each).
 */
import {
  DeleteSnapshotCommand,
  DeregisterImageCommand,
} from '@aws-sdk/client-ec2';
import type { AwsClientFactory } from '../../../aws/client-factory.js';
import { ec2Call, ec2Context } from '../../../aws/ec2/ec2-errors.js';
import { UserError } from '../../../lib/errors.js';
import { targetBucketName } from '../bucket/bucket-plan.js';
import { bucketNotes } from '../bucket/bucket-summary.js';
import type { JournalStore } from './journal.js';
import type { CreatedResource, Journal, RunSummary } from '../run-types.js';

function created(journal: Journal): CreatedResource[] {
  return journal.plan.flatMap((step) => journal.steps[step.id]?.created ?? []);
}

export function summarize(journal: Journal): RunSummary {
  const live = created(journal).filter(
    (resource) => resource.cleanedUp !== true,
  );
  const notes: string[] = [];
  const output = (step: string, key: string) =>
    journal.steps[step]?.outputs[key];
  const ip = output('elastic-ip', 'publicIp');
  if (ip !== undefined)
    notes.push(
      `new public address ${ip}: Elastic IPs cannot move between regions, so update DNS records that point at the old one`,
    );
  const groupNotes = output('copy-security-groups', 'notes');
  if (groupNotes !== undefined) notes.push(...groupNotes.split('\n'));
  const keyNote = output('import-key', 'note');
  if (keyNote !== undefined) notes.push(keyNote);
  if (output('stop-source', 'stopped') !== undefined)
    notes.push(
      `${journal.facts.id} in ${journal.request.source.region} was stopped and is still stopped`,
    );
  const bucket = journal.request.source.kind === 'bucket';
  if (bucket) notes.push(...bucketNotes(journal));
  if (journal.state !== 'done')
    notes.push(
      `the run is ${journal.state}${journal.error === undefined ? '' : `: ${journal.error}`}; resume with: opsdeck ebs-copy --resume ${journal.runId}`,
    );
  return {
    runId: journal.runId,
    state: journal.state,
    target: live.filter(
      (resource) => resource.region === journal.request.target.region,
    ),
    leftovers:
      journal.state === 'done'
        ? live.filter((resource) => resource.intermediate)
        : [],
    notes,
    ...(bucket && journal.state === 'done'
      ? {
          catchUp: {
            source: journal.request.source.id,
            target: targetBucketName(journal.request),
          },
        }
      : {}),
  };
}

/** Removes one leftover of a finished run and records that it is gone. */
export async function cleanupLeftover(
  factory: AwsClientFactory,
  journals: JournalStore,
  runId: string,
  resourceId: string,
): Promise<RunSummary> {
  const unlock = await journals.lock(runId);
  try {
    const journal = await journals.load(runId);
    const resource = summarize(journal).leftovers.find(
      (entry) => entry.id === resourceId,
    );
    if (resource === undefined)
      throw new UserError(`${resourceId} is not a leftover of run ${runId}`, {
        hint:
          journal.state === 'done'
            ? 'the summary lists what can be removed'
            : 'only a finished run can be cleaned up; resume it first',
      });
    const client = await factory.ec2(resource.region);
    if (resource.type === 'image')
      await ec2Call(
        ec2Context(factory, 'DeregisterImage', resourceId, resource.region),
        () => client.send(new DeregisterImageCommand({ ImageId: resourceId })),
      );
    else if (resource.type === 'snapshot')
      await ec2Call(
        ec2Context(factory, 'DeleteSnapshot', resourceId, resource.region),
        () =>
          client.send(new DeleteSnapshotCommand({ SnapshotId: resourceId })),
      );
    else
      throw new UserError(
        `a ${resource.type} is not removed by the wizard's cleanup`,
      );
    const next: Journal = {
      ...journal,
      updatedAt: new Date().toISOString(),
      steps: Object.fromEntries(
        Object.entries(journal.steps).map(([id, record]) => [
          id,
          {
            ...record,
            created: record.created.map((entry) =>
              entry.id === resourceId ? { ...entry, cleanedUp: true } : entry,
            ),
          },
        ]),
      ),
    };
    await journals.save(next);
    return summarize(next);
  } finally {
    await unlock();
  }
}
