import { useCallback } from 'react';
import { formatBytes } from '../../source/lib/byte-size.js';
import {
  replaceRequest,
  uploadForm,
} from '../../source/panes/s3/object-dialogs.js';
import {
  placeUri,
  type BrowsePlace,
} from '../../source/panes/s3/objects-spec.js';
import { localPath } from '../../source/panes/s3/sync-dialogs.js';
import { useShellApi } from '../context/shell-context.js';
import { useJob } from '../actions/useJob.js';

/**
 * `p`: the form, then what the upload would replace (named, with sizes and
 * dates, in a y/N before anything is sent), then the upload as a job.
 */
export function useObjectPut(
  place: BrowsePlace,
): (refresh: () => void) => Promise<void> {
  const shell = useShellApi();
  const runJob = useJob();
  const transfers = shell.session.services.s3Transfers;
  return useCallback(
    async (refresh: () => void) => {
      const where = placeUri(place);
      const values = await shell.ask(uploadForm(where));
      if (!values) return;
      const path = localPath(values['path'] ?? '');
      const found = await runJob({
        source: 's3',
        title: `check what ${path} replaces in ${where}`,
        work: ({ signal }) =>
          transfers.putTargets(path, place.bucket, place.prefix, signal),
      });
      if (!found) return;
      if (found.replacedCount > 0 || found.unchecked !== undefined) {
        const answer = await shell.confirm(
          replaceRequest(path, where, place.prefix, found),
        );
        if (!answer.confirmed) return;
      }
      await runJob({
        source: 's3',
        title: `upload ${path} to ${where}`,
        work: ({ signal, report }) =>
          transfers.put(path, place.bucket, place.prefix, {
            signal,
            onProgress: ({ bytesDone, bytesTotal, itemsDone, itemsTotal }) =>
              report({ bytesDone, bytesTotal, itemsDone, itemsTotal }),
          }),
        done: (result) =>
          `uploaded ${result.items} (${formatBytes(result.bytes)})${result.failed > 0 ? `, ${result.failed} failed` : ''}`,
        warn: (result) => result.failed > 0,
        refresh,
      });
    },
    [shell, runJob, transfers, place],
  );
}
