/** Failover pairs in memory: the rows a test sets, and the switches asked for. */
import type { FailoverService } from '../../../source/failover/console-service.js';
import type { PairRow } from '../../../source/failover/pair-row.js';
import type { PairInstance } from '../../../source/aws/ec2/eip-pairs.js';
import type { FailoverPair } from '../../../source/config/failover-schema.js';

export interface FakeFailover {
  readonly service: FailoverService;
  /** "switch web i-0b..." per call, "(dry run)" when it was one. */
  readonly calls: string[];
  rows: PairRow[];
}

export function createFakeFailover(rows: PairRow[] = []): FakeFailover {
  const fake: FakeFailover = {
    calls: [],
    rows,
    service: {
      status: () => Promise.resolve(fake.rows),
      switchNow: (row, options) => {
        const to = row.holder === 'active' ? 'standby' : 'active';
        fake.calls.push(
          `switch ${row.name} ${row.picture?.[to].id ?? ''}${options?.dryRun === true ? ' (dry run)' : ''}`,
        );
        if (options?.dryRun === true)
          return Promise.resolve({ dryRun: { allowed: true } });
        return Promise.resolve({
          result: { callMillis: 420, answeredMillis: 2600 },
        });
      },
    },
  };
  return fake;
}

export const fakePair = (extra: Partial<FailoverPair> = {}): FailoverPair => ({
  eip: '198.51.100.7',
  active: 'web-1',
  standby: 'web-2',
  check: {
    http: { port: 80, path: '/health', status: 200 },
    timeout: 2,
    address: 'private',
  },
  interval: 5,
  failures: 3,
  cooldown: 300,
  ...extra,
});

export const pairInstance = (
  id: string,
  name: string,
  state = 'running',
): PairInstance => ({ id, name, state, privateIp: '10.0.0.5', publicIp: '' });
