/** The guard loop with a fake EC2 and scripted checks: what it prints, moves and records. */
import { describe, expect, it } from 'vitest';
import type { FailoverPair } from '../../../source/config/failover-schema.js';
import type { PairPicture } from '../../../source/aws/ec2/eip-pairs.js';
import { runGuard } from '../../../source/failover/guard.js';
import type { CheckTarget } from '../../../source/failover/health-check.js';
import type { HistoryEntry } from '../../../source/failover/history.js';

const A = 'i-0aaaaaaaaaaaaaaaa';
const B = 'i-0bbbbbbbbbbbbbbbb';

const PAIR: FailoverPair = {
  eip: '198.51.100.7',
  active: 'web-1',
  standby: 'web-2',
  check: {
    http: { port: 80, path: '/', status: 200 },
    timeout: 0.05,
    address: 'private',
  },
  interval: 0.01,
  failures: 3,
  cooldown: 300,
  checkTargets: { 'web-1': '127.0.0.1:1001', 'web-2': '127.0.0.1:1002' },
};

function world(options: { standbyState?: string } = {}) {
  let holder = A;
  const healthy = new Map([
    [1001, true],
    [1002, true],
  ]);
  const moves: string[] = [];
  const entries: HistoryEntry[] = [];
  const lines: string[] = [];
  const instance = (id: string, name: string, state = 'running') => ({
    id,
    name,
    state,
    privateIp: '10.0.0.1',
    publicIp: '',
  });
  return {
    healthy,
    moves,
    entries,
    lines,
    deps: (extra: {
      dryRun?: boolean;
      rounds: number;
      lastSwitchAt?: number;
    }) => ({
      name: 'web',
      pair: PAIR,
      reader: {
        picture: (): Promise<PairPicture> =>
          Promise.resolve({
            eip: {
              allocationId: 'eipalloc-0123456789abcdef0',
              publicIp: PAIR.eip,
              instanceId: holder,
              associationId: 'eipassoc-1',
            },
            active: instance(A, 'web-1'),
            standby: instance(B, 'web-2', options.standbyState),
          }),
      },
      move: (_allocation: string, to: string) => {
        moves.push(to);
        holder = to;
        return Promise.resolve();
      },
      record: (entry: HistoryEntry) => {
        entries.push(entry);
        return Promise.resolve();
      },
      lastSwitchAt: () => Promise.resolve(extra.lastSwitchAt),
      line: (text: string) => void lines.push(text),
      dryRun: extra.dryRun ?? false,
      signal: new AbortController().signal,
      rounds: extra.rounds,
      check: (_spec: unknown, target: CheckTarget) =>
        Promise.resolve({
          ok: healthy.get(target.port) === true,
          at: Date.now(),
          millis: 1,
          detail:
            healthy.get(target.port) === true ? 'HTTP 200' : 'ECONNREFUSED',
        }),
    }),
  };
}

describe('the guard loop', () => {
  it('stays while healthy, one line per round, and records the verdict once', async () => {
    const lab = world();
    const summary = await runGuard(lab.deps({ rounds: 4 }));
    expect(summary).toEqual({ rounds: 4, switches: 0 });
    expect(lab.lines).toHaveLength(4);
    expect(lab.lines[0]).toMatch(
      /^\S+Z web: stay: web-1 \(i-0a+\) healthy \(active ok 1 ms, standby ok 1 ms, eip ok 1 ms\)$/,
    );
    expect(lab.entries.map((entry) => entry.kind)).toEqual(['stay']);
  });

  it('switches once after three failures, then the cooldown holds even when the new holder fails', async () => {
    const lab = world();
    lab.healthy.set(1001, false);
    const summary = await runGuard(lab.deps({ rounds: 3 }));
    expect(summary.switches).toBe(1);
    expect(lab.moves).toEqual([B]);
    const switched = lab.entries.find((entry) => entry.kind === 'switch');
    expect(switched).toMatchObject({
      source: 'guard',
      from: A,
      to: B,
      eip: PAIR.eip,
    });
    expect(switched?.answeredMillis).toBeGreaterThanOrEqual(0);
    expect(
      lab.lines.some((line) =>
        line.includes('switched 198.51.100.7 from web-1'),
      ),
    ).toBe(true);

    // web-2 fails now, web-1 is back: the cooldown keeps the address where it is.
    lab.healthy.set(1001, true);
    lab.healthy.set(1002, false);
    await runGuard(lab.deps({ rounds: 4, lastSwitchAt: Date.now() }));
    expect(lab.moves).toEqual([B]);
    expect(lab.lines.at(-1)).toMatch(
      /refuse: .*cooldown: the last switch was \d+ s ago/,
    );
  });

  it('a dry run says what it would do and sends nothing', async () => {
    const lab = world();
    lab.healthy.set(1001, false);
    await runGuard(lab.deps({ rounds: 5, dryRun: true }));
    expect(lab.moves).toEqual([]);
    expect(lab.lines[2]).toContain(
      'switch (dry run, nothing sent): would move 198.51.100.7 from web-1',
    );
    expect(lab.lines[3]).toContain('cooldown');
    expect(lab.entries.every((entry) => entry.dryRun === true)).toBe(true);
  });

  it('never moves to a stopped standby, and says why', async () => {
    const lab = world({ standbyState: 'stopped' });
    lab.healthy.set(1001, false);
    await runGuard(lab.deps({ rounds: 5 }));
    expect(lab.moves).toEqual([]);
    expect(lab.lines.at(-1)).toContain(
      'standby web-2 (i-0bbbbbbbbbbbbbbbb) is stopped: not switching',
    );
  });

  it('a flapping active never moves the address', async () => {
    const lab = world();
    let round = 0;
    const deps = lab.deps({ rounds: 20 });
    await runGuard({
      ...deps,
      reader: {
        picture: () => {
          round++;
          lab.healthy.set(1001, round % 3 === 0);
          return deps.reader.picture();
        },
      },
    });
    expect(lab.moves).toEqual([]);
    expect(lab.lines.filter((line) => line.includes(': stay: '))).toHaveLength(
      20,
    );
  });

  it('stops between rounds when told to', async () => {
    const lab = world();
    const stop = new AbortController();
    const running = runGuard({
      ...lab.deps({ rounds: 1000 }),
      pair: { ...PAIR, interval: 0.2 },
      signal: stop.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop.abort();
    const summary = await running;
    expect(summary.rounds).toBeLessThan(3);
  });
});
