/**
 * The same promise as cursor-follows-row, for the other panes: after a write
 * and its refresh the highlight is on the same resource by its ID, and on
 * its neighbour when it is gone. Each pane is driven through the console;
 * the fake behind it is set to what the next listing returns.
 */
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { SnapshotRow } from '../../../source/aws/ec2/types.js';
import { openConsole } from '../../helpers/console.js';
import { createFakeEc2 } from '../../helpers/fakes/fake-ec2.js';
import { createFakeMysql } from '../../helpers/fakes/fake-mysql.js';
import { createFakeS3, fakeObject } from '../../helpers/fakes/fake-s3.js';
import {
  createFakeSecurityGroups,
  rule,
} from '../../helpers/fakes/fake-security-groups.js';
import { KEYS } from '../../helpers/keys.js';
import { lines, type Rendered } from '../../helpers/render.js';
import { mysqlConfig } from '../mysql/mysql-open.js';

const size = { columns: 100, rows: 30 };

/** The last line drawn in inverse video: the highlight (a tab bar may come first). */
function highlighted(view: Rendered): string {
  const line = (view.raw.lastFrame() ?? '')
    .split('\n')
    .filter((text) => text.includes('\u001B[7m'))
    .at(-1);
  return stripVTControlCharacters(line ?? '');
}

/** The labels the frame shows, top to bottom. */
function shownOrder(frame: string, labels: readonly string[]): string[] {
  const at = (label: string) =>
    lines(frame).findIndex((line) => line.includes(label));
  return labels
    .filter((label) => at(label) >= 0)
    .sort((one, other) => at(one) - at(other));
}

interface Opened {
  readonly view: Rendered;
  /** Makes the next listing return exactly these rows, in this order. */
  readonly show: (labels: readonly string[]) => void;
}

interface PaneCase {
  readonly pane: string;
  /** How the three seeded rows show, in the order they are listed. */
  readonly labels: readonly [string, string, string];
  /** A row that lists above all three. */
  readonly above: string;
  /** The listing is sorted by the label: a refresh cannot reorder it. */
  readonly sorted: boolean;
  readonly open: () => Promise<Opened>;
}

const snapshot = (id: string): SnapshotRow => ({
  id,
  name: '',
  volumeId: 'vol-0aaaaaaaaaaaaaaa1',
  size: 8,
  state: 'completed',
  progress: 100,
  started: new Date('2026-12-01T03:00:00Z'),
  description: 'nightly',
  encrypted: false,
  region: 'us-east-1',
  tags: {},
});

const group = (id: string) => ({
  id,
  name: `group-${id.slice(-1)}`,
  description: 'test',
  inbound: [],
  outbound: [],
  instances: [],
});

const ssh = (cidr: string) => rule('in', 'tcp', 22, 22, cidr);

/** The MySQL pane connected to a fake whose databases are `databases`. */
async function mysqlPane(
  seed: (fake: ReturnType<typeof createFakeMysql>) => void,
) {
  const mysql = createFakeMysql();
  seed(mysql);
  const { view } = await openConsole({
    pane: 'mysql',
    config: mysqlConfig(),
    mysql,
    size,
  });
  await view.waitFor((frame) => frame.includes('db1.example.com'), 'profiles');
  await view.press(KEYS.enter, (frame) => frame.includes('MySQL password'));
  await view.press('s3cret');
  await view.press(KEYS.enter, (frame) => frame.includes('Databases ('));
  return { view, mysql };
}

const cell = (label: string) => [
  label.slice(-1).charCodeAt(0).toString(),
  label,
];

const CASES: readonly PaneCase[] = [
  {
    pane: 'snapshots',
    labels: ['snap-0b', 'snap-0c', 'snap-0d'],
    above: 'snap-0a',
    sorted: false,
    open: async () => {
      const fake = createFakeEc2({
        snapshots: ['snap-0b', 'snap-0c', 'snap-0d'].map(snapshot),
      });
      const { view } = await openConsole({
        pane: 'snapshots',
        ec2: fake,
        size,
      });
      return {
        view,
        show: (labels) => {
          fake.state.snapshots = labels.map(snapshot);
        },
      };
    },
  },
  {
    pane: 'S3 objects',
    labels: ['b.txt', 'c.txt', 'd.txt'],
    above: 'a.txt',
    sorted: true,
    open: async () => {
      const fake = createFakeS3({ 'acme-a': ['b.txt', 'c.txt', 'd.txt'] });
      const { view } = await openConsole({ pane: 'buckets', s3: fake, size });
      await view.waitFor((frame) => frame.includes('acme-a'), 'the bucket');
      await view.press(KEYS.enter, (frame) => frame.includes('d.txt'));
      return {
        view,
        show: (labels) => {
          const objects = fake.buckets.get('acme-a')!;
          objects.clear();
          for (const key of labels) objects.set(key, fakeObject(key));
        },
      };
    },
  },
  {
    pane: 'security groups',
    labels: ['sg-0000000b', 'sg-0000000c', 'sg-0000000d'],
    above: 'sg-0000000a',
    sorted: false,
    open: async () => {
      const fake = createFakeSecurityGroups(
        ['sg-0000000b', 'sg-0000000c', 'sg-0000000d'].map(group),
      );
      const { view } = await openConsole({
        pane: 'groups',
        securityGroups: fake,
        size,
      });
      return {
        view,
        show: (labels) => {
          fake.groups.splice(0, fake.groups.length, ...labels.map(group));
        },
      };
    },
  },
  {
    pane: 'rules of a group',
    labels: ['10.0.0.2/32', '10.0.0.3/32', '10.0.0.4/32'],
    above: '10.0.0.1/32',
    sorted: false,
    open: async () => {
      const fake = createFakeSecurityGroups([
        {
          ...group('sg-0000000b'),
          inbound: ['10.0.0.2/32', '10.0.0.3/32', '10.0.0.4/32'].map(ssh),
        },
      ]);
      const { view } = await openConsole({
        pane: 'groups',
        securityGroups: fake,
        size,
      });
      await view.waitFor((frame) => frame.includes('group-b'), 'the group');
      await view.press(KEYS.enter, (frame) => frame.includes('10.0.0.4/32'));
      return {
        view,
        show: (labels) => {
          fake.groups[0]!.inbound = labels.map(ssh);
        },
      };
    },
  },
  {
    pane: 'MySQL databases',
    labels: ['db-b', 'db-c', 'db-d'],
    above: 'db-a',
    sorted: false,
    open: async () => {
      const set = (
        fake: ReturnType<typeof createFakeMysql>,
        labels: readonly string[],
      ) => {
        fake.databases.clear();
        for (const name of labels) fake.databases.set(name, new Map());
      };
      const { view, mysql } = await mysqlPane((fake) =>
        set(fake, ['db-b', 'db-c', 'db-d']),
      );
      return { view, show: (labels) => set(mysql, labels) };
    },
  },
  {
    pane: 'MySQL tables',
    labels: ['tbl_b', 'tbl_c', 'tbl_d'],
    above: 'tbl_a',
    sorted: false,
    open: async () => {
      const table = () => ({ columns: [], rows: [], primaryKey: [] });
      const set = (
        fake: ReturnType<typeof createFakeMysql>,
        labels: readonly string[],
      ) =>
        fake.databases.set(
          'shop',
          new Map(labels.map((name) => [name, table()])),
        );
      const { view, mysql } = await mysqlPane((fake) =>
        set(fake, ['tbl_b', 'tbl_c', 'tbl_d']),
      );
      await view.press('/', (frame) => frame.includes('/'));
      await view.press('shop');
      await view.press(KEYS.enter);
      await view.press(KEYS.enter, (frame) => frame.includes('tbl_d'));
      return { view, show: (labels) => set(mysql, labels) };
    },
  },
  {
    pane: 'MySQL rows (by primary key)',
    labels: ['row-b', 'row-c', 'row-d'],
    above: 'row-a',
    sorted: false,
    open: async () => {
      const rows: string[][] = ['row-b', 'row-c', 'row-d'].map(cell);
      const { view } = await mysqlPane((fake) =>
        fake.databases.set(
          'shop',
          new Map([
            [
              'people',
              {
                columns: [
                  { name: 'id', type: 'INT', binary: false, numeric: true },
                  {
                    name: 'name',
                    type: 'VARCHAR',
                    binary: false,
                    numeric: false,
                  },
                ],
                primaryKey: ['id'],
                rows,
              },
            ],
          ]),
        ),
      );
      await view.press('/', (frame) => frame.includes('/'));
      await view.press('shop');
      await view.press(KEYS.enter);
      await view.press(KEYS.enter, (frame) => frame.includes('people'));
      await view.press('r', (frame) => frame.includes('row-d'));
      return {
        view,
        show: (labels) => rows.splice(0, rows.length, ...labels.map(cell)),
      };
    },
  },
];

describe.each(CASES)('the $pane pane', ({ labels, above, sorted, open }) => {
  const all = [above, ...labels];
  /** Ctrl+R, and the rows listed as `expected`, in that order. */
  const refreshed = async (view: Rendered, expected: readonly string[]) => {
    view.raw.stdin.write(KEYS.ctrlR);
    await view.waitFor(
      (frame) => shownOrder(frame, all).join() === expected.join(),
      `rows ${expected.join(', ')}`,
    );
  };

  it('keeps the highlight on the first row when a row arrives above it', async () => {
    const { view, show } = await open();
    await view.waitFor(() => highlighted(view).includes(labels[0]), 'first');
    show([above, ...labels]);
    await refreshed(view, [above, ...labels]);
    expect(highlighted(view)).toContain(labels[0]);
  });

  it('follows the row through a refresh, and lands on its neighbour when it is gone', async () => {
    const { view, show } = await open();
    await view.waitFor(() => highlighted(view).includes(labels[0]), 'first');
    view.raw.stdin.write('j');
    await view.waitFor(() => highlighted(view).includes(labels[1]), 'second');
    // A new first row, and (where the listing allows) the order reversed.
    const moved = sorted
      ? [above, ...labels]
      : [labels[2], labels[1], above, labels[0]];
    show(moved);
    await refreshed(view, moved);
    expect(highlighted(view)).toContain(labels[1]);
    // Its row goes: the one that takes its place is highlighted.
    const after = moved.filter((label) => label !== labels[1]);
    const neighbour = after[moved.indexOf(labels[1])]!;
    show(after);
    await refreshed(view, after);
    expect(highlighted(view)).toContain(neighbour);
  });
});
