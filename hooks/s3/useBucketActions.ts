import type { Command } from '../../source/keymap/index.js';
import { formatBytes } from '../../source/lib/byte-size.js';
import type { BucketRow } from '../../source/aws/s3/types.js';
import { describeError, isAbortError } from '../../source/lib/errors.js';
import { isEnabledRegion } from '../../source/aws/regions.js';
import {
  makeBucketForm,
  makeBucketRequest,
  notEmptyMessage,
  purgeBucketRequest,
  removeBucketRequest,
} from '../../source/panes/s3/bucket-dialogs.js';
import { useCancellable } from '../actions/useCancellable.js';
import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useJob } from '../actions/useJob.js';
import { useS3Sync } from './useS3Sync.js';
import { useEbsCopyOpen } from '../wizards/ebs-copy/useEbsCopyOpen.js';
import type { PaneCommandContext } from '../../source/table/table-spec.js';

/** What the bucket keys do: mb, rb, rb --force, sync. */
export function useBucketActions(): (
  command: Command,
  context: PaneCommandContext<BucketRow>,
) => void {
  const shell = useShellApi();
  const { keymap } = useAppDeps();
  const cancellable = useCancellable();
  const runJob = useJob();
  const sync = useS3Sync();
  const moveToRegion = useEbsCopyOpen();
  const s3 = shell.session.services.s3;
  const region = shell.session.settings.region;

  return (command, { row, refresh }) => {
    void (async () => {
      switch (command) {
        case 'buckets.make': {
          const list = await shell.session.services.regions
            .listRegions()
            .catch(() => undefined);
          const regions = (list?.rows ?? [])
            .filter((candidate) => isEnabledRegion(candidate))
            .map((candidate) => candidate.code);
          const values = await shell.ask(makeBucketForm(regions, region));
          if (!values) return;
          const name = (values['name'] ?? '').trim();
          const where = values['region'] ?? region;
          // A name you own (us-east-1 would answer "made") or another
          // account's is said before the confirmation.
          try {
            await cancellable((signal) =>
              s3.checkNewBucket(name, where, signal),
            );
          } catch (error) {
            if (!isAbortError(error))
              shell.report(
                'error',
                's3',
                `mb ${name}: ${describeError(error)}`,
              );
            return;
          }
          const answer = await shell.confirm(makeBucketRequest(name, where));
          if (!answer.confirmed) return;
          try {
            await s3.makeBucket(name, where);
            shell.report('info', 's3', `made bucket ${name} in ${where}`);
            refresh();
          } catch (error) {
            shell.report('error', 's3', `mb ${name}: ${describeError(error)}`);
          }
          return;
        }
        case 'buckets.remove': {
          if (!row) return;
          // A non-empty bucket is refused before its name is asked for.
          let unchecked: string | undefined;
          try {
            const peek = await cancellable((signal) =>
              s3.peekBucket(row.name, signal),
            );
            const purgeKey = keymap.binding('buckets.purge')?.keys[0] ?? 'F';
            const refusal = notEmptyMessage(peek, purgeKey);
            if (refusal !== undefined)
              return shell.report('error', 's3', `rb ${row.name}: ${refusal}`);
          } catch (error) {
            if (isAbortError(error)) return;
            // S3 still refuses a non-empty bucket; the dialog says what failed.
            unchecked = describeError(error);
          }
          const answer = await shell.confirm(
            removeBucketRequest(row, unchecked),
          );
          if (!answer.confirmed) return;
          try {
            await cancellable((signal) => s3.removeBucket(row.name, signal));
            shell.report('info', 's3', `removed bucket ${row.name}`);
            refresh();
          } catch (error) {
            shell.report(
              'error',
              's3',
              `rb ${row.name}: ${describeError(error)}`,
            );
          }
          return;
        }
        case 'buckets.purge': {
          if (!row) return;
          // Count first, so the confirmation says what will go.
          const contents = await runJob({
            source: 's3',
            title: `count what is in ${row.name}`,
            work: ({ signal, report }) =>
              s3.bucketContents(row.name, signal, (counted) =>
                report({ itemsDone: counted }),
              ),
          });
          if (!contents) return;
          const answer = await shell.confirm(purgeBucketRequest(contents));
          if (!answer.confirmed) return;
          await runJob({
            source: 's3',
            title: `remove ${row.name} and everything in it`,
            work: ({ signal, report }) =>
              s3.purgeBucket(row.name, signal, (progress) =>
                report({
                  itemsDone: progress.deleted,
                  itemsTotal: progress.total,
                  bytesDone: progress.bytesDeleted,
                  bytesTotal: contents.bytes,
                }),
              ),
            done: (result) =>
              result.bucketRemoved
                ? `removed ${row.name}: ${result.deleted} versions (${formatBytes(result.bytesDeleted)}), ${result.uploadsAborted} uploads aborted`
                : `${row.name} is not removed: ${result.failed.length} keys could not be deleted, first ${result.failed[0]?.key ?? ''}: ${result.failed[0]?.message ?? ''}`,
            warn: (result) => !result.bucketRemoved,
            refresh,
          });
          return;
        }
        case 'buckets.sync':
          if (row) sync(`s3://${row.name}/`, refresh);
          return;
        case 'buckets.uploads':
          if (row) shell.openAt('uploads', `${row.name}/`);
          return;
        case 'buckets.moveRegion':
          // A bucket whose location cannot be read is refused by the pre-flight.
          if (row)
            moveToRegion({
              kind: 'bucket',
              id: row.name,
              region: row.region ?? region,
            });
          return;

        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    })();
  };
}
