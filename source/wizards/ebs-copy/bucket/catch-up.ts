/**
 * The catch-up sync a finished bucket run offers: the source copied again
 * onto the target, which copies only what was written since. Refused in
 * read-only mode before any call, and under the run's lock, so it never
 * races a resume of the same run.
 */
import { join } from 'node:path';
import type { AwsClientFactory } from '../../../aws/client-factory.js';
import { UserError } from '../../../lib/errors.js';
import type { SyncHooks, SyncResult } from '../../../s3sync/sync-spec.js';
import { checkRunAccount } from '../checks/account-check.js';
import { summarize } from '../run/finish.js';
import type { JournalStore } from '../run/journal.js';
import { syncBuckets } from './bucket-contents.js';

export async function catchUpSync(
  factory: AwsClientFactory,
  journals: JournalStore,
  runId: string,
  hooks: SyncHooks,
): Promise<SyncResult> {
  if (factory.guard?.readOnly === true)
    throw new UserError('read-only: the catch-up sync was not run', {
      hint: factory.guard.reason,
    });
  const journal = await journals.load(runId);
  const buckets = summarize(journal).catchUp;
  if (buckets === undefined)
    throw new UserError(`run ${runId} is not a finished bucket copy`, {
      hint: 'a catch-up sync follows a bucket copy that is done; resume it first',
    });
  await checkRunAccount(factory, journal, 'synced');
  const unlock = await journals.lock(runId);
  try {
    return await syncBuckets(
      factory,
      buckets,
      join(journals.dir, 'uploads'),
      hooks,
    );
  } finally {
    await unlock();
  }
}
