import { describe, expect, it } from 'vitest';
import { openConsole } from '../../helpers/console.js';
import { createFakeEc2, fakeInstance } from '../../helpers/fakes/fake-ec2.js';
import { KEYS } from '../../helpers/keys.js';
import { lines } from '../../helpers/render.js';

const CTRL_D = '\u0004';
const CTRL_F = '\u0006';

async function instancesPane(
  size = { columns: 120, rows: 36 },
  ec2 = createFakeEc2(),
) {
  const { view, deps } = await openConsole({ pane: 'instances', size, ec2 });
  await view.waitFor(
    (frame) => frame.includes('Instances (3)'),
    'the instances',
  );
  return { view, deps, ec2 };
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 36 },
])('instances pane at $columns x $rows', (size) => {
  it('lists instances with their state and the keys that act on them', async () => {
    const { view } = await instancesPane(size);
    const frame = view.frame();
    expect(frame).toMatch(/web-1\s+i-0aaa0000000000001\s+running/);
    expect(frame).toMatch(/batch-1\s+i-0aaa0000000000003\s+stopped/);
    const footer = lines(frame).at(-1) ?? '';
    expect(footer).toContain('s start');
    expect(footer).toContain('S stop');
    for (const line of lines(frame))
      expect(line.length).toBeLessThanOrEqual(size.columns);
    expect(lines(frame).length).toBeLessThan(size.rows);
  });
});

describe('coming back from a detail view', () => {
  it('keeps the cursor and the marks where they were', async () => {
    const { view } = await instancesPane();
    // Space marks web-1 and moves on to web-2.
    await view.press(KEYS.space, (frame) => frame.includes('1 marked'));
    await view.press(KEYS.enter, (frame) => frame.includes('instance web-2'));
    await view.press(KEYS.escape, (frame) => frame.includes('Instances (3)'));
    expect(view.frame()).toContain('1 marked');
    const again = await view.press('o', (frame) =>
      frame.includes('console output of'),
    );
    expect(again).toContain('console output of web-2');
  });
});

describe('instance actions', () => {
  it('stops every marked instance after listing them, with the focus on No', async () => {
    const { view, ec2 } = await instancesPane();
    await view.press(KEYS.space, (frame) => frame.includes('1 marked'));
    await view.press(KEYS.space, (frame) => frame.includes('2 marked'));
    const dialog = await view.press('S', (frame) =>
      frame.includes('Stop 2 instances'),
    );
    expect(dialog).toContain('web-1');
    expect(dialog).toContain('web-2');
    expect(dialog).toContain('new public IP when started');
    await view.press(
      KEYS.enter,
      (frame) => !frame.includes('Stop 2 instances'),
    );
    expect(ec2.calls).toEqual([]);
    await view.press('S', (frame) => frame.includes('Stop 2 instances'));
    await view.press('y', (frame) => frame.includes('stop 2 instances: done'));
    expect(ec2.calls).toEqual(['stop i-0aaa0000000000001 i-0aaa0000000000002']);
    const after = await view.waitFor(
      (frame) => !/web-1\s+i-\S+\s+running/.test(frame),
      'the refreshed rows',
    );
    expect(after).toMatch(/web-1\s+i-0aaa0000000000001\s+stopped/);
  });

  it('sends force and dry run as chosen and says what EC2 answered', async () => {
    const { view, ec2 } = await instancesPane();
    await view.press('S', (frame) => frame.includes('Stop 1 instance'));
    await view.press(CTRL_F, (frame) => frame.includes('[x] force'));
    await view.press(CTRL_D, (frame) => frame.includes('[x] dry run'));
    const answer = await view.press('y', (frame) =>
      frame.includes('would be refused'),
    );
    expect(answer).toContain(
      'dry run: force-stop web-1 would be refused: permission denied for ec2:StopInstances',
    );
    expect(ec2.calls).toEqual(['stop i-0aaa0000000000001 force dry']);
    expect(view.frame()).toMatch(/web-1\s+i-0aaa0000000000001\s+running/);
  });

  it('terminates only after the ID or Name is typed, and reports instances that refused', async () => {
    const ec2 = createFakeEc2({
      instances: [
        fakeInstance('i-0aaa0000000000001', 'web-1', 'running', {
          tags: { Name: 'web-1', protected: 'yes' },
        }),
        fakeInstance('i-0aaa0000000000002', 'web-2', 'running'),
        fakeInstance('i-0aaa0000000000003', 'batch-1', 'stopped'),
      ],
    });
    const { view } = await instancesPane(undefined, ec2);
    const dialog = await view.press('X', (frame) =>
      frame.includes('Terminate 1 instance'),
    );
    expect(dialog).toContain(
      'Type i-0aaa0000000000001 (or web-1) to terminate',
    );
    expect(dialog).toContain('vol-root-i-0aaa0000000000001');
    // y and n type into the field here, so the footer does not offer them.
    const footer = dialog.trimEnd().split('\n').at(-1) ?? '';
    expect(footer).toContain('Enter confirm');
    expect(footer).not.toContain('y yes');
    await view.press('web-');
    view.raw.stdin.write(KEYS.enter);
    await view.waitFor((frame) => frame.includes('type exactly'));
    expect(ec2.calls).toEqual([]);
    await view.press('1');
    const refused = await view.press(KEYS.enter, (frame) =>
      frame.includes('0 of 1 done'),
    );
    expect(refused).toContain('termination protection is on');
    expect(ec2.calls).toEqual(['terminate i-0aaa0000000000001']);
  });

  it('creates an image without reboot only when the switch is set, and says so', async () => {
    const { view, ec2 } = await instancesPane();
    const form = await view.press('I', (frame) =>
      frame.includes('Create an image of web-1'),
    );
    expect(form).toMatch(/Image name\s+web-1-\d{8}-\d{4}/);
    await view.press(KEYS.tab);
    const toggle = await view.press(KEYS.tab, (frame) =>
      frame.includes('the image may be inconsistent'),
    );
    expect(toggle).toContain('[ ]');
    await view.press(KEYS.space, (frame) => frame.includes('[x]'));
    const confirm = await view.press(KEYS.enter, (frame) =>
      frame.includes('Create image web-1-'),
    );
    expect(confirm).toContain('No reboot: files are copied while in use');
    await view.press('y', (frame) => frame.includes('ami-0new'));
    expect(ec2.calls[0]).toMatch(
      /^image i-0aaa0000000000001 web-1-\d{8}-\d{4} no-reboot$/,
    );
  });

  it('refuses a bad image name in the form, without a call', async () => {
    const { view, ec2 } = await instancesPane();
    await view.press('I', (frame) => frame.includes('Create an image'));
    await view.press(KEYS.ctrlU);
    const error = await view.press('x!', (frame) =>
      frame.includes('an image name must be 3 to 128 characters'),
    );
    expect(error).toContain('Create an image of web-1');
    // Enter keeps the form open on the wrong field; nothing is sent.
    view.raw.stdin.write(KEYS.enter);
    await view.waitFor((frame) => frame.includes('Create an image'));
    expect(ec2.calls).toEqual([]);
  });

  it('edits tags as one line and confirms the changes', async () => {
    const { view, ec2 } = await instancesPane();
    const form = await view.press('t', (frame) =>
      frame.includes('Tags of web-1'),
    );
    expect(form).toContain('Name=web-1 env=prod');
    await view.press(KEYS.ctrlU);
    await view.press('Name=web-1 team=ops');
    const confirm = await view.press(KEYS.enter, (frame) =>
      frame.includes('Change the tags of web-1'),
    );
    expect(confirm).toContain('+ team=ops');
    expect(confirm).toContain('- env');
    await view.press('y', (frame) => frame.includes('tag web-1: done'));
    expect(ec2.calls).toEqual(['tags i-0aaa0000000000001 +team=ops -env']);
  });

  it('describes an instance with its security-group rules', async () => {
    const { view } = await instancesPane();
    const detail = await view.press(KEYS.enter, (frame) =>
      frame.includes('instance web-1 (Esc back)'),
    );
    expect(detail).toContain('Security group web (sg-1)');
    expect(detail).toContain('tcp 443 from 0.0.0.0/0');
    expect(detail).toContain('vol-root-i-0aaa0000000000001');
  });

  it('shows the console output', async () => {
    const { view } = await instancesPane();
    const output = await view.press('o', (frame) =>
      frame.includes('console output of web-1'),
    );
    expect(output).toContain('Linux version 6.1');
  });

  it('connects with ssh as the AMI family user, with the key when it exists', async () => {
    const { view, deps } = await instancesPane();
    view.raw.stdin.write('x');
    await view.waitFor(() => deps.terminalRuns.length > 0, 'ssh to run');
    expect(deps.terminalRuns).toEqual([
      'ssh -i /home/ops/.ssh/ops-key.pem -l ubuntu 54.0.0.19',
    ]);
    await view.press('G');
    await view.press('x', (frame) =>
      frame.includes('batch-1 is stopped: ssh needs it running'),
    );
    expect(deps.terminalRuns).toHaveLength(1);
  });
});
