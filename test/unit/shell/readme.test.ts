import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_BINDINGS } from '../../../source/keymap/index.js';
import { PANES } from '../../../source/shell/pane-catalog.js';

const readme = readFileSync(
  new URL('../../../README.md', import.meta.url),
  'utf8',
);

describe('README', () => {
  it('documents every key binding as the keymap describes it', () => {
    // A table cell, however Prettier pads it.
    const cells = new Set(
      readme
        .split('\n')
        .filter((line) => line.startsWith('|'))
        .flatMap((line) => line.split('|').map((cell) => cell.trim())),
    );
    const missing = ALL_BINDINGS.filter(
      (binding) => !cells.has(binding.description),
    ).map((binding) => binding.command);
    expect(missing).toEqual([]);
  });

  it('names every pane', () => {
    for (const pane of PANES) expect(readme).toContain(`:${pane.name}`);
  });

  it('gives the test command that CI runs', () => {
    const ci = readFileSync(
      new URL('../../../.ci/run', import.meta.url),
      'utf8',
    );
    expect(ci).toMatch(/^npm test$/m);
    expect(readme).toMatch(/^npm test\s+#/m);
  });
});
