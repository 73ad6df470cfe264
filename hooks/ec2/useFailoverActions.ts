import type { Command } from '../../source/keymap/index.js';
import {
  formatDuration,
  type SwitchTiming,
} from '../../source/failover/switch-address.js';
import {
  switchRefusal,
  switchTarget,
  type PairRow,
} from '../../source/failover/pair-row.js';
import { instanceLabel } from '../../source/aws/ec2/eip-pairs.js';
import { switchRequest } from '../../source/panes/ec2/failover-dialogs.js';
import type { PaneCommandContext } from '../../source/table/table-spec.js';
import { useShellApi } from '../context/shell-context.js';
import { useConfirmedWrite } from '../actions/useWriteAction.js';

/** What the :failover keys do: F switches now, after the refusal rules and a y/N. */
export function useFailoverActions(): (
  command: Command,
  context: PaneCommandContext<PairRow>,
) => void {
  const shell = useShellApi();
  const confirmedWrite = useConfirmedWrite();
  const service = shell.session.services.failover;

  return (command, { row, refresh }) => {
    if (command !== 'failover.switch' || !row) return;
    const refusal = switchRefusal(row);
    if (refusal !== undefined) {
      shell.report('warn', 'failover', `switch refused: ${refusal}`);
      return;
    }
    const request = switchRequest(row);
    const to = row.picture?.[switchTarget(row)];
    if (!request || !to) return;
    const ip = row.picture?.eip.publicIp ?? row.pair.eip;
    void confirmedWrite<SwitchTiming>(request, ({ dryRun }) => ({
      what: `switch ${ip} to ${instanceLabel(to)}`,
      source: 'failover',
      call: () => service.switchNow(row, { dryRun }),
      done: (timing) =>
        `switched ${ip} to ${to.name || to.id}${timing ? `: ${shortTiming(timing)}` : ''}`,
      refresh,
    }));
  };
}

/** "EIP answering after 2.6 s (call 420 ms)": fits the status line at 80 columns. */
function shortTiming(timing: SwitchTiming): string {
  const call = `call ${String(timing.callMillis)} ms`;
  return timing.answeredMillis === undefined
    ? `${call}; the EIP did not pass the check yet`
    : `EIP answering after ${formatDuration(timing.answeredMillis)} (${call})`;
}
