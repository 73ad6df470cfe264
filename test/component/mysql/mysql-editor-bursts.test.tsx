/**
 * Keys of a burst reach the SQL editor before it renders again: a second
 * Enter in the same burst never starts the statement a second time, and a
 * statement typed behind the first runs after it, once.
 */
import { describe, expect, it } from 'vitest';
import { KEYS } from '../../helpers/keys.js';
import { connectedPane } from './mysql-open.js';

/** Writes every key in the same turn, as a burst over SSH reaches the handlers. */
function burst(
  view: Awaited<ReturnType<typeof connectedPane>>['view'],
  keys: readonly string[],
) {
  for (const key of keys) view.raw.stdin.write(key);
}

describe('the SQL editor under a burst', () => {
  it('runs a statement once for two Enters', async () => {
    const { view, mysql } = await connectedPane();
    await view.press('Q', (frame) => frame.includes('sql>'));
    await view.press('SELECT 42 AS answer;');
    burst(view, [KEYS.enter, KEYS.enter]);
    await view.waitFor((frame) => frame.includes('1 row in'), 'the result');
    // A second statement, typed and run after: any second run of the first
    // would have been sent before it.
    await view.press('SELECT 7 AS other;');
    await view.press(KEYS.enter, () => mysql.statements.length >= 2);
    await view.waitFor((frame) => !frame.includes('sql> SELECT'), 'cleared');
    expect(mysql.statements).toEqual([
      'SELECT 42 AS answer;',
      'SELECT 7 AS other;',
    ]);
  });

  it('runs a statement typed behind a running one after it, each once', async () => {
    const { view, mysql } = await connectedPane();
    await view.press('Q', (frame) => frame.includes('sql>'));
    burst(view, [
      'SELECT 1 AS one;',
      KEYS.enter,
      'SELECT 2 AS two;',
      KEYS.enter,
      KEYS.enter,
    ]);
    await view.waitFor(
      () => mysql.statements.length >= 2,
      'both statements sent',
    );
    const settled = await view.waitFor(
      (frame) => frame.includes('1 row in') && !frame.includes('sql> SELECT'),
      'the editor empty after both',
    );
    expect(settled).toContain('sql>');
    expect(mysql.statements).toEqual(['SELECT 1 AS one;', 'SELECT 2 AS two;']);
  });
});
