import { useCallback } from 'react';
import type { RetentionRule } from '../../source/aws/ec2/snapshot-all/retention.js';
import type { SnapshotAllReport } from '../../source/aws/ec2/snapshot-all/snapshot-all.js';
import type { InstanceRow } from '../../source/aws/ec2/types.js';
import { describeError } from '../../source/lib/errors.js';
import { snapshotRetentionRequest } from '../../source/panes/ec2/snapshot-all-dialogs.js';
import { useShellApi } from '../context/shell-context.js';
import { useWriteAction } from '../actions/useWriteAction.js';

/**
 * N with retention: the snapshot-all engine's dry run first (what it would
 * make and delete), that plan as the confirmation, then the run.
 */
export function useSnapshotRetention(): (
  row: InstanceRow,
  description: string,
  rule: RetentionRule,
  refresh: () => void,
) => Promise<void> {
  const shell = useShellApi();
  const write = useWriteAction();
  return useCallback(
    async (row, description, rule, refresh) => {
      const engine = shell.session.services.snapshotAll;
      const request = (dryRun: boolean) => ({
        selector: { instanceId: row.id },
        excludeBoot: false,
        excludeDevices: [],
        retention: rule,
        dryRun,
        wait: false,
        description,
      });
      let plan: SnapshotAllReport;
      try {
        plan = await engine.run(request(true));
      } catch (error) {
        shell.report('error', 'ec2', describeError(error));
        return;
      }
      const answer = await shell.confirm(
        snapshotRetentionRequest(row, plan, rule),
      );
      if (!answer.confirmed) return;
      await write<SnapshotAllReport>({
        what: `snapshot ${row.name || row.id} with retention`,
        source: 'ec2',
        call: async () => ({ result: await engine.run(request(false)) }),
        done: (report) => {
          const made = (report?.instances ?? []).flatMap(
            (one) => one.snapshots,
          ).length;
          const failed = report?.failures ?? [];
          return `${String(made)} snapshots of ${row.name || row.id} started; ${String(report?.deleted.length ?? 0)} old deleted${failed.length === 0 ? '' : `; failed: ${failed.join('; ')}`}`;
        },
        refresh,
      });
    },
    [shell, write],
  );
}
