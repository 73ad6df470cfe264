/** The :failover pane: one row per configured pair; Enter shows its checks and history. Pure. */
import type { FailoverPair } from '../../config/failover-schema.js';
import type { FailoverService } from '../../failover/console-service.js';
import type { HistoryEntry } from '../../failover/history.js';
import { pairTrouble, type PairRow } from '../../failover/pair-row.js';
import { formatDuration } from '../../failover/switch-address.js';
import type { TablePaneSpec } from '../../table/table-spec.js';
import { formatAge } from './ec2-format.js';
import { describePair, holderText } from './failover-details.js';

export interface FailoverPaneServices {
  readonly failover: FailoverService;
  readonly pairs: Readonly<Record<string, FailoverPair>>;
}

/** "2h ago, 3.1 s": when, and how long until the EIP answered (else the call). */
function lastSwitchText(entry: HistoryEntry | undefined): string {
  if (!entry) return 'never';
  const millis = entry.answeredMillis ?? entry.callMillis;
  const took = millis === undefined ? '' : formatDuration(millis);
  return `${formatAge(new Date(entry.at))} ago${took ? `, ${took}` : ''}`;
}

/** "web-1 ok", "web-2 FAIL", "web-2 stopped": the table's short form; Enter has the rest. */
function instanceCell(row: PairRow, role: 'active' | 'standby'): string {
  const instance = row.picture?.[role];
  if (!instance) return row.pair[role];
  const check = row.checks[role];
  const health =
    instance.state !== 'running'
      ? instance.state
      : check === undefined
        ? 'unchecked'
        : check.ok
          ? 'ok'
          : 'FAIL';
  return `${instance.name || instance.id} ${health}`;
}

export const failoverSpec: TablePaneSpec<PairRow, FailoverPaneServices> = {
  name: 'failover',
  columns: [
    {
      id: 'pair',
      title: 'PAIR',
      value: (row) => row.name,
      min: 4,
      growMax: 16,
    },
    {
      id: 'eip',
      title: 'EIP',
      value: (row) => row.picture?.eip.publicIp ?? row.pair.eip,
      min: 7,
    },
    {
      id: 'on',
      title: 'ON',
      value: holderText,
      tone: (row) => (row.checks.eip?.ok === true ? undefined : 'error'),
      min: 4,
      grow: 1,
      growMax: 16,
    },
    {
      id: 'active',
      title: 'ACTIVE',
      value: (row) => instanceCell(row, 'active'),
      min: 8,
      grow: 2,
    },
    {
      id: 'standby',
      title: 'STANDBY',
      value: (row) => instanceCell(row, 'standby'),
      min: 8,
      grow: 2,
    },
    {
      id: 'switch',
      title: 'LAST SWITCH',
      value: (row) => row.error ?? lastSwitchText(row.lastSwitch),
      tone: (row) =>
        row.error !== undefined
          ? 'error'
          : pairTrouble(row)
            ? 'warn'
            : undefined,
      min: 6,
      grow: 1,
      priority: 2,
    },
  ],
  rowId: (row) => row.name,
  describe: describePair,
  load: async (services, _cursor, signal) => ({
    rows: await services.failover.status(services.pairs, signal),
  }),
};
