/**
 * --ascii everywhere: every pane, view and kind of dialog, walked with the
 * ASCII theme. The fakes hold ASCII only, so any other character in any frame
 * came from opsdeck itself: a glyph that bypassed the theme.
 */
import { describe, expect, it } from 'vitest';
import { createTheme } from '../../../components/theme.js';
import type {
  AddressRow,
  SnapshotRow,
  VolumeRow,
} from '../../../source/aws/ec2/types.js';
import { openConsole } from '../../helpers/console.js';
import { openOnVolumes, VOL } from '../../helpers/ebs-copy-console.js';
import {
  createFakeEc2,
  fakeInstance,
  fakeVolume,
} from '../../helpers/fakes/fake-ec2.js';
import { createFakeEbsCopy } from '../../helpers/fakes/fake-ebs-copy.js';
import { fakeGroupEstate } from '../../helpers/fakes/fake-group-estate.js';
import { createFakeRootReset } from '../../helpers/fakes/fake-root-reset.js';
import { KEYS } from '../../helpers/keys.js';
import { lines, type Rendered, type Size } from '../../helpers/render.js';
import { openReset, toServer } from '../../helpers/root-reset-console.js';
import { connectedPane } from '../mysql/mysql-open.js';

const theme = createTheme({ color: true, ascii: true });

const ADDRESS: AddressRow = {
  allocationId: 'eipalloc-0001',
  publicIp: '3.1.1.1',
  associationId: 'eipassoc-0001',
  instanceId: 'i-0aaa0000000000001',
  instanceName: 'web-1',
  instanceState: 'running',
  privateIp: '10.0.0.10',
  networkInterfaceId: '',
  region: 'us-east-1',
  tags: {},
};

const VOLUME: VolumeRow = fakeVolume('vol-0aaaaaaaaaaaaaaa1', {
  name: 'data-01',
  tags: { Name: 'data-01' },
});

const SNAPSHOT: SnapshotRow = {
  id: 'snap-0aaaaaaaaaaaaaaa1',
  name: '',
  volumeId: VOLUME.id,
  size: 100,
  state: 'completed',
  progress: 100,
  started: new Date('2026-11-20T00:00:00Z'),
  description: 'data-01 weekly',
  encrypted: false,
  region: 'us-east-1',
  tags: {},
};

/** Characters outside printable ASCII; line breaks are layout. */
function foreign(text: string): string[] {
  return [...new Set(text.match(/[^\n\u0020-\u007E]/gu) ?? [])];
}

/** Every string in a fake's state (maps and dates included). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof Map) return strings([...value.entries()]);
  if (value instanceof Set) return strings([...value]);
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object')
    return Object.values(value).flatMap(strings);
  return [];
}

/**
 * What the fakes seeded is ASCII, so no character on screen is excused as
 * data; then every line of every frame drawn so far keeps to ASCII.
 */
function expectAscii(view: Rendered, seeded: readonly unknown[]) {
  expect(foreign(strings(seeded).join('\n'))).toEqual([]);
  const offending = view
    .frames()
    .flatMap(lines)
    .filter((line) => foreign(line).length > 0)
    .map((line) => `${foreign(line).join('')}  ${line.trim()}`);
  expect([...new Set(offending)]).toEqual([]);
}

/** "Help (Esc closes) 1-18 of 120": the lines a text view shows. */
const SHOWN_LINES = /\(Esc [a-z]+\) \d+-(\d+) of (\d+)/;

/** Pages a text view (help, details) to its end, so every line is drawn. */
async function pageToEnd(view: Rendered, frame: string) {
  let text = frame;
  for (
    let shown = SHOWN_LINES.exec(text);
    shown && shown[1] !== shown[2];
    shown = SHOWN_LINES.exec(text)
  )
    text = await view.press(KEYS.pageDown);
}

/** The help over the view on screen, paged to its end, then back. */
async function helpAndBack(view: Rendered, back: string) {
  await pageToEnd(
    view,
    await view.press('?', (frame) => frame.includes('Help (Esc')),
  );
  await view.press(KEYS.escape, (frame) => frame.includes(back));
}

/** Moves the cursor to the row that contains `text`, through the filter. */
async function cursorTo(view: Rendered, text: string, title: string) {
  await view.press('/', (frame) => frame.includes('!invert'));
  await view.press(text);
  await view.press(KEYS.enter, (frame) => !frame.includes('!invert'));
  await view.waitFor((frame) => frame.includes(title), title);
}

describe.each<Size>([
  { columns: 80, rows: 24 },
  { columns: 60, rows: 20 },
])('--ascii at $columns x $rows', (size) => {
  it('draws the shell: regions, profiles, help, event log, command line, filter, whoami', async () => {
    const { view, deps } = await openConsole({ theme, size });
    await view.waitFor(
      (frame) => frame.includes('111111111111') && frame.includes('eu-west-1'),
      'the header and the regions',
    );
    await view.press('2', (frame) => frame.includes('NAME'));
    await helpAndBack(view, 'Regions (3)');
    await view.press('!', (frame) => frame.includes('Event log'));
    await view.press(KEYS.escape, (frame) => frame.includes('Regions (3)'));
    await view.press(':', (frame) => frame.includes('Tab completes'));
    await view.press('pro', (frame) => frame.includes('profiles'));
    await view.press(KEYS.tab);
    await view.press('iles');
    await view.press(KEYS.enter, (frame) => frame.includes('Profiles (2)'));
    await view.press(':');
    await view.press('whoami');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('whoami (Esc back)'),
    );
    await view.press(KEYS.escape, (frame) => frame.includes('Profiles (2)'));
    await view.press('/', (frame) => frame.includes('!invert'));
    await view.press('/(/', (frame) => frame.includes('(/'));
    expectAscii(view, [deps.sessions.map((session) => session.settings)]);
    view.unmount();
  });

  it('draws the EC2 panes with their dialogs: confirmations, forms, pickers, details', async () => {
    const { view, deps } = await openConsole({
      theme,
      size,
      pane: 'instances',
      ec2: createFakeEc2({
        instances: [
          fakeInstance('i-0aaa0000000000001', 'web-1', 'running'),
          fakeInstance('i-0aaa0000000000002', 'web-2', 'running'),
          fakeInstance('i-0aaa0000000000003', 'batch-1', 'stopped'),
        ],
        addresses: [ADDRESS],
        volumes: [VOLUME],
        snapshots: [SNAPSHOT],
      }),
    });
    await view.waitFor((frame) => frame.includes('Instances (3)'));
    await view.press('1', (frame) => frame.includes('Instances (3)'));
    await view.press('1');
    await view.press(KEYS.space, (frame) => frame.includes('1 marked'));
    await pageToEnd(
      view,
      await view.press(KEYS.enter, (frame) => frame.includes('(Esc back)')),
    );
    await view.press(KEYS.escape, (frame) => frame.includes('Instances (3)'));
    // Yes/no with switches, flipped on so their warnings show.
    await view.press('S', (frame) => frame.includes('Stop 1 instance'));
    await view.press('\u0006', (frame) => frame.includes('[x] force'));
    await view.press(KEYS.escape, (frame) => !frame.includes('Stop 1'));
    // Typed confirmation, with a wrong name and its nudge.
    await view.press('X', (frame) => frame.includes('Terminate 1 instance'));
    await view.press('web');
    await view.press(KEYS.enter, (frame) => frame.includes('type exactly'));
    await view.press(KEYS.escape, (frame) => !frame.includes('Terminate'));
    // A form with a field error.
    await view.press('t', (frame) => frame.includes('Tags of'));
    await view.press(KEYS.ctrlU);
    await view.press(`${'k'.repeat(130)}=v`, (frame) =>
      frame.includes('longer than'),
    );
    await view.press(KEYS.escape, (frame) => !frame.includes('Tags of'));
    await pageToEnd(
      view,
      await view.press('o', (frame) => frame.includes('console output of')),
    );
    await view.press(KEYS.escape, (frame) => frame.includes('Instances (3)'));
    await helpAndBack(view, 'Instances (3)');

    await view.press(':');
    await view.press('eips');
    await view.press(KEYS.enter, (frame) => frame.includes('Elastic IPs'));
    await view.press('a', (frame) => frame.includes('Allocate'));
    await view.press(KEYS.escape, (frame) => !frame.includes('Allocate'));

    await view.press(':');
    await view.press('volumes');
    await view.press(KEYS.enter, (frame) => frame.includes('Volumes (1)'));
    await view.press('n', (frame) => frame.includes('Create a volume'));
    await view.press(KEYS.escape, (frame) => !frame.includes('Create a vol'));
    await view.press('a', (frame) => frame.includes('Attach'));
    // The instance picker, then the device form and its hint.
    await view.press(KEYS.enter, (frame) => frame.includes('Device'));
    await view.press(KEYS.escape, (frame) => !frame.includes('Device'));

    await view.press(':');
    await view.press('snapshots');
    await view.press(KEYS.enter, (frame) => frame.includes('Snapshots (1)'));
    await view.press('R', (frame) => frame.includes('Copy snap-0'));
    await view.press(KEYS.escape, (frame) => !frame.includes('Copy snap-0'));
    await helpAndBack(view, 'Snapshots');
    await view.press('!', (frame) => frame.includes('Event log'));
    expectAscii(view, [deps.ec2.state]);
    view.unmount();
  });

  it('draws the S3 panes, a sync plan and its running job', async () => {
    const { view, deps } = await openConsole({ theme, size, pane: 'buckets' });
    await view.waitFor((frame) => frame.includes('Buckets (2)'));
    await cursorTo(view, 'acme-logs', 'Buckets (1/2)');
    await view.press(KEYS.enter, (frame) => frame.includes('README.txt'));
    await view.press('G');
    await view.press('v', (frame) => frame.includes('first line'));
    await view.press(KEYS.escape, (frame) => frame.includes('README.txt'));
    await helpAndBack(view, 'README.txt');
    // Hold the real run, so its job shows in the strip.
    const transfers = deps.s3.transfers;
    const sync = transfers.sync.bind(transfers);
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    transfers.sync = (spec, hooks) =>
      spec.dryRun ? sync(spec, hooks) : held.then(() => sync(spec, hooks));
    await view.press('s', (frame) => frame.includes('Sync a directory'));
    await view.press('/srv/logs');
    await view.press(KEYS.enter, (frame) => frame.includes('unchanged'));
    await view.press('y', (frame) => frame.includes('sync /srv/logs'));
    release();
    await view.waitFor((frame) => frame.includes('sync: 4 up'));
    // The pending uploads of the bucket, and the confirmation that aborts them.
    deps.s3.uploads.set('acme-logs', [
      {
        key: 'db/old.gz',
        uploadId: 'up-1',
        initiated: new Date('2026-01-01T00:00:00Z'),
        parts: 3,
        bytes: 15 * 1024 * 1024,
      },
    ]);
    await view.press(KEYS.escape, (frame) => frame.includes('Buckets (1/2)'));
    await view.press('u', (frame) => frame.includes('db/old.gz'));
    await view.press('X', (frame) => frame.includes('Abort 1 upload'));
    await view.press(KEYS.escape, (frame) => !frame.includes('Abort 1 upload'));
    await view.press('!', (frame) => frame.includes('Event log'));
    expectAscii(view, [deps.s3.buckets, deps.s3.uploads]);
    view.unmount();
  });

  it('draws every MySQL view, its forms, the checklist and the help', async () => {
    const { view, deps } = await connectedPane({ theme, size });
    await view.press('C', (frame) => frame.includes('Connections'));
    await view.press('S', (frame) => frame.includes('Processes'));
    await view.press('B', (frame) => frame.includes('Databases (2)'));
    await view.press('n', (frame) => frame.includes('Create a database'));
    await view.press(KEYS.tab);
    await view.press(KEYS.escape, (frame) => !frame.includes('Create a data'));
    await cursorTo(view, 'shop', 'Databases (1/2)');
    await view.press(KEYS.enter, (frame) => frame.includes('Tables of shop'));
    await cursorTo(view, 'customers', 'Tables of shop (1/2)');
    await pageToEnd(
      view,
      await view.press(KEYS.enter, (frame) => frame.includes('Primary key')),
    );
    await view.press(KEYS.escape, (frame) => frame.includes('Tables of shop'));
    await view.press('r', (frame) => frame.includes('page 1'));
    await view.press(KEYS.right);
    await view.press(KEYS.right);
    await helpAndBack(view, 'page 1');
    await view.press('Q', (frame) => frame.includes('sql>'));
    await view.press('select nosuch;', (frame) => frame.includes('nosuch'));
    await view.press(KEYS.enter, (frame) => frame.includes('Unknown column'));
    // The server's syntax error, wrapped over several lines.
    await view.press(KEYS.ctrlU, (frame) => !frame.includes('nosuch;'));
    await view.press('selec 1;', (frame) => frame.includes('selec 1;'));
    await view.press(KEYS.enter, (frame) => frame.includes('ER_PARSE_ERROR'));
    deps.mysql.holdNextQuery = true;
    await view.press(KEYS.ctrlU, (frame) => !frame.includes('selec 1;'));
    await view.press('select 1;', (frame) => frame.includes('select 1;'));
    await view.press(KEYS.enter, (frame) => frame.includes('running'));
    await view.press(KEYS.ctrlC, (frame) => frame.includes('interrupted'));
    await view.press(KEYS.escape, (frame) => !frame.includes('Esc: browse'));
    await view.press('U', (frame) => frame.includes('Users (3)'));
    await view.press('n', (frame) => frame.includes('Create a user'));
    await view.press(KEYS.tab);
    await view.press(KEYS.escape, (frame) => !frame.includes('Create a user'));
    await view.press('a', (frame) => frame.includes('Grant privileges'));
    await view.press(KEYS.enter, (frame) => frame.includes('[ ] SELECT'));
    await view.press(KEYS.escape, (frame) => !frame.includes('[ ] SELECT'));
    expectAscii(view, [deps.mysql.databases, deps.mysql.accounts]);
    view.unmount();
  });

  it('draws the new-group form, a cut long line of an object and SES without non-ASCII words', async () => {
    const groups = fakeGroupEstate();
    const { view, deps } = await openConsole({
      theme,
      size,
      pane: 'groups',
      securityGroups: groups,
    });
    await view.waitFor((frame) => frame.includes('Security groups (4)'));
    await view.press('n', (frame) => frame.includes('Create a security group'));
    // The VPC choice's hint shows while it has the focus.
    view.raw.stdin.write(KEYS.down);
    view.raw.stdin.write(KEYS.down);
    await view.waitFor((frame) => frame.includes('Left/Right'), 'the hint');
    await view.press(KEYS.escape, (frame) => !frame.includes('Create a'));
    // An object with one line longer than the view keeps.
    deps.s3.s3.readStart = () =>
      Promise.resolve({
        bytes: Buffer.from('x'.repeat(20_000)),
        truncated: false,
      });
    await view.press(':');
    await view.press('s3');
    await view.press(KEYS.enter, (frame) => frame.includes('Buckets (2)'));
    await cursorTo(view, 'acme-logs', 'Buckets (1/2)');
    await view.press(KEYS.enter, (frame) => frame.includes('README.txt'));
    await view.press('G');
    const cut = await view.press('v', (frame) => frame.includes('line cut'));
    await pageToEnd(view, cut);
    expect(view.frame()).toContain('~ (3616 more');
    await view.press(KEYS.escape, (frame) => frame.includes('README.txt'));
    expectAscii(view, [groups.groups, deps.s3.buckets]);
    view.unmount();
  });

  it('draws the region-copy wizard through a running copy, and the runs list', async () => {
    const engine = createFakeEbsCopy();
    engine.gate = 'closed';
    const { view, deps } = await openOnVolumes({ engine, theme, size });
    // The helper's toOptions waits for texts a narrow screen cuts.
    await view.press('r', (frame) => frame.includes('to which'));
    await view.press('/', (frame) => frame.includes('type to narrow'));
    await view.press('eu-west', (frame) => !frame.includes('us-west-2'));
    await view.press(KEYS.enter, (frame) => frame.includes('Zone in'));
    await view.press(KEYS.enter, (frame) => frame.includes('Step 3/6'));
    await view.press(KEYS.enter, (frame) => frame.includes('Step 5/6'));
    await view.press(KEYS.enter, (frame) => frame.includes('Start copy'));
    await view.press('y', (frame) => frame.includes('Step 6/6: Run'));
    await view.waitFor((frame) => frame.includes(`Snapshot ${VOL}`));
    engine.gate = 'open';
    engine.release();
    await view.waitFor((frame) => frame.includes('Finished'));
    await helpAndBack(view, 'Finished');
    await view.press(':');
    await view.press('migrations');
    await view.press(KEYS.enter, (frame) => frame.includes('Region copies'));
    expectAscii(view, [deps.ec2.state, [...engine.journals.values()]]);
    view.unmount();
  });

  it('draws the root-password reset wizard from the picker to the result', async () => {
    const engine = createFakeRootReset();
    engine.hold = true;
    const { view } = await openReset({ engine, theme, size });
    await toServer(view);
    await view.press(KEYS.enter, (frame) => frame.includes('Reset options'));
    await view.press(KEYS.enter, (frame) => frame.includes('New password'));
    await view.press('pw');
    await view.press(KEYS.tab);
    await view.press('px', (frame) => frame.includes('differ'));
    await view.press(KEYS.backspace);
    await view.press('w');
    await view.press(KEYS.enter, (frame) => frame.includes('Step 3/5: Plan'));
    await view.press(KEYS.enter, (frame) =>
      frame.includes('Reset the password'),
    );
    await view.press('y', (frame) => frame.includes('Step 4/5: Run'));
    engine.release();
    await view.waitFor((frame) => frame.includes('Step 5/5'));
    expectAscii(view, [engine.detection]);
    view.unmount();
  });
});
