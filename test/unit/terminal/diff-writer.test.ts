import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { safeLine } from '../../../source/lib/terminal-text.js';
import { DiffWriter } from '../../../source/terminal/diff-writer.js';
import { OSC52 } from '../../helpers/hostile.js';
import {
  feed,
  headlessTerminal,
  screenCells,
} from '../../helpers/terminal-cells.js';

/** A terminal's stdout that keeps what it is sent. */
class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  readonly chunks: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write(chunk: string) {
    this.chunks.push(chunk);
    return true;
  }
  take(): string {
    return this.chunks.splice(0).join('');
  }
}

/** What Ink's log-update writes for a frame: erase the previous lines, write all lines. */
function inkFrame(lines: readonly string[], previous: number): string {
  let erase = '';
  for (let index = 0; index < previous; index++)
    erase += '\u001B[2K' + (index < previous - 1 ? '\u001B[1A' : '');
  if (previous > 0) erase += '\u001B[G';
  return erase + lines.join('\n') + '\n';
}

const red = (text: string) => `\u001B[31m${text}\u001B[39m`;
const inverse = (text: string) => `\u001B[7m${text}\u001B[27m`;
const bold = (text: string) => `\u001B[1m${text}\u001B[22m`;
const dim = (text: string) => `\u001B[2m${text}\u001B[22m`;
const bg256 = (text: string) => `\u001B[48;5;24m${text}\u001B[49m`;

function table(
  selected: number,
  header = 'opsdeck │ lab │ us-east-1',
): string[] {
  const rows = [
    'web-1',
    'web-2 日本語',
    'db-1 😀',
    safeLine(OSC52),
    'batch-1 éé',
  ];
  return [
    bold(header),
    dim(' NAME            STATE'),
    ...rows.map((name, index) => {
      const line = ` ${name.padEnd(15)} ${red('running')}`;
      return index === selected ? inverse(line) : line;
    }),
    bg256('? help  : cmd'),
  ];
}

/**
 * Sends frames to one terminal as Ink writes them and to another through the
 * writer, and returns both screens and byte counts after each frame.
 */
async function compare(
  columns: number,
  rows: number,
  frames: readonly string[][],
) {
  const full = headlessTerminal(columns, rows);
  const diffed = headlessTerminal(columns, rows);
  const stdout = new FakeStdout(columns, rows);
  const writer = new DiffWriter(stdout);
  const steps: {
    full: string[];
    diffed: string[];
    raw: number;
    sent: number;
    sentText: string;
  }[] = [];
  let previous = 0;
  for (const lines of frames) {
    const frame = `\u001B[?2026h${inkFrame(lines, previous)}\u001B[?2026l`;
    previous = lines.length + 1;
    writer.write(frame);
    const sentText = stdout.take();
    await feed(full, frame);
    await feed(diffed, sentText);
    steps.push({
      full: screenCells(full),
      diffed: screenCells(diffed),
      raw: frame.length,
      sent: sentText.length,
      sentText,
    });
  }
  return { steps, diffed, writer, stdout, full };
}

describe('DiffWriter', () => {
  it('leaves the terminal showing what whole frames would, cell by cell', async () => {
    const frames = [
      table(0),
      table(1),
      table(2),
      table(3),
      table(3, 'opsdeck │ lab │ eu-west-1 │ 123456789012'),
      table(4, 'short'),
      ['only one line'],
      [red('日本語の見出し'), '😀😀 emoji', inverse('x'.repeat(40))],
      table(0),
    ];
    const { steps } = await compare(40, 12, frames);
    for (const step of steps) expect(step.diffed).toEqual(step.full);
  });

  it('sends a one-row cursor move as the two rows that changed', async () => {
    const { steps } = await compare(80, 24, [table(0), table(1)]);
    const move = steps[1];
    expect(move?.diffed).toEqual(move?.full);
    expect(move?.sent).toBeLessThan(120);
    expect(move?.raw).toBeGreaterThan(3 * (move?.sent ?? 0));
  });

  it('sends nothing when a frame is the same', async () => {
    const { steps } = await compare(40, 10, [table(0), table(0)]);
    expect(steps[1]?.sent).toBe(0);
  });

  it('changes only the attributes that differ', async () => {
    const { steps } = await compare(40, 5, [
      [`${bold('ab')}${red('cd')}`],
      [`${bold('ab')}\u001B[1;31mcd\u001B[0m`],
    ]);
    expect(steps[1]?.diffed).toEqual(steps[1]?.full);
    // Only "cd" gains bold: one move, one SGR, two characters.
    const expected = '\u001B[?2026h\u001B[1;3H\u001B[1mcd';
    expect(steps[1]?.sentText.slice(0, expected.length)).toBe(expected);
  });

  it('writes the last column and the last row without scrolling', async () => {
    const columns = 20;
    const rows = 4;
    const filled = (char: string) =>
      Array.from({ length: rows - 1 }, () => char.repeat(columns));
    const { steps, diffed } = await compare(columns, rows, [
      filled('a'),
      [...filled('a').slice(0, -1), `${'a'.repeat(columns - 1)}b`],
      [...filled('b').slice(0, -1), `日本${'c'.repeat(columns - 4)}`],
    ]);
    for (const step of steps) {
      expect(step.diffed).toEqual(step.full);
      expect(step.sentText).not.toContain('\n');
    }
    expect(diffed.buffer.active.baseY).toBe(0);
  });

  it('clears what a shorter line leaves behind', async () => {
    const { steps } = await compare(40, 6, [
      [
        'a long line that will shrink a lot',
        bg256('coloured to the end'.padEnd(40)),
      ],
      ['short', 'x'],
    ]);
    expect(steps[1]?.diffed).toEqual(steps[1]?.full);
    expect(steps[1]?.sentText).toContain('\u001B[K');
  });

  it('replaces half of a wide character cleanly', async () => {
    const { steps } = await compare(20, 4, [
      ['日本語'],
      ['a本b'],
      ['日x語'],
      ['😀😀'],
      ['😀 '],
    ]);
    for (const step of steps) expect(step.diffed).toEqual(step.full);
  });

  it('repaints the whole screen over whatever the terminal shows', async () => {
    const { writer, stdout, diffed, full } = await compare(30, 6, [
      table(0),
      table(2),
    ]);
    await feed(diffed, '\u001B[2;3Hgarbage\u001B[41m  ');
    writer.repaint();
    const sent = stdout.take();
    expect(sent).toContain('\u001B[2J');
    await feed(diffed, sent);
    expect(screenCells(diffed)).toEqual(screenCells(full));
  });

  it('repaints after a resize, at the new size', async () => {
    const stdout = new FakeStdout(40, 10);
    const writer = new DiffWriter(stdout);
    const resized: string[] = [];
    writer.on('resize', () =>
      resized.push(`${String(writer.columns)}x${String(writer.rows)}`),
    );
    writer.write(inkFrame(table(0), 0));
    Object.assign(stdout, { columns: 30, rows: 8 });
    stdout.emit('resize');
    expect(resized).toEqual(['30x8']);
    stdout.take();
    const next = inkFrame(table(1), 8);
    writer.write(next);
    const terminal = headlessTerminal(30, 8);
    const reference = headlessTerminal(30, 8);
    await feed(terminal, '\u001B[5;5Hstale');
    await feed(terminal, stdout.take());
    await feed(reference, '\u001B[10A' + next);
    expect(screenCells(terminal)).toEqual(screenCells(reference));
    writer.close();
  });

  it('passes on what does not draw, such as a clipboard write', () => {
    const stdout = new FakeStdout(20, 5);
    const writer = new DiffWriter(stdout);
    writer.write('\u001B]52;c;aGk=\u0007');
    expect(stdout.take()).toContain('\u001B]52;c;aGk=\u0007');
  });

  it('reads a sequence cut between two writes', async () => {
    const { steps: whole } = await compare(20, 4, [[red('abc')]]);
    const stdout = new FakeStdout(20, 4);
    const writer = new DiffWriter(stdout);
    const frame = inkFrame([red('abc')], 0);
    writer.write(frame.slice(0, 3));
    writer.write(frame.slice(3));
    const terminal = headlessTerminal(20, 4);
    await feed(terminal, stdout.take());
    expect(screenCells(terminal)).toEqual(whole[0]?.full);
  });

  it('with the diff off, sends every byte as Ink wrote it', () => {
    const stdout = new FakeStdout(40, 10);
    const writer = new DiffWriter(stdout, false);
    const frames = [inkFrame(table(0), 0), inkFrame(table(1), 8)];
    for (const frame of frames) writer.write(frame);
    expect(stdout.take()).toBe(frames.join(''));
  });
});
