import type { Command } from '../../../source/keymap/index.js';
import { useCallback, useMemo } from 'react';
import { describeError } from '../../../source/lib/errors.js';
import { summarySections } from '../../../source/panes/wizards/migrations-spec.js';
import { useShellApi } from '../../context/shell-context.js';
import { useEbsCopyRun } from './useEbsCopyRun.js';
import type { PaneCommandContext } from '../../../source/table/table-spec.js';
import type { RunListing } from '../../../source/wizards/ebs-copy/run-types.js';

export interface EbsCopyRuns {
  readonly showSummary: (row: RunListing) => void;
  readonly onCommand: (
    command: Command,
    context: PaneCommandContext<RunListing>,
  ) => void;
}

/** What the `:migrations` keys do: summary, resume in the wizard, cleanup. */
export function useEbsCopyRuns(): EbsCopyRuns {
  const { session, pushDetail, openPane, report } = useShellApi();
  const run = useEbsCopyRun();
  const service = session.services.ebsCopy;

  const showSummary = useCallback(
    (row: RunListing) => {
      void service
        .engine()
        .then((engine) => engine.summary(row.runId))
        .then(
          (summary) =>
            pushDetail(`Run ${row.runId}`, summarySections(row, summary)),
          (error: unknown) =>
            report(
              'error',
              'ebs-copy',
              `${row.runId}: ${describeError(error)}`,
            ),
        );
    },
    [service, pushDetail, report],
  );

  const onCommand = useCallback(
    (command: Command, { row, refresh }: PaneCommandContext<RunListing>) => {
      if (!row) return;
      if (command === 'migrations.resume') {
        if (row.state === 'done')
          return report(
            'info',
            'ebs-copy',
            `${row.runId} is done; Enter shows what it made`,
          );
        openPane('ebs-copy');
        void run.resume(row.runId);
        return;
      }
      if (command === 'migrations.cleanup') {
        if (row.state !== 'done')
          return report(
            'info',
            'ebs-copy',
            `${row.runId} is ${row.state}: resume it (r) before cleaning up`,
          );
        void run.cleanup(row.runId).then(refresh);
      }
    },
    [run, openPane, report],
  );

  return useMemo(() => ({ showSummary, onCommand }), [showSummary, onCommand]);
}
