/** What Enter shows for a failover pair: checks, last switch, history. Pure. */
import { instanceLabel } from '../../aws/ec2/eip-pairs.js';
import type {
  CheckOutcome,
  CheckSpec,
  CheckTarget,
} from '../../failover/health-check.js';
import type { HistoryEntry } from '../../failover/history.js';
import {
  instanceHealth,
  switchRefusal,
  type PairRow,
} from '../../failover/pair-row.js';
import { formatDuration } from '../../failover/switch-address.js';
import {
  checkSpecOf,
  directTarget,
  eipTarget,
} from '../../failover/targets.js';
import type { DetailSection } from '../../lib/view-types.js';
import { formatTime } from './ec2-format.js';

const seconds = (millis: number | undefined) =>
  millis === undefined ? '' : formatDuration(millis);

/** An instance of the pair by its name and ID; any other by its ID. */
function nameOf(row: PairRow, id: string | undefined): string {
  const known = [row.picture?.active, row.picture?.standby].find(
    (instance) => instance !== undefined && instance.id === id,
  );
  return known ? instanceLabel(known) : (id ?? '(nothing)');
}

export function holderText(row: PairRow): string {
  if (!row.picture) return '';
  if (row.holder)
    return row.picture[row.holder].name || row.picture[row.holder].id;
  return row.picture.eip.instanceId ?? '(nothing)';
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

export function describePair(row: PairRow): DetailSection[] {
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
