/** The :failover pane at 80x24: where each EIP is, health, history; F switches after a y/N or is refused. */
import { describe, expect, it } from 'vitest';
import type { PairRow } from '../../../source/failover/pair-row.js';
import { openConsole } from '../../helpers/console.js';
import {
  createFakeFailover,
  fakePair,
  pairInstance,
} from '../../helpers/fakes/fake-failover.js';
import { KEYS } from '../../helpers/keys.js';

const A = 'i-0aaa0000000000001';
const B = 'i-0bbb0000000000002';
const ok = (millis: number) => ({
  ok: true,
  at: Date.parse('2026-12-06T04:00:00Z'),
  millis,
  detail: 'HTTP 200',
});
const down = {
  ok: false,
  at: Date.parse('2026-12-06T04:00:00Z'),
  millis: 1,
  detail: 'ECONNREFUSED',
};

function row(extra: Partial<PairRow> = {}, standbyState = 'running'): PairRow {
  return {
    name: 'web',
    pair: fakePair(),
    region: 'us-east-1',
    picture: {
      eip: {
        allocationId: 'eipalloc-0123456789abcdef0',
        publicIp: '198.51.100.7',
        instanceId: A,
        associationId: 'eipassoc-1',
      },
      active: pairInstance(A, 'web-1'),
      standby: pairInstance(B, 'web-2', standbyState),
    },
    holder: 'active',
    checks: { active: ok(3), standby: ok(4), eip: ok(5) },
    history: [
      {
        at: '2026-12-06T03:10:00.000Z',
        pair: 'web',
        source: 'guard',
        kind: 'stay',
        reason:
          'web-1 answers again after failed checks (not in a row: no switch)',
      },
      {
        at: '2026-12-06T03:20:00.000Z',
        pair: 'web',
        source: 'guard',
        kind: 'switch',
        reason: 'web-2 failed 3 checks in a row',
        from: B,
        to: A,
        callMillis: 310,
        answeredMillis: 3100,
      },
    ],
    lastSwitch: {
      at: '2026-12-06T03:20:00.000Z',
      pair: 'web',
      source: 'guard',
      kind: 'switch',
      reason: 'web-2 failed 3 checks in a row',
      from: B,
      to: A,
      callMillis: 310,
      answeredMillis: 3100,
    },
    lastGuard: {
      at: '2026-12-06T03:20:00.000Z',
      pair: 'web',
      source: 'guard',
      kind: 'switch',
      reason: 'web-2 failed 3 checks in a row',
    },
    ...extra,
  };
}

const config = (readOnly = false) => ({ readOnly });

describe('failover pane', () => {
  it('shows each pair with where the EIP is and both instances health, then the checks and history', async () => {
    const failover = createFakeFailover([row()]);
    const { view } = await openConsole({
      pane: 'failover',
      failover,
      ...config(),
    });
    const frame = await view.waitFor((text) =>
      text.includes('EIP failover (1)'),
    );
    expect(frame).toMatch(
      /web\s+198\.51\.100\.7\s+web-1\s+web-1 ok\s+web-2 ok\s+\d+\w ago, 3\.1 s/,
    );
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    const details = await view.press(KEYS.enter, (text) =>
      text.includes('Last checks'),
    );
    expect(details).toContain('Switch now');
    expect(details).toContain('possible (F)');
    const history = await view.press('G', (text) =>
      text.includes('guard stay: web-1 answers again'),
    );
    expect(history).toContain(
      'guard switch: web-2 failed 3 checks in a row [call 310 ms,',
    );
  });

  it('F asks with focus on No and says what will happen; y switches and says how long it took', async () => {
    const failover = createFakeFailover([row()]);
    const { view } = await openConsole({ pane: 'failover', failover });
    await view.waitFor((text) => text.includes('EIP failover (1)'));
    const dialog = await view.press('F', (text) =>
      text.includes('Switch 198.51.100.7 to web-2'),
    );
    expect(dialog).toContain('AssociateAddress with AllowReassociation');
    expect(dialog).toMatch(
      /public IPs and public\s+│?\s*DNS names change|public IPs and public DNS/,
    );
    expect(dialog).toContain('3.1 s');
    // Enter on the focused button is No: nothing is sent.
    await view.press(
      KEYS.enter,
      (text) => !text.includes('Switch 198.51.100.7 to web-2'),
    );
    expect(failover.calls).toEqual([]);
    await view.press('F', (text) =>
      text.includes('Switch 198.51.100.7 to web-2'),
    );
    await view.press('y', (text) =>
      text.includes('switched 198.51.100.7 to web-2'),
    );
    expect(view.frame()).toContain('EIP answering after 2.6 s (call 420 ms)');
    expect(failover.calls).toEqual([`switch web ${B}`]);
  });

  it('refuses F with the reason when the standby is stopped or unhealthy, with no dialog and no call', async () => {
    const stopped = createFakeFailover([row({}, 'stopped')]);
    const first = await openConsole({ pane: 'failover', failover: stopped });
    await first.view.waitFor((text) => text.includes('EIP failover (1)'));
    const refused = await first.view.press('F', (text) =>
      text.includes('switch refused'),
    );
    expect(refused).toContain('switch refused: standby web-2 is stopped');
    expect(refused).toMatch(/web-2 stopped/);
    expect(stopped.calls).toEqual([]);

    const sick = createFakeFailover([
      row({ checks: { active: ok(3), standby: down, eip: ok(4) } }),
    ]);
    const second = await openConsole({ pane: 'failover', failover: sick });
    await second.view.waitFor((text) => text.includes('EIP failover (1)'));
    const unhealthy = await second.view.press('F', (text) =>
      text.includes('switch refused'),
    );
    expect(unhealthy).toContain('unhealthy (ECONNREFUSED)');
    expect(unhealthy).not.toContain('╭');
    expect(sick.calls).toEqual([]);
  });

  it('read-only refuses F in place, and a pair that cannot be read shows why', async () => {
    const failover = createFakeFailover([
      row(),
      {
        ...row(),
        name: 'db',
        picture: undefined,
        holder: undefined,
        checks: {},
        error: 'Elastic IP 203.0.113.9 not found in us-east-1',
      },
    ]);
    const { view } = await openConsole({
      pane: 'failover',
      failover,
      readOnly: true,
    });
    const frame = await view.waitFor((text) =>
      text.includes('EIP failover (2)'),
    );
    expect(frame).toContain('Elastic IP 203.0.113.9');
    await view.press('F', (text) =>
      text.includes('read-only: switch is a write and was not sent'),
    );
    expect(failover.calls).toEqual([]);
  });

  it('says how to add a pair when the config has none', async () => {
    const { view } = await openConsole({ pane: 'failover' });
    const frame = await view.waitFor((text) =>
      text.includes('no failover pairs'),
    );
    expect(frame).toContain('failover: section');
  });
});
