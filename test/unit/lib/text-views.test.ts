import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { detailLines } from '../../../source/shell/detail-lines.js';
import { helpLines } from '../../../source/shell/help-lines.js';
import {
  ALL_BINDINGS,
  keyLabels,
  keymap,
} from '../../../source/keymap/index.js';
import { PANES } from '../../../source/shell/pane-catalog.js';

describe('help', () => {
  it('lists the keys of the pane on screen and every general key, from the keymap', () => {
    const text = helpLines(keymap, keyLabels(false), 'pane:instances', 1000)
      .map((line) => line.text)
      .join('\n');
    const shown = ALL_BINDINGS.filter(
      (binding) =>
        !binding.scope.startsWith('pane:') ||
        binding.scope === 'pane:instances',
    );
    for (const binding of shown)
      expect(text, binding.command).toContain(binding.description);
    // Keys of other panes are left out (descriptions they share aside).
    const shared = new Set(shown.map((binding) => binding.description));
    const hidden = ALL_BINDINGS.filter(
      (binding) => !shown.includes(binding) && !shared.has(binding.description),
    );
    expect(hidden.length).toBeGreaterThan(5);
    // Whole lines: one description can be the start of another.
    const described = new Set(text.split('\n').map((line) => line.slice(17)));
    for (const binding of hidden)
      expect(described.has(binding.description), binding.command).toBe(false);
    expect(text).toContain('This pane (instances)');
  });

  it('lists every pane command', () => {
    const text = helpLines(keymap, keyLabels(false), undefined, 1000)
      .map((line) => line.text)
      .join('\n');
    for (const pane of PANES) expect(text).toContain(`:${pane.name}`);
    expect(text).toContain('Ctrl+C');
  });

  it('wraps long descriptions under themselves at 80 columns, cutting none', () => {
    const lines = helpLines(keymap, keyLabels(false), 'pane:mysql', 78).map(
      (line) => line.text,
    );
    expect(
      Math.max(...lines.map((line) => stringWidth(line))),
    ).toBeLessThanOrEqual(78);
    // A continuation starts at the description column; joined, each entry is whole.
    const entries: string[] = [];
    for (const line of lines) {
      if (/^ {17}\S/.test(line) && entries.length > 0)
        entries[entries.length - 1] += ` ${line.trim()}`;
      else entries.push(line);
    }
    const joined = entries.join('\n');
    const long = PANES.filter((pane) => pane.description.length > 60);
    expect(long.length).toBeGreaterThan(0);
    for (const pane of long) expect(joined).toContain(pane.description);
    expect(lines.some((line) => /^ {17}\S/.test(line))).toBe(true);
  });
});

describe('detail view lines', () => {
  it('aligns keys and wraps long values under themselves', () => {
    const lines = detailLines(
      [
        {
          title: 'i-0abc',
          rows: [
            ['State', 'running'],
            ['User data', 'word '.repeat(30).trim()],
          ],
        },
      ],
      40,
    );
    expect(lines[0]).toEqual({ text: 'i-0abc', heading: true });
    expect(lines[1]?.text).toBe('  State      running');
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.every((line) => stringWidth(line.text) <= 40)).toBe(true);
    expect(lines[3]?.text.startsWith('             word')).toBe(true);
  });

  it('shows an empty value as a dash', () => {
    expect(
      detailLines([{ title: 't', rows: [['Key', '']] }], 40)[1]?.text,
    ).toBe('  Key  -');
  });
});
