import { useCallback } from 'react';
import type { BulkOutcome, Outcome } from '../../source/aws/ec2/types.js';
import { describeError } from '../../source/lib/errors.js';
import type { ConfirmRequest } from '../../source/safety/confirm.js';
import { useShellApi } from '../context/shell-context.js';

export interface WriteAction<T> {
  /** "stop web-1", "move 3.3.3.3 to web-2": used in every message. */
  readonly what: string;
  readonly source: string;
  readonly dryRun: boolean;
  readonly call: () => Promise<Outcome<T> | BulkOutcome>;
  /** The message after success; default "<what>: done". */
  readonly done?: (result: T | undefined) => string;
  /** Reload the list afterwards, so the new state shows. */
  readonly refresh?: () => void;
}

function isBulk<T>(outcome: Outcome<T> | BulkOutcome): outcome is BulkOutcome {
  return 'succeeded' in outcome;
}

/**
 * Runs a write the user confirmed and says how it went: the dry-run verdict,
 * what succeeded and what failed and why (bulk), or the error. Never throws.
 */
export function useWriteAction(): <T>(action: WriteAction<T>) => Promise<void> {
  const shell = useShellApi();
  const { report } = shell;
  return useCallback(
    async <T>(action: WriteAction<T>) => {
      const { what, source } = action;
      try {
        const outcome = await action.call();
        const dryRun = isBulk(outcome)
          ? outcome.dryRun
          : 'dryRun' in outcome
            ? outcome.dryRun
            : undefined;
        if (dryRun) {
          if (dryRun.allowed)
            report(
              'info',
              source,
              `dry run: ${what} would be allowed; nothing was changed`,
            );
          else
            report(
              'warn',
              source,
              `dry run: ${what} would be refused: ${dryRun.reason ?? 'not allowed'}`,
            );
          return;
        }
        if (isBulk(outcome)) {
          for (const failure of outcome.failed)
            report(
              'error',
              source,
              `${what}: ${failure.id}: ${failure.message}`,
            );
          const total = outcome.succeeded.length + outcome.failed.length;
          if (outcome.failed.length === 0)
            report('info', source, `${what}: done`);
          else
            report(
              'error',
              source,
              `${what}: ${outcome.succeeded.length} of ${total} done; ${outcome.failed.map((failure) => `${failure.id}: ${failure.message}`).join('; ')}`,
            );
        } else {
          const result = 'result' in outcome ? outcome.result : undefined;
          report(
            'info',
            source,
            action.done ? action.done(result) : `${what}: done`,
          );
        }
        action.refresh?.();
      } catch (error) {
        report('error', source, `${what}: ${describeError(error)}`);
      }
    },
    [report],
  );
}

/**
 * Asks with a confirmation, then runs the write with the dry-run switch as
 * the user left it. Nothing is sent when the answer is no.
 */
export function useConfirmedWrite(): <T>(
  request: ConfirmRequest,
  action: (dryRun: boolean) => WriteAction<T>,
) => Promise<void> {
  const shell = useShellApi();
  const write = useWriteAction();
  const { confirm } = shell;
  return useCallback(
    async <T>(
      request: ConfirmRequest,
      action: (dryRun: boolean) => WriteAction<T>,
    ) => {
      const answer = await confirm(request);
      if (answer.confirmed) await write(action(answer.options.dryRun === true));
    },
    [confirm, write],
  );
}
