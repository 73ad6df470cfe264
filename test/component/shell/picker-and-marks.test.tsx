/**
 * In a list to choose from, j/k move and `/` starts the filter; in a table,
 * Space marks and moves down, and Esc clears the marks before it goes back.
 */
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AddressRow } from '../../../source/aws/ec2/types.js';
import { openConsole } from '../../helpers/console.js';
import { createFakeEc2 } from '../../helpers/fakes/fake-ec2.js';
import { KEYS } from '../../helpers/keys.js';
import type { Rendered } from '../../helpers/render.js';

const address: AddressRow = {
  allocationId: 'eipalloc-0001',
  publicIp: '3.1.1.1',
  associationId: 'eipassoc-1',
  instanceId: 'i-0aaa0000000000001',
  instanceName: 'web-1',
  instanceState: 'running',
  privateIp: '10.0.0.10',
  networkInterfaceId: '',
  region: 'us-east-1',
  tags: {},
};

/** The last line in inverse video: the highlight. */
function highlighted(view: Rendered): string {
  const lines = (view.raw.lastFrame() ?? '')
    .split('\n')
    .filter((line) => line.includes('\u001B[7m'));
  return stripVTControlCharacters(lines.at(-1) ?? '');
}

describe('a picker', () => {
  it('moves with j and k, and filters only after /', async () => {
    const fake = createFakeEc2({ addresses: [address] });
    const { view } = await openConsole({ pane: 'eips', ec2: fake });
    await view.waitFor((text) => text.includes('Elastic IPs (1)'));
    const picker = await view.press('M', (text) =>
      text.includes('Move 3.1.1.1 to (2/2)'),
    );
    expect(picker).toContain('j/k');
    expect(picker).toContain('/ filter');
    expect(highlighted(view)).toContain('web-2');
    view.raw.stdin.write('j');
    await view.waitFor(() => highlighted(view).includes('batch-1'), 'j');
    view.raw.stdin.write('k');
    await view.waitFor(() => highlighted(view).includes('web-2'), 'k');
    // j and k moved: nothing was typed into the filter.
    expect(view.frame()).toContain('Move 3.1.1.1 to (2/2)');
    await view.press('/', (text) => text.includes('Esc ends the filter'));
    const narrowed = await view.press('bat', (text) => text.includes('(1/2)'));
    expect(narrowed).toContain('Esc ends the filter');
    // Esc ends the filter, a second Esc cancels.
    await view.press(KEYS.escape, (text) => text.includes('(2/2)'));
    await view.press(KEYS.escape, (text) => text.includes('Elastic IPs (1)'));
    expect(fake.calls).toEqual([]);
  });
});

describe('marks in a table', () => {
  it('Space marks and moves down; Esc clears the marks and stays', async () => {
    const { view } = await openConsole({
      pane: 'instances',
      ec2: createFakeEc2(),
      size: { columns: 120, rows: 30 },
    });
    await view.waitFor((text) => text.includes('Instances (3)'));
    await view.press(KEYS.space, (text) => text.includes('1 marked'));
    expect(highlighted(view)).toContain('web-2');
    await view.press(KEYS.space, (text) => text.includes('2 marked'));
    const cleared = await view.press(
      KEYS.escape,
      (text) => !text.includes('marked'),
    );
    expect(cleared).toContain('Instances (3)');
    expect(cleared).toContain('web-1');
  });
});
