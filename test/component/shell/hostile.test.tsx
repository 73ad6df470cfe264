/**
 * Outside text in every kind of view: lists, details, forms, confirmations,
 * pickers, the status line, the event log, an object's body, console output.
 * No frame may carry a sequence a terminal would act on, and each view shows
 * the hostile text as visible escapes.
 */
import { describe, expect, it } from 'vitest';
import type { InstanceRow } from '../../../source/aws/ec2/types.js';
import { UserError } from '../../../source/lib/errors.js';
import { defaultConfig } from '../../../source/config/defaults.js';
import { openConsole } from '../../helpers/console.js';
import { createFakeEc2, fakeInstance } from '../../helpers/fakes/fake-ec2.js';
import { FAKE_SMTP } from '../../helpers/fakes/fake-deps.js';
import { createFakeS3 } from '../../helpers/fakes/fake-s3.js';
import {
  createFakeEbsCopy,
  FAKE_BUCKET,
} from '../../helpers/fakes/fake-ebs-copy.js';
import {
  batchJob,
  createFakeS3Jobs,
} from '../../helpers/fakes/fake-s3-jobs.js';
import {
  createFakeSecurityGroups,
  rule,
} from '../../helpers/fakes/fake-security-groups.js';
import {
  createFakeFailover,
  fakePair,
  pairInstance,
} from '../../helpers/fakes/fake-failover.js';
import {
  BIDI,
  CLEAR_SCREEN,
  HOSTILE_TEXTS,
  OSC52,
  TITLE,
  forbiddenIn,
} from '../../helpers/hostile.js';
import { KEYS } from '../../helpers/keys.js';
import { connectedPane } from '../mysql/mysql-open.js';
import type { Rendered } from '../../helpers/render.js';

const size = { columns: 100, rows: 30 };

/** No frame drawn so far holds a sequence a terminal would act on. */
function expectHarmless(view: Rendered) {
  const found = view.frames().flatMap(forbiddenIn);
  expect([...new Set(found)]).toEqual([]);
}

const hostile: InstanceRow = fakeInstance(
  'i-0bad000000000000f',
  OSC52,
  'running',
  { tags: { Name: OSC52, note: CLEAR_SCREEN, owner: BIDI } },
);

describe('hostile outside text', () => {
  it('is shown harmless in the instances list, details, tag form, confirmation, console output and status', async () => {
    const ec2 = createFakeEc2({
      instances: [
        hostile,
        fakeInstance('i-0aaa0000000000001', 'web-1', 'running'),
      ],
    });
    Object.assign(ec2.instances, {
      consoleOutput: () =>
        Promise.resolve(`[    0.0] boot\n${TITLE}\n${CLEAR_SCREEN} done\r`),
      stop: () => Promise.reject(new UserError(`refused: ${OSC52}`)),
    });
    const { view } = await openConsole({ pane: 'instances', ec2, size });
    await view.waitFor(
      // The NAME column is narrow at this width: the start of it shows.
      (frame) => frame.includes('web\\x1b'),
      'the hostile name, escaped',
    );
    await view.press('d', (frame) => frame.includes('Network'));
    await view.press('G', (frame) => frame.includes('<U+202E>prod'));
    await view.press(KEYS.escape, (frame) => frame.includes('Instances (2)'));

    await view.press('t', (frame) => frame.includes('Tags of'));
    await view.press(KEYS.escape, (frame) => !frame.includes('Tags of'));

    await view.press('S', (frame) => frame.includes('Stop 1 instance'));
    await view.press('y', (frame) => frame.includes('refused: web\\x1b]52;'));

    await view.press('o', (frame) => frame.includes('console output of'));
    await view.waitFor(
      (frame) => frame.includes('\\x1b]0;pwned') && frame.includes('done\\x0d'),
      'the console output, escaped',
    );
    await view.press(KEYS.escape, (frame) => frame.includes('Instances (2)'));

    await view.press('!', (frame) => frame.includes('Event log'));
    await view.waitFor(
      (frame) => frame.includes('refused: web\\x1b]52;'),
      'the error in the event log',
    );
    expectHarmless(view);
  });

  it('is shown harmless in a status message that wraps over several lines', async () => {
    const long = HOSTILE_TEXTS.map(
      (text, index) => `field${index} is ${text} and`,
    ).join(' ');
    const { view } = await openConsole({
      size: { columns: 80, rows: 24 },
      configProblems: [`${long} more`],
    });
    await view.waitFor(
      (frame) => frame.includes('field0 is web\\x1b]52;'),
      'the wrapped message, escaped',
    );
    expectHarmless(view);
    view.unmount();
  });

  it('is shown harmless in a picker and in the Elastic IP confirmation', async () => {
    const ec2 = createFakeEc2({
      instances: [hostile],
      addresses: [
        {
          allocationId: 'eipalloc-0001',
          publicIp: '3.1.1.1',
          associationId: '',
          instanceId: '',
          instanceName: '',
          instanceState: '',
          privateIp: '',
          networkInterfaceId: '',
          region: 'us-east-1',
          tags: { Name: TITLE },
        },
      ],
    });
    const { view } = await openConsole({ pane: 'eips', ec2, size });
    await view.waitFor((frame) => frame.includes('3.1.1.1'), 'the address');
    await view.press('A', (frame) => frame.includes('Associate 3.1.1.1 with'));
    await view.waitFor(
      (frame) => frame.includes('web\\x1b]52;'),
      'the hostile instance in the picker',
    );
    await view.press(KEYS.enter, (frame) => frame.includes('Associate'));
    expectHarmless(view);
  });

  it('is shown harmless in S3 keys and object bodies', async () => {
    const key = `logs/${OSC52}.txt`;
    const s3 = createFakeS3({ 'acme-logs': [key, 'README.txt'] });
    Object.assign(s3.s3, {
      readStart: () =>
        Promise.resolve({
          bytes: Buffer.from(`${CLEAR_SCREEN}\n${BIDI}\n${TITLE}`),
          truncated: false,
        }),
    });
    const { view } = await openConsole({ pane: 'buckets', s3, size });
    await view.waitFor((frame) => frame.includes('acme-logs'), 'the bucket');
    await view.press(KEYS.enter, (frame) => frame.includes('README.txt'));
    await view.press(KEYS.enter, (frame) => frame.includes('web\\x1b]52;'));
    await view.press('v', (frame) => frame.includes('db\\x1b[2J'));
    expect(view.frame()).toContain('rm-<U+202E>prod');
    expectHarmless(view);
  });

  it('is shown harmless in a bucket-to-bucket copy plan and its summary', async () => {
    const s3 = createFakeS3({
      'acme-logs': [`2026/${OSC52}.log`, `2026/${BIDI}.log`],
      'acme-backups': [],
    });
    const { view } = await openConsole({ pane: 'buckets', s3, size });
    await view.waitFor((frame) => frame.includes('acme-backups'), 'buckets');
    await view.press('s', (frame) => frame.includes('copies server-side'));
    await view.press('s3://acme-logs/2026/');
    await view.press(KEYS.enter, (frame) => frame.includes('+ web\\x1b]52;'));
    expect(view.frame()).toContain('rm-<U+202E>prod.log');
    await view.press('y', (frame) => frame.includes('sync: 2 copied'));
    expectHarmless(view);
  });

  it('is shown harmless in a bucket move: its name, its tags and its policy in the plan and the run', async () => {
    const name = `logs-${CLEAR_SCREEN}`;
    const ebsCopy = createFakeEbsCopy();
    ebsCopy.bucket = {
      ...FAKE_BUCKET,
      configuration: {
        ...FAKE_BUCKET.configuration,
        tags: [{ Key: OSC52, Value: BIDI }],
        policy: JSON.stringify({ Statement: [{ Sid: TITLE }] }),
      },
      items: ['tags', 'policy'],
    };
    const s3 = createFakeS3({ [name]: [] });
    const { view } = await openConsole({ pane: 'buckets', s3, ebsCopy, size });
    await view.waitFor((frame) => frame.includes('logs-db\\x1b[2J'), 'bucket');
    await view.press('r', (frame) => frame.includes('to which region?'));
    await view.press('/', (frame) => frame.includes('Esc ends the filter'));
    await view.press('eu-west', (frame) => frame.includes('(1/2)'));
    await view.press(KEYS.enter, (frame) => frame.includes('Step 3/6'));
    await view.press(KEYS.enter, (frame) => frame.includes('Step 5/6'));
    expect(view.frame()).toContain('web\\x1b]52;');
    expect(view.frame()).toContain('rm-<U+202E>prod');
    await view.press(KEYS.enter, (frame) => frame.includes('Start copy'));
    await view.press('y', (frame) => frame.includes('Finished'));
    expectHarmless(view);
  });

  it('is shown harmless in the objects an upload would replace', async () => {
    const s3 = createFakeS3({
      'acme-logs': [`logs/${OSC52}.txt`, 'README.txt'],
    });
    const { view } = await openConsole({ pane: 'buckets', s3, size });
    await view.waitFor((frame) => frame.includes('acme-logs'), 'the bucket');
    await view.press(KEYS.enter, (frame) => frame.includes('README.txt'));
    await view.press('p', (frame) =>
      frame.includes('Upload to s3://acme-logs/'),
    );
    await view.press('/srv/logs/');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('replaces logs/web\\x1b]52;'),
    );
    expectHarmless(view);
    expect(s3.calls).toEqual([]);
  });

  it('is shown harmless in the pending uploads of a bucket', async () => {
    const s3 = createFakeS3({ 'acme-logs': ['README.txt'] });
    s3.uploads.set('acme-logs', [
      {
        key: `db/${OSC52}`,
        uploadId: BIDI,
        initiated: new Date('2026-01-01T00:00:00Z'),
        parts: 1,
        bytes: 5,
      },
    ]);
    const { view } = await openConsole({ pane: 'buckets', s3, size });
    await view.waitFor((frame) => frame.includes('acme-logs'), 'the bucket');
    await view.press('u', (frame) => frame.includes('db/web\\x1b'));
    await view.press('d', (frame) => frame.includes('<U+202E>prod'));
    await view.press(KEYS.escape, (frame) => frame.includes('pending uploads'));
    await view.press('X', (frame) => frame.includes('Abort 1 upload'));
    expectHarmless(view);
  });
  it('is shown harmless in the S3 copy jobs: names, statuses, failure rows, cancel', async () => {
    const job = batchJob({
      name: OSC52,
      status: CLEAR_SCREEN,
      failureReasons: [`${TITLE}: ${BIDI}`],
    });
    const s3Jobs = createFakeS3Jobs([job]);
    s3Jobs.failureRows.set(job.id, [
      { key: `photos/${OSC52}`, code: BIDI, message: TITLE },
    ]);
    const { view } = await openConsole({ pane: 's3-jobs', s3Jobs, size });
    await view.waitFor((frame) => frame.includes('web\\x1b'), 'the job');
    await view.press(KEYS.enter, (frame) => frame.includes('photos/web\\x1b'));
    await view.press(KEYS.escape, (frame) => frame.includes('S3 copy jobs'));
    await view.press('X', (frame) => frame.includes('Cancel the Batch'));
    expectHarmless(view);
  });
  it("is shown harmless in a large copy's offers of AWS's engines, their choice and a refusal", async () => {
    const s3 = createFakeS3({
      'acme-logs': [`2026/${OSC52}.log`, `2026/${BIDI}.log`, '2026/c.log'],
      'acme-backups': [],
    });
    const s3Jobs = createFakeS3Jobs();
    // The account's refusal is remote text.
    s3Jobs.access.batch = { allowed: false, why: `AccessDenied: ${OSC52}` };
    s3Jobs.access.datasync = { allowed: true, why: TITLE };
    const config = defaultConfig();
    const { view } = await openConsole({
      pane: 'buckets',
      s3,
      s3Jobs,
      size,
      config: {
        ...config,
        handoff: {
          ...config.handoff,
          minObjects: 2,
          batchRoleArn: 'arn:aws:iam::111111111111:role/copy',
          dataSyncRoleArn: 'arn:aws:iam::111111111111:role/copy',
        },
      },
    });
    await view.waitFor((frame) => frame.includes('acme-backups'), 'buckets');
    await view.press('s', (frame) => frame.includes('copies server-side'));
    await view.press('s3://acme-logs/');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('AccessDenied: web\\x1b]52;'),
    );
    await view.press('y', (frame) => frame.includes('Where should the copy'));
    await view.press('j');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('not available: AccessDenied: web\\x1b'),
    );
    expectHarmless(view);
    expect(s3Jobs.calls.filter((call) => call.startsWith('batch'))).toEqual([]);
  });
  it('is shown harmless in security groups, their rules and the lock-SSH plan', async () => {
    const securityGroups = createFakeSecurityGroups([
      {
        id: 'sg-0bad0000',
        name: OSC52,
        description: CLEAR_SCREEN,
        inbound: [rule('in', 'tcp', 22, 22, '0.0.0.0/0', BIDI)],
        outbound: [],
        instances: [
          {
            id: 'i-0bad000000000000f',
            name: TITLE,
            state: 'running',
            groupIds: ['sg-0bad0000'],
          },
        ],
      },
    ]);
    const { view } = await openConsole({
      pane: 'groups',
      securityGroups,
      size,
      env: {
        SSH_CLIENT: '198.51.100.7 1 22',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    });
    await view.waitFor(
      (frame) => frame.includes('web\\x1b'),
      'the hostile name',
    );
    await view.press('d', (frame) => frame.includes('<U+202E>prod'));
    await view.press(KEYS.escape, (frame) =>
      frame.includes('Security groups (1)'),
    );
    await view.press(KEYS.enter, (frame) => frame.includes('x\\x1b]0;pwned'));
    await view.press('e', (frame) =>
      frame.includes('Description of in tcp 22'),
    );
    await view.press(KEYS.escape, (frame) => frame.includes('used by'));
    await view.press('L', (frame) => frame.includes('Lock SSH on web\\x1b'));
    await view.press(KEYS.enter, (frame) =>
      frame.includes('Instances affected: x\\x1b'),
    );
    expectHarmless(view);
  });

  it('is shown harmless in the failover pane: names, history, dialog, refusal', async () => {
    const row = (standbyState: string) => ({
      name: 'web',
      pair: fakePair({ active: OSC52, standby: BIDI }),
      region: 'us-east-1',
      picture: {
        eip: {
          allocationId: 'eipalloc-0123456789abcdef0',
          publicIp: '198.51.100.7',
          instanceId: 'i-0aaa0000000000001',
          associationId: 'eipassoc-1',
        },
        active: pairInstance('i-0aaa0000000000001', OSC52),
        standby: pairInstance('i-0bbb0000000000002', BIDI, standbyState),
      },
      holder: 'active' as const,
      checks: {},
      history: [
        {
          at: '2026-12-06T03:10:00.000Z',
          pair: 'web',
          source: 'guard' as const,
          kind: 'refuse' as const,
          reason: `${CLEAR_SCREEN} ${TITLE}`,
        },
      ],
      lastSwitch: undefined,
      lastGuard: undefined,
    });
    const failover = createFakeFailover([row('running')]);
    const { view } = await openConsole({ pane: 'failover', failover, size });
    await view.waitFor(
      (frame) => frame.includes('web\\x1b'),
      'the name, escaped',
    );
    await view.press(KEYS.enter, (frame) => frame.includes('db\\x1b[2J'));
    expect(view.frame()).toContain('rm-<U+202E>prod');
    await view.press(KEYS.escape, (frame) =>
      frame.includes('EIP failover (1)'),
    );
    // No check passed on the standby: refused, its hostile name in the status line.
    await view.press('F', (frame) => frame.includes('switch refused'));
    failover.rows = [
      {
        ...row('running'),
        checks: { standby: { ok: true, at: 0, millis: 1, detail: 'HTTP 200' } },
      },
    ];
    await view.press(KEYS.ctrlR, (frame) => frame.includes('rod ok'));
    await view.press('F', (frame) => frame.includes('AllowReassociation'));
    expectHarmless(view);
  });

  it('is shown harmless in the MySQL query view title, from a database name', async () => {
    const { view, mysql } = await connectedPane({ size });
    mysql.databases.set(OSC52, new Map());
    await view.press(KEYS.ctrlR, (frame) => frame.includes('Databases (3)'));
    await view.press('/', (frame) => frame.includes('/'));
    await view.press('web');
    await view.press(KEYS.enter, (frame) => frame.includes('Databases (1/3)'));
    await view.press(KEYS.enter, (frame) => frame.includes('Tables of web'));
    const title = await view.press('Q', (frame) => frame.includes('sql>'));
    expect(title).toContain('SQL in web\\x1b]52;');
    expectHarmless(view);
  });

  it('is shown harmless in the SES credentials view', async () => {
    const { view } = await openConsole({
      pane: 'ses',
      size,
      ses: {
        smtpCredentials: () =>
          Promise.resolve({
            ...FAKE_SMTP,
            user: OSC52,
            quota: undefined,
            quotaNote: `SES did not answer: ${CLEAR_SCREEN} ${BIDI}`,
          }),
      },
    });
    await view.waitFor((frame) => frame.includes('Enter shows them once'));
    await view.press(KEYS.enter, (frame) => frame.includes('web\\x1b]52;'));
    expect(view.frame()).toContain('db\\x1b[2J');
    expect(view.frame()).toContain('rm-<U+202E>prod');
    expectHarmless(view);
  });
});
