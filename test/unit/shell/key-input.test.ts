import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { osc52 } from '../../../source/lib/clipboard.js';
import { splitUnits } from '../../../source/terminal/key-units.js';
import { PacedInput } from '../../../source/terminal/paced-input.js';

describe('key units', () => {
  it('splits a burst of command keys into single presses', () => {
    expect(splitUnits('jjj', false)).toEqual(['j', 'j', 'j']);
    expect(splitUnits(':reg\r', false)).toEqual([':', 'r', 'e', 'g', '\r']);
  });

  it('keeps escape sequences whole', () => {
    expect(splitUnits('\u001B[B\u001B[B\u001B[6~\u001BOA', false)).toEqual([
      '\u001B[B',
      '\u001B[B',
      '\u001B[6~',
      '\u001BOA',
    ]);
    expect(splitUnits('\u001B[1;5A', false)).toEqual(['\u001B[1;5A']);
  });

  it('reads Esc followed by a key as two presses', () => {
    expect(splitUnits('\u001B:q', false)).toEqual(['\u001B', ':', 'q']);
    expect(splitUnits('\u001B\u001B', false)).toEqual(['\u001B', '\u001B']);
  });

  it('keeps typed text in runs for a text field, but Enter and Tab apart', () => {
    expect(splitUnits('region eu-west-1\r', true)).toEqual([
      'region eu-west-1',
      '\r',
    ]);
    expect(splitUnits('ab\tc', true)).toEqual(['ab', '\t', 'c']);
  });

  it('does not split characters outside the basic plane', () => {
    expect(splitUnits('😀x', false)).toEqual(['😀', 'x']);
  });
});

class FakeTty extends EventEmitter {
  readonly isTTY = true;
  chunks: string[] = [];
  setEncoding() {
    return this;
  }
  setRawMode() {
    return this;
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
  read(): string | null {
    return this.chunks.shift() ?? null;
  }
  type(text: string) {
    this.chunks.push(text);
    this.emit('readable');
  }
}

/** Waits until `done` holds, checking every few milliseconds (CI is slow). */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!done() && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 5));
}

/**
 * The pacer hands over the next key in a setTimeout(0): one set after it runs
 * after it (timers of one delay fire in the order they were set), so this is
 * "after the pacer's turn", not a guess at how long that takes.
 */
function pacerTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

describe('paced input', () => {
  it('hands over one key per readable event, in order', async () => {
    const tty = new FakeTty();
    let textMode = false;
    const paced = new PacedInput(tty, () => textMode);
    const seen: string[][] = [];
    paced.on('readable', () => {
      const batch: string[] = [];
      let unit: string | null;
      while ((unit = paced.read()) !== null) batch.push(unit);
      seen.push(batch);
      // ':' opens a text field: what follows is text.
      if (batch.includes(':')) textMode = true;
    });
    tty.type('jj:reg\r');
    // One key per turn: wait for the turns, not for a fixed time (CI is slow).
    await until(() => seen.length >= 5);
    expect(seen).toEqual([['j'], ['j'], [':'], ['reg'], ['\r']]);
  });
});

describe('paced input across a re-subscription', () => {
  it('keeps keys that arrive while no one listens, and sends them when a listener returns', async () => {
    const tty = new FakeTty();
    const paced = new PacedInput(tty, () => false);
    const seen: string[] = [];
    const listener = () => {
      let unit: string | null;
      while ((unit = paced.read()) !== null) seen.push(unit);
    };
    paced.on('readable', listener);
    tty.type('ab');
    // Ink lets go of stdin (raw mode off) after the first key and takes it again.
    paced.off('readable', listener);
    paced.unref();
    await pacerTurn();
    expect(seen).toEqual(['a']);
    paced.ref();
    paced.on('readable', listener);
    await until(() => seen.length >= 2);
    expect(seen).toEqual(['a', 'b']);
  });
});

describe('OSC 52', () => {
  it('encodes the text for the terminal clipboard', () => {
    expect(osc52('i-0abc', {})).toBe(
      `\u001B]52;c;${Buffer.from('i-0abc').toString('base64')}\u0007`,
    );
  });

  it('wraps it for tmux', () => {
    const sequence = osc52('x', { TMUX: '/tmp/tmux-0/default,1,0' });
    expect(sequence.startsWith('\u001BPtmux;\u001B\u001B]52;c;')).toBe(true);
    expect(sequence.endsWith('\u001B\\')).toBe(true);
  });
});
