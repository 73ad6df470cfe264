import { useCallback } from 'react';
import { formatBytes } from '../../source/lib/byte-size.js';
import type { SyncResult, SyncSpec } from '../../source/s3sync/sync-spec.js';
import { skipParts } from '../../source/s3sync/skip-kinds.js';
import {
  endpointText,
  newPlanTally,
  planChanges,
  planRequest,
  syncForm,
  syncSpecFrom,
  tallyItem,
} from '../../source/panes/s3/sync-dialogs.js';
import { useCharset } from '../context/charset-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useJob } from '../actions/useJob.js';
import { useReadOnlyRefusal } from '../actions/useReadOnlyRefusal.js';
import { useCopyHandoff } from './useCopyHandoff.js';
import type { HandoffEngine } from '../../source/aws/s3jobs/types.js';
import {
  RUN_HERE,
  runChoice,
  withOffers,
} from '../../source/panes/s3/handoff-dialogs.js';
import {
  copyPlaces,
  newPlannedCopies,
  notePlannedCopy,
} from '../../source/s3sync/handoff/copy-handoff.js';

/** The sync form's directory, kept for the next sync in this run. */
const SYNC_DIR = 's3.sync.local';

export function syncSummary(result: SyncResult): string {
  const parts = [
    result.dryRun ? 'dry run' : '',
    ...(result.direction === 'copy'
      ? [`${result.copied} copied`]
      : [`${result.uploaded} up`, `${result.downloaded} down`]),
    `${result.deleted} deleted`,
    ...skipParts(result.skipped),
    formatBytes(result.bytes),
    result.failedCount > 0 ? `${result.failedCount} failed` : '',
    result.deletesRefused ? `deletes refused: ${result.deletesRefused}` : '',
    result.cancelled ? 'cancelled' : '',
  ].filter(Boolean);
  return `sync: ${parts.join(', ')} in ${result.seconds.toFixed(1)} s`;
}

/**
 * The sync flow: the form, a dry run whose plan is the confirmation, then the
 * real run as a job (Ctrl+C cancels it cleanly), then the summary.
 */
export function useS3Sync(): (remote: string, refresh?: () => void) => void {
  const shell = useShellApi();
  const runJob = useJob();
  const transfers = shell.session.services.s3Transfers;
  const refuse = useReadOnlyRefusal();
  const { glyphs } = useCharset();
  const handoff = useCopyHandoff();

  return useCallback(
    (remote: string, refresh?: () => void) => {
      void (async () => {
        const values = await shell.ask(
          syncForm(remote, shell.remembered.get(SYNC_DIR)),
        );
        if (!values) return;
        shell.remembered.set(SYNC_DIR, values['local'] ?? '');
        const planned: SyncSpec = syncSpecFrom(values, true);
        const tally = newPlanTally();
        const places = copyPlaces(planned);
        const copies = newPlannedCopies();
        const plan = await runJob({
          source: 's3',
          title: `plan ${endpointText(planned.source)} ${glyphs.arrow} ${endpointText(planned.destination)}`,
          work: ({ signal, report }) =>
            transfers.sync(planned, {
              signal,
              onPlanned: (item) => {
                tallyItem(tally, item);
                if (places) notePlannedCopy(copies, places, item);
                report({ itemsDone: planChanges(tally) });
              },
            }),
        });
        if (!plan || plan.cancelled) return;
        if (plan.deletesRefused)
          shell.report('warn', 's3', `sync: ${plan.deletesRefused}`);
        if (planChanges(tally) === 0)
          return shell.report(
            'info',
            's3',
            `sync: nothing to do, ${skipParts(tally.skipped).join(', ')}`,
          );
        if (refuse.work('the plan above was not run', 's3')) return;
        const bucketCopy =
          places && plan.copyTotals
            ? {
                spec: planned,
                places,
                totals: plan.copyTotals,
                planned: copies,
                deletes: tally.counts.delete.items,
              }
            : undefined;
        const decision = bucketCopy
          ? await handoff.offer(bucketCopy)
          : undefined;
        const request = planRequest(planned, tally, glyphs, plan.copyTotals);
        const answer = await shell.confirm(
          decision?.large ? withOffers(request, decision) : request,
        );
        if (!answer.confirmed) return;
        if (bucketCopy && decision?.large) {
          const where = await shell.pick(
            runChoice(decision, bucketCopy.totals.objects),
          );
          if (where === undefined) return;
          if (where !== RUN_HERE)
            return handoff.hand(where as HandoffEngine, bucketCopy, decision);
        }
        const spec: SyncSpec = { ...planned, dryRun: false };
        const { upload, download, copy } = tally.counts;
        const totalItems = planChanges(tally);
        const totalBytes = upload.bytes + download.bytes + copy.bytes;
        await runJob({
          source: 's3',
          title: `sync ${endpointText(spec.source)} ${glyphs.arrow} ${endpointText(spec.destination)}`,
          work: ({ signal, report }) =>
            transfers.sync(spec, {
              signal,
              // The dry run already counted the whole plan; the run's own
              // totals only grow as its planner streams.
              onProgress: (progress) =>
                report({
                  bytesDone: progress.bytesDone,
                  bytesTotal: Math.max(progress.bytesTotal ?? 0, totalBytes),
                  itemsDone: progress.itemsDone,
                  itemsTotal: Math.max(progress.itemsTotal ?? 0, totalItems),
                }),
              onDone: (item, error) => {
                if (error) shell.report('error', 's3', `${item.rel}: ${error}`);
              },
            }),
          done: syncSummary,
          warn: (result) =>
            result.failedCount > 0 ||
            result.cancelled ||
            result.deletesRefused !== undefined,
          ...(refresh ? { refresh } : {}),
        });
      })();
    },
    [shell, runJob, transfers, refuse, glyphs, handoff],
  );
}
