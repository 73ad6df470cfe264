import { useCallback } from 'react';
import type { PendingUpload } from '../../source/aws/s3/pending-uploads.js';
import { uploadsOlderThan } from '../../source/aws/s3/pending-uploads.js';
import type { Command } from '../../source/keymap/index.js';
import { describeError } from '../../source/lib/errors.js';
import { wholeNumber } from '../../source/lib/form.js';
import {
  abortUploadsRequest,
  olderThanForm,
} from '../../source/panes/s3/upload-dialogs.js';
import type { BrowsePlace } from '../../source/panes/s3/objects-spec.js';
import type { PaneCommandContext } from '../../source/table/table-spec.js';
import { useCancellable } from '../actions/useCancellable.js';
import { useConfirmedWrite } from '../actions/useWriteAction.js';
import { useShellApi } from '../context/shell-context.js';

/** What the pending-upload keys do: abort the chosen ones, or those older than N days. */
export function useUploadActions(
  place: BrowsePlace,
): (command: Command, context: PaneCommandContext<PendingUpload>) => void {
  const shell = useShellApi();
  const confirmedWrite = useConfirmedWrite();
  const cancellable = useCancellable();
  const { s3 } = shell.session.services;
  const { bucket } = place;
  const { ask, report } = shell;

  const abort = useCallback(
    (chosen: readonly PendingUpload[], refresh: () => void) =>
      confirmedWrite(abortUploadsRequest(bucket, chosen), () => ({
        what: `abort ${chosen.length} upload${chosen.length === 1 ? '' : 's'} in ${bucket}`,
        source: 's3',
        call: async () => {
          const result = await cancellable((signal) =>
            s3.abortUploads(bucket, chosen, signal),
          );
          return {
            succeeded: chosen
              .filter(
                (upload) =>
                  !result.failed.some(
                    (failure) => failure.uploadId === upload.uploadId,
                  ),
              )
              .map((upload) => upload.key),
            failed: result.failed.map((failure) => ({
              id: failure.key,
              message: failure.message,
            })),
          };
        },
        refresh,
      })),
    [bucket, cancellable, confirmedWrite, s3],
  );

  return (command, { targets, refresh }) => {
    void (async () => {
      switch (command) {
        case 'uploads.abort':
          if (targets.length > 0) await abort(targets, refresh);
          return;
        case 'uploads.abortOlder': {
          const values = await ask(olderThanForm);
          const days = wholeNumber(values?.['days'] ?? '');
          if (days === undefined || Number.isNaN(days)) return;
          // Chosen from a fresh listing, not from rows that may be stale.
          const pending = await cancellable((signal) =>
            s3.pendingUploads(bucket, place.prefix, signal),
          ).catch((error: unknown) => {
            report(
              'error',
              's3',
              `uploads of ${bucket}: ${describeError(error)}`,
            );
            return undefined;
          });
          if (!pending) return;
          const chosen = uploadsOlderThan(pending, days, new Date());
          if (chosen.length === 0)
            return report(
              'info',
              's3',
              `no upload in ${bucket} is older than ${days} days`,
            );
          await abort(chosen, refresh);
          return;
        }
        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    })();
  };
}
