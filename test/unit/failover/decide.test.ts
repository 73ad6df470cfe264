/** The guard's decision: stay, switch or refuse, and why. */
import { describe, expect, it } from 'vitest';
import {
  decide,
  type DecisionInput,
  type EipCheck,
} from '../../../source/failover/decide.js';

const A = 'i-0aaaaaaaaaaaaaaaa';
const B = 'i-0bbbbbbbbbbbbbbbb';
const NOW = 1_700_000_000_000;

/** "x" fails, "." passes, oldest first. */
const results = (pattern: string) => [...pattern].map((char) => char === '.');
const onA = (pattern: string): EipCheck[] =>
  results(pattern).map((ok) => ({ ok, on: A }));

function input(overrides: {
  activeDirect?: string;
  standbyDirect?: string;
  viaEip?: EipCheck[];
  standbyState?: string;
  activeState?: string;
  holder?: DecisionInput['holder'];
  lastSwitchAt?: number;
  failures?: number;
  cooldown?: number;
}): DecisionInput {
  return {
    holder: 'holder' in overrides ? overrides.holder : 'active',
    instances: {
      active: {
        id: A,
        label: 'web-1',
        state: overrides.activeState ?? 'running',
        direct: results(overrides.activeDirect ?? '...'),
      },
      standby: {
        id: B,
        label: 'web-2',
        state: overrides.standbyState ?? 'running',
        direct: results(overrides.standbyDirect ?? '...'),
      },
    },
    viaEip: overrides.viaEip ?? onA('...'),
    lastSwitchAt: overrides.lastSwitchAt,
    now: NOW,
    settings: {
      failures: overrides.failures ?? 3,
      cooldown: overrides.cooldown ?? 300,
    },
  };
}

describe('the failover decision', () => {
  it('stays while the holder answers', () => {
    expect(decide(input({}))).toEqual({
      kind: 'stay',
      reason: 'web-1 healthy',
    });
  });

  it('switches after N failures in a row, directly and through the EIP, to a healthy standby', () => {
    const decision = decide(
      input({ activeDirect: '..xxx', viaEip: onA('..xxx') }),
    );
    expect(decision).toEqual({
      kind: 'switch',
      to: 'standby',
      reason:
        'web-1 failed 3 checks in a row directly and through the EIP; standby web-2 is healthy',
    });
  });

  it('does not switch one failure short, and counts them in the reason', () => {
    const decision = decide(
      input({ activeDirect: '...xx', viaEip: onA('...xx') }),
    );
    expect(decision).toEqual({
      kind: 'stay',
      reason: 'web-1 failing: 2 of 3 directly, 2 of 3 through the EIP',
    });
  });

  it('never switches a flapping check: failures that are not in a row', () => {
    let history = '';
    // fail, fail, pass, repeated: the kind of check that makes a switch-over run mad.
    for (let round = 0; round < 30; round++) {
      history += round % 3 === 2 ? '.' : 'x';
      const decision = decide(
        input({ activeDirect: history, viaEip: onA(history) }),
      );
      expect(decision.kind).toBe('stay');
    }
    expect(
      decide(input({ activeDirect: 'xx.', viaEip: onA('xx.') })).reason,
    ).toBe('web-1 answers again after failed checks (not in a row: no switch)');
  });

  it('needs both paths: failing only directly or only through the EIP stays', () => {
    expect(
      decide(input({ activeDirect: 'xxxxx', viaEip: onA('.....') })),
    ).toEqual({
      kind: 'stay',
      reason: 'web-1 fails directly (5 in a row) but answers through the EIP',
    });
    expect(
      decide(input({ activeDirect: '.....', viaEip: onA('xxxxx') })),
    ).toEqual({
      kind: 'stay',
      reason: 'web-1 answers directly but not through the EIP (5 in a row)',
    });
  });

  it('never switches to a standby that is stopped or not running', () => {
    for (const state of ['stopped', 'stopping', 'pending', 'terminated']) {
      const decision = decide(
        input({ activeDirect: 'xxx', viaEip: onA('xxx'), standbyState: state }),
      );
      expect(decision.kind).toBe('refuse');
      expect(decision.reason).toContain(
        `standby web-2 is ${state}: not switching`,
      );
    }
  });

  it('never switches to a standby that failed any of its last N checks', () => {
    const down = { activeDirect: 'xxx', viaEip: onA('xxx') };
    expect(decide(input({ ...down, standbyDirect: 'xxx' })).reason).toContain(
      'standby web-2 is not healthy (failed 3 of its last 3 checks): not switching',
    );
    expect(decide(input({ ...down, standbyDirect: '.x.' })).kind).toBe(
      'refuse',
    );
    expect(decide(input({ ...down, standbyDirect: '..' })).reason).toContain(
      '(2 checks so far)',
    );
    expect(decide(input({ ...down, standbyDirect: 'x...' })).kind).toBe(
      'switch',
    );
  });

  it('holds during the cooldown and switches once it is over', () => {
    const down = { activeDirect: 'xxx', viaEip: onA('xxx'), cooldown: 300 };
    const recent = decide(input({ ...down, lastSwitchAt: NOW - 42_000 }));
    expect(recent).toEqual({
      kind: 'refuse',
      reason:
        'web-1 failed 3 checks in a row directly and through the EIP; cooldown: the last switch was 42 s ago, 258 s left',
    });
    expect(decide(input({ ...down, lastSwitchAt: NOW - 300_000 })).kind).toBe(
      'switch',
    );
    expect(
      decide(input({ ...down, cooldown: 0, lastSwitchAt: NOW })).kind,
    ).toBe('switch');
  });

  it('switches back to the active once the standby holds the address and fails', () => {
    const decision = decide(
      input({
        holder: 'standby',
        standbyDirect: 'xxx',
        activeDirect: '...',
        viaEip: results('xxx').map((ok) => ({ ok, on: B })),
      }),
    );
    expect(decision).toMatchObject({ kind: 'switch', to: 'active' });
  });

  it('counts only the EIP checks made while the address was on the holder', () => {
    // Three failures through the EIP, but two of them were on the other instance.
    const viaEip: EipCheck[] = [
      { ok: false, on: B },
      { ok: false, on: B },
      { ok: false, on: A },
    ];
    expect(decide(input({ activeDirect: 'xxx', viaEip })).reason).toBe(
      'web-1 failing: 3 in a row directly, 1 of 3 through the EIP',
    );
  });

  it('does not touch an address on neither instance, and waits for the first checks', () => {
    expect(decide(input({ holder: undefined, activeDirect: 'xxx' }))).toEqual({
      kind: 'refuse',
      reason:
        'the EIP is on nothing, not on either instance of the pair: not touching it',
    });
    expect(
      decide({ ...input({ holder: undefined }), elsewhere: 'i-0ccc' }).reason,
    ).toContain('the EIP is on i-0ccc');
    expect(decide(input({ activeDirect: '', viaEip: [] }))).toEqual({
      kind: 'stay',
      reason: 'web-1: no checks yet',
    });
  });

  it('with failures: 1 switches on the first failure seen on both paths', () => {
    expect(
      decide(
        input({
          failures: 1,
          activeDirect: '..x',
          viaEip: onA('..x'),
          standbyDirect: '.',
        }),
      ).kind,
    ).toBe('switch');
  });
});
