/** The :failover pane: one row per configured pair; Enter shows its checks and history. Pure. */
import { instanceLabel } from '../../aws/ec2/eip-pairs.js';
import type { FailoverPair } from '../../config/failover-schema.js';
import type { FailoverService } from '../../failover/console-service.js';
import type {
  CheckOutcome,
  CheckSpec,
  CheckTarget,
} from '../../failover/health-check.js';
import type { HistoryEntry } from '../../failover/history.js';
import {
  instanceHealth,
  pairTrouble,
  switchRefusal,
  type PairRow,
} from '../../failover/pair-row.js';
import {
  checkSpecOf,
  directTarget,
  eipTarget,
} from '../../failover/targets.js';
import type { DetailSection } from '../../lib/view-types.js';
import type { TablePaneSpec } from '../../table/table-spec.js';
import { formatAge, formatTime } from './ec2-format.js';
import { formatDuration } from '../../failover/switch-address.js';

export interface FailoverPaneServices {
  readonly failover: FailoverService;
  readonly pairs: Readonly<Record<string, FailoverPair>>;
}

const seconds = (millis: number | undefined) =>
  millis === undefined ? '' : formatDuration(millis);

/** An instance of the pair by its name and ID; any other by its ID. */
function nameOf(row: PairRow, id: string | undefined): string {
  const known = [row.picture?.active, row.picture?.standby].find(
    (instance) => instance !== undefined && instance.id === id,
  );
  return known ? instanceLabel(known) : (id ?? '(nothing)');
}

/** "2h ago, 3.1 s": when, and how long until the EIP answered (else the call). */
function lastSwitchText(entry: HistoryEntry | undefined): string {
  if (!entry) return 'never';
  const took = seconds(entry.answeredMillis ?? entry.callMillis);
  return `${formatAge(new Date(entry.at))} ago${took ? `, ${took}` : ''}`;
}

function holderText(row: PairRow): string {
  if (!row.picture) return '';
  if (row.holder)
    return row.picture[row.holder].name || row.picture[row.holder].id;
  return row.picture.eip.instanceId ?? '(nothing)';
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

function checkLine(check: CheckOutcome | undefined, where: string): string {
  if (!check) return `${where}: not checked (no address)`;
  return `${check.ok ? 'ok' : 'FAILED'} ${check.detail}, ${String(check.millis)} ms at ${new Date(check.at).toISOString().slice(11, 19)} (${where})`;
}

function historyLine(entry: HistoryEntry): [string, string] {
  const took =
    entry.kind === 'switch'
      ? ` [call ${String(entry.callMillis ?? '?')} ms${entry.answeredMillis === undefined ? '' : `, answered after ${seconds(entry.answeredMillis)}`}]`
      : '';
  return [
    `${entry.at.slice(5, 19).replace('T', ' ')}`,
    `${entry.source} ${entry.kind}${entry.dryRun ? ' (dry run)' : ''}: ${entry.reason}${took}`,
  ];
}

/** "10.0.0.5:80/health": where a check went. */
const describeCheck = (spec: CheckSpec, target: CheckTarget) =>
  `${target.host}:${String(target.port)}${spec.kind === 'http' ? spec.path : ''}`;

function describePair(row: PairRow): DetailSection[] {
  const { pair, picture } = row;
  const spec = checkSpecOf(pair);
  const where = (role: 'active' | 'standby') => {
    const instance = picture?.[role];
    const target = instance && directTarget(pair, role, instance);
    return target ? describeCheck(spec, target) : 'no address';
  };
  const eipWhere = picture && eipTarget(pair, picture.eip.publicIp, row.holder);
  return [
    {
      title: `Pair ${row.name}`,
      rows: [
        [
          'EIP',
          picture
            ? `${picture.eip.publicIp} (${picture.eip.allocationId})`
            : pair.eip,
        ],
        ['On', picture ? holderText(row) : (row.error ?? '')],
        ['Region', row.region],
        [
          'Active',
          picture
            ? `${instanceLabel(picture.active)}: ${instanceHealth(row, 'active')}`
            : pair.active,
        ],
        [
          'Standby',
          picture
            ? `${instanceLabel(picture.standby)}: ${instanceHealth(row, 'standby')}`
            : pair.standby,
        ],
        ['Switch now', switchRefusal(row) ?? 'possible (F)'],
        [
          'Settings',
          `every ${String(pair.interval)} s, switch after ${String(pair.failures)} failures in a row, cooldown ${String(pair.cooldown)} s, timeout ${String(pair.check.timeout)} s`,
        ],
      ],
    },
    {
      title: 'Last checks',
      rows: [
        ['Active', checkLine(row.checks.active, where('active'))],
        ['Standby', checkLine(row.checks.standby, where('standby'))],
        [
          'Through EIP',
          checkLine(
            row.checks.eip,
            eipWhere ? describeCheck(spec, eipWhere) : 'not on the pair',
          ),
        ],
        [
          'Guard',
          row.lastGuard
            ? historyLine(row.lastGuard).join(' ')
            : 'no guard decision in the history',
        ],
      ],
    },
    {
      title: 'Last switch',
      rows: row.lastSwitch
        ? [
            ['When', formatTime(new Date(row.lastSwitch.at))],
            ['By', row.lastSwitch.source],
            [
              'From, to',
              `${nameOf(row, row.lastSwitch.from)} -> ${nameOf(row, row.lastSwitch.to)}`,
            ],
            [
              'Took',
              `call ${String(row.lastSwitch.callMillis ?? '?')} ms; EIP answered after ${seconds(row.lastSwitch.answeredMillis) || '(not checked)'}`,
            ],
          ]
        : [['When', 'never (in this history)']],
    },
    {
      title: 'History (newest first)',
      rows:
        row.history.length > 0
          ? [...row.history].reverse().map(historyLine)
          : [['', 'empty']],
    },
  ];
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
