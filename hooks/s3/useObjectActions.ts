import type { Command } from '../../source/keymap/index.js';
import { formatBytes } from '../../source/lib/byte-size.js';
import { describeError } from '../../source/lib/errors.js';
import type { ProgressCounts } from '../../source/jobs/progress.js';
import {
  downloadForm,
  objectDetailSections,
} from '../../source/panes/s3/object-dialogs.js';
import {
  placeText,
  placeUri,
  type BrowseEntry,
  type BrowsePlace,
} from '../../source/panes/s3/objects-spec.js';
import { objectViewSections } from '../../source/panes/s3/object-view.js';
import { deleteObjectsRequest } from '../../source/panes/s3/bucket-dialogs.js';
import { localPath } from '../../source/panes/s3/sync-dialogs.js';
import { useCharset } from '../context/charset-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useCancellable } from '../actions/useCancellable.js';
import { useJob } from '../actions/useJob.js';
import { syncSummary, useS3Sync } from './useS3Sync.js';
import { useObjectPut } from './useObjectPut.js';
import type { PaneCommandContext } from '../../source/table/table-spec.js';

function countsOf(progress: ProgressCounts): ProgressCounts {
  const { bytesDone, bytesTotal, itemsDone, itemsTotal } = progress;
  return { bytesDone, bytesTotal, itemsDone, itemsTotal };
}

/** The viewer reads this much of an object at most. */
const VIEW_BYTES = 256 * 1024;
const URL_SECONDS = 3600;
/** The download form's directory, kept for the next download in this run. */
const DOWNLOAD_DIR = 's3.download.dir';

/** What the object browser's keys do; Enter opens a prefix or describes an object. */
export function useObjectActions(place: BrowsePlace): {
  open: (entry: BrowseEntry) => void;
  onCommand: (
    command: Command,
    context: PaneCommandContext<BrowseEntry>,
  ) => void;
} {
  const shell = useShellApi();
  const { glyphs } = useCharset();
  const runJob = useJob();
  const sync = useS3Sync();
  const put = useObjectPut(place);
  const { s3, s3Transfers: transfers } = shell.session.services;
  const { bucket } = place;
  const cancellable = useCancellable();
  const fail = (what: string) => (error: unknown) =>
    shell.report('error', 's3', `${what}: ${describeError(error)}`);

  const open = (entry: BrowseEntry) => {
    if (entry.kind === 'prefix')
      return shell.openAt('objects', `${bucket}/${entry.key}`);
    void cancellable((signal) => s3.objectDetail(bucket, entry.key, signal))
      .then((detail) =>
        shell.pushDetail(entry.name, objectDetailSections(detail)),
      )
      .catch(fail(`describe ${entry.key}`));
  };

  const onCommand = (
    command: Command,
    { row, targets, refresh }: PaneCommandContext<BrowseEntry>,
  ) => {
    void (async () => {
      switch (command) {
        case 'objects.up':
          // The parent prefix is the view underneath (or the buckets at the top).
          return shell.back();
        case 'objects.get': {
          if (!row) return;
          const what = `s3://${bucket}/${row.key}`;
          const values = await shell.ask(
            downloadForm(
              what,
              shell.remembered.get(DOWNLOAD_DIR) ?? process.cwd(),
            ),
          );
          if (!values) return;
          shell.remembered.set(DOWNLOAD_DIR, values['dir'] ?? '');
          const dir = localPath(values['dir'] ?? '');
          if (row.object) {
            const object = row.object;
            await runJob({
              source: 's3',
              title: `download ${row.name}`,
              work: ({ signal: jobSignal, report }) => {
                let done = 0;
                report({ bytesTotal: object.size, itemsTotal: 1 });
                return transfers.getObject(
                  bucket,
                  object,
                  dir,
                  jobSignal,
                  (count) => report({ bytesDone: (done += count) }),
                );
              },
              done: (path) =>
                `downloaded ${formatBytes(object.size)} to ${path}`,
            });
            return;
          }
          await runJob({
            source: 's3',
            title: `download ${what}`,
            work: ({ signal: jobSignal, report }) =>
              transfers.sync(
                {
                  source: { kind: 's3', bucket, prefix: row.key },
                  destination: { kind: 'local', path: dir },
                },
                {
                  signal: jobSignal,
                  onProgress: (progress) => report(countsOf(progress)),
                },
              ),
            done: syncSummary,
            warn: (result) => result.failedCount > 0 || result.cancelled,
          });
          return;
        }
        case 'objects.put':
          return put(refresh);
        case 'objects.sync':
          return sync(placeUri(place), refresh);
        case 'objects.view': {
          if (!row?.object) return;
          const start = await cancellable((signal) =>
            s3.readStart(bucket, row.key, VIEW_BYTES, signal),
          ).catch(
            (error: unknown) => (fail(`view ${row.key}`)(error), undefined),
          );
          if (start)
            shell.pushDetail(
              row.name,
              objectViewSections(start, glyphs.ellipsis),
            );
          return;
        }
        case 'objects.url': {
          if (!row?.object) return;
          const url = await s3
            .presignGet(bucket, row.key, URL_SECONDS)
            .catch(
              (error: unknown) => (fail(`URL of ${row.key}`)(error), undefined),
            );
          if (url) shell.copy(url, `a URL for ${row.name}, valid for 1 hour,`);
          return;
        }
        case 'objects.delete': {
          if (targets.length === 0) return;
          const answer = await shell.confirm(
            deleteObjectsRequest(place, targets),
          );
          if (!answer.confirmed) return;
          await runJob({
            source: 's3',
            title: `delete ${targets.length} in ${placeText(place)}`,
            work: ({ signal: jobSignal, report }) =>
              transfers.deleteUnder(
                bucket,
                targets
                  .filter((entry) => entry.object)
                  .map((entry) => entry.key),
                targets
                  .filter((entry) => !entry.object)
                  .map((entry) => entry.key),
                jobSignal,
                (count) => report({ itemsDone: count }),
              ),
            done: (result) =>
              result.failed.length > 0
                ? `deleted ${result.deleted}; ${result.failed.length} refused, first ${result.failed[0]?.key ?? ''}: ${result.failed[0]?.message ?? ''}`
                : `deleted ${result.deleted} objects`,
            warn: (result) => result.failed.length > 0,
            refresh,
          });
          return;
        }

        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    })();
  };
  return { open, onCommand };
}
