/**
 * After a write and its refresh, the highlight is on the same resource, in
 * every pane: a row that arrives above it, or a new order, does not move it,
 * and when its row is gone it lands on the neighbour.
 */
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AddressRow } from '../../../source/aws/ec2/types.js';
import { openConsole } from '../../helpers/console.js';
import {
  createFakeEc2,
  fakeInstance,
  fakeVolume,
  type FakeEc2,
} from '../../helpers/fakes/fake-ec2.js';
import { createFakeS3, type FakeS3 } from '../../helpers/fakes/fake-s3.js';
import { KEYS } from '../../helpers/keys.js';
import type { Rendered } from '../../helpers/render.js';
import { connectedPane } from '../mysql/mysql-open.js';

/** The last line drawn in inverse video: the highlight (a tab bar may come first). */
function highlighted(view: Rendered): string {
  const line = (view.raw.lastFrame() ?? '')
    .split('\n')
    .filter((text) => text.includes('\u001B[7m'))
    .at(-1);
  return stripVTControlCharacters(line ?? '');
}

/** j, and the highlight on the row that shows `text`. */
async function down(view: Rendered, text: string): Promise<void> {
  view.raw.stdin.write('j');
  await view.waitFor(() => highlighted(view).includes(text), text);
}

const address = (id: string, ip: string): AddressRow => ({
  allocationId: id,
  publicIp: ip,
  associationId: '',
  instanceId: '',
  instanceName: '',
  instanceState: '',
  privateIp: '',
  networkInterfaceId: '',
  region: 'us-east-1',
  tags: {},
});

interface PaneCase {
  readonly pane: string;
  readonly title: string;
  /** What tells the three seeded rows apart on screen, first to last. */
  readonly shown: readonly [string, string, string];
  readonly open: () => Promise<{ view: Rendered; world: World }>;
}

/** What a write changed, as the next list will show it. */
interface World {
  addAbove(): void;
  reverse(): void;
  remove(index: number): void;
}

function ec2World(
  fake: FakeEc2,
  key: 'instances' | 'addresses' | 'volumes',
  extra: () => never,
): World {
  const rows = () => fake.state[key] as unknown[];
  const set = (next: unknown[]) => {
    (fake.state as Record<string, unknown[]>)[key] = next;
  };
  return {
    addAbove: () => set([extra(), ...rows()]),
    reverse: () => set([...rows()].reverse()),
    remove: (index) => set(rows().filter((_, at) => at !== index)),
  };
}

function bucketWorld(fake: FakeS3): World {
  const reorder = (names: string[]) => {
    const all = new Map(fake.buckets);
    fake.buckets.clear();
    for (const name of names) {
      const objects = all.get(name);
      if (objects) fake.buckets.set(name, objects);
    }
  };
  return {
    addAbove: () => {
      const all = [...fake.buckets.keys()];
      fake.buckets.set('aaa-new', new Map());
      reorder(['aaa-new', ...all]);
    },
    reverse: () => reorder([...fake.buckets.keys()].reverse()),
    remove: (index) =>
      void fake.buckets.delete([...fake.buckets.keys()][index] ?? ''),
  };
}

async function ec2Pane(
  pane: string,
  key: 'instances' | 'addresses' | 'volumes',
  seed: Partial<FakeEc2['state']>,
  extra: () => unknown,
) {
  const fake = createFakeEc2(seed);
  const { view } = await openConsole({
    pane,
    ec2: fake,
    size: { columns: 120, rows: 30 },
  });
  return { view, world: ec2World(fake, key, extra as () => never) };
}

const CASES: readonly PaneCase[] = [
  {
    pane: 'instances',
    title: 'Instances',
    shown: ['web-1', 'web-2', 'batch-1'],
    open: () =>
      ec2Pane('instances', 'instances', {}, () =>
        fakeInstance('i-0aaa0000000000000', 'new-0', 'pending'),
      ),
  },
  {
    pane: 'eips',
    title: 'Elastic IPs',
    shown: ['3.1.1.1', '3.2.2.2', '3.3.3.3'],
    open: () =>
      ec2Pane(
        'eips',
        'addresses',
        {
          addresses: [
            address('eipalloc-1', '3.1.1.1'),
            address('eipalloc-2', '3.2.2.2'),
            address('eipalloc-3', '3.3.3.3'),
          ],
        },
        () => address('eipalloc-0', '3.0.0.0'),
      ),
  },
  {
    pane: 'volumes',
    title: 'Volumes',
    shown: ['vol-1', 'vol-2', 'vol-3'],
    open: () =>
      ec2Pane(
        'volumes',
        'volumes',
        { volumes: ['vol-1', 'vol-2', 'vol-3'].map((id) => fakeVolume(id)) },
        () => fakeVolume('vol-0'),
      ),
  },
  {
    pane: 's3',
    title: 'Buckets',
    shown: ['acme-a', 'acme-b', 'acme-c'],
    open: async () => {
      const fake = createFakeS3({ 'acme-a': [], 'acme-b': [], 'acme-c': [] });
      const { view } = await openConsole({ pane: 'buckets', s3: fake });
      return { view, world: bucketWorld(fake) };
    },
  },
];

describe.each(CASES)('the $title pane', ({ title, shown, open }) => {
  const refreshed = async (view: Rendered, count: number) =>
    view.press(KEYS.ctrlR, (frame) =>
      frame.includes(`${title} (${String(count)})`),
    );

  it('keeps the highlight on the first row when a row arrives above it', async () => {
    const { view, world } = await open();
    await view.waitFor((frame) => frame.includes(`${title} (3)`), 'the rows');
    expect(highlighted(view)).toContain(shown[0]);
    world.addAbove();
    await refreshed(view, 4);
    expect(highlighted(view)).toContain(shown[0]);
  });

  it('follows the row when a refresh reorders the rows, and lands on its neighbour when it is gone', async () => {
    const { view, world } = await open();
    await view.waitFor((frame) => frame.includes(`${title} (3)`), 'the rows');
    await down(view, shown[1]);
    world.reverse();
    await refreshed(view, 3);
    await view.waitFor(() => highlighted(view).includes(shown[1]), 'again');
    // Now third, second, first: the second row goes, the first takes its place.
    world.remove(1);
    await refreshed(view, 2);
    expect(highlighted(view)).toContain(shown[0]);
  });
});

describe('the MySQL Users view', () => {
  it('keeps the highlight on the account a grant was for', async () => {
    const { view, mysql } = await connectedPane({
      size: { columns: 100, rows: 30 },
    });
    await view.press('U', (frame) => frame.includes('Users (3)'));
    // root@localhost, app@%, legacy@%: down to legacy@%.
    await down(view, 'app');
    await down(view, 'legacy');
    await view.press('a', (frame) => frame.includes('Grant privileges to'));
    await view.press(KEYS.enter, (frame) => frame.includes('[ ] SELECT'));
    await view.press(KEYS.space, (frame) => frame.includes('[x] SELECT'));
    await view.press(KEYS.enter, (frame) => frame.includes('Grant on'));
    // An account made meanwhile sorts above it.
    mysql.accounts.unshift({ ...mysql.accounts[1]!, user: 'aaa' });
    await view.press('y', (frame) => frame.includes('Users (4)'));
    expect(highlighted(view)).toContain('legacy');
  });
});
