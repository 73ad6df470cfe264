/** The region-copy wizard's screens at 80x24, on a fake engine: no network. */
import { describe, expect, it } from 'vitest';
import {
  expectFits,
  openOnVolumes,
  toOptions,
  VOL,
} from '../../helpers/ebs-copy-console.js';
import { KEYS } from '../../helpers/keys.js';

describe('region-copy wizard', () => {
  it('walks a volume from its row to a finished copy, every screen at 80x24', async () => {
    const { view, engine } = await openOnVolumes();
    const options = await toOptions(view);
    expectFits(options);
    expect(options).toContain(`Source      volume ${VOL} in us-east-1`);
    expect(options).toContain('Target      eu-west-1, zone eu-west-1a');
    expect(options).toContain('Enter runs the pre-flight');

    const review = await view.press(KEYS.enter, (text) =>
      text.includes('Step 5/6: Plan'),
    );
    expectFits(review);
    expect(review).toContain('✓ Pre-flight: no problems');
    expect(review).toMatch(/From\s+data-01 \(vol-0aaaaaaaaaaaaaaa1\)/);
    expect(review).toContain('To    eu-west-1, zone eu-west-1a');
    expect(review).toContain('Plan: 3 steps');
    expect(review).toContain('+ snapshot in us-east-1 (intermediate)');
    expect(review).toContain('+ volume in eu-west-1');
    expect(engine.calls).toEqual([`preflight ${VOL} eu-west-1`]);

    const dialog = await view.press(KEYS.enter, (text) =>
      text.includes('Start copy'),
    );
    expectFits(dialog);
    expect(dialog).toContain(`Copy ${VOL} to eu-west-1: 3 new resources`);
    expect(dialog).toContain('Nothing is deleted.');
    // The focus is on No: Enter alone declines and creates nothing.
    await view.press(KEYS.enter, (text) => text.includes('Step 5/6: Plan'));
    expect(engine.calls).toEqual([`preflight ${VOL} eu-west-1`]);

    await view.press(KEYS.enter, (text) => text.includes('Start copy'));
    const finished = await view.press('y', (text) => text.includes('Finished'));
    expectFits(finished);
    expect(engine.calls.slice(1)).toEqual([
      'create mig-20261121-000001',
      'run mig-20261121-000001',
    ]);
    expect(finished).toContain('✓ Run mig-20261121-000001 is done');
    expect(finished).toContain('Now in eu-west-1:');
    expect(finished).toMatch(/Now in eu-west-1:\s+volume vol-create-volume-0/);
    expect(finished).toContain('snapshot snap-snapshot-source-0 in us-east-1');
  });

  it('starts from :ebs-copy with a source picked from a list', async () => {
    const { view } = await openOnVolumes();
    await view.press(':');
    await view.press('ebs-copy');
    const source = await view.press(KEYS.enter, (text) =>
      text.includes('Step 1/6: Source'),
    );
    expectFits(source);
    expect(source).toContain('Enter picks what to move');
    await view.press(KEYS.enter, (text) =>
      text.includes('What to move from us-east-1'),
    );
    await view.press('/', (text) => text.includes('Esc ends the filter'));
    await view.press('volume', (text) => text.includes('(1/5)'));
    const list = await view.press(KEYS.enter, (text) =>
      text.includes('Which volume of us-east-1?'),
    );
    expect(list).toMatch(/data-01\s+vol-0aaaaaaaaaaaaaaa1 100 GiB gp3/);
    await view.press(KEYS.enter, (text) => text.includes('to which region?'));
    // Esc on the region picker leaves the wizard at the target step.
    const target = await view.press(KEYS.escape, (text) =>
      text.includes('Step 2/6: Target'),
    );
    expect(target).toContain(`Source      volume ${VOL} in us-east-1`);
    expect(target).toMatch(/Target\s+\(not chosen\)/);
  });

  it('lists blockers with what to do, and will not confirm past them', async () => {
    const { view, engine } = await openOnVolumes();
    engine.problems = [
      {
        severity: 'blocker',
        code: 'kms-key',
        message: 'CopySnapshot would fail: KMS key alias/gone does not exist',
        fix: 'give a key of eu-west-1 that exists and that you may use',
      },
      {
        severity: 'warning',
        code: 'attached',
        message: `${VOL} is attached to i-1: the snapshot is crash-consistent`,
        fix: 'stop the writes first',
      },
    ];
    await toOptions(view);
    const review = await view.press(KEYS.enter, (text) =>
      text.includes('Step 5/6'),
    );
    expectFits(review);
    expect(review).toContain('Pre-flight: 1 blocker, 1 warning');
    expect(review).toContain('✕ CopySnapshot would fail: KMS key alias/gone');
    expect(review).toContain('what to do: give a key of eu-west-1');
    expect(review).toContain('Blocked: do what the blockers say');
    // Enter checks again instead of confirming.
    engine.problems = engine.problems.slice(1);
    const again = await view.press(KEYS.enter, (text) =>
      text.includes('0 blockers, 1 warning'),
    );
    expect(again).toContain('(confirming acknowledges them)');
    expect(engine.calls.filter((call) => call.startsWith('create'))).toEqual(
      [],
    );
    const dialog = await view.press(KEYS.enter, (text) =>
      text.includes('Start copy'),
    );
    expect(dialog).toContain('Acknowledge: vol-0aaaaaaaaaaaaaaa1 is attached');
  });

  it('changes encryption in the options form and refuses a malformed KMS key', async () => {
    const { view } = await openOnVolumes();
    await toOptions(view);
    await view.press('o', (text) => text.includes('Region copy options'));
    // Encryption: keep -> default -> kms.
    await view.press(KEYS.right, (text) => text.includes('default'));
    await view.press(KEYS.right, (text) => /Encryption\s+.*kms/.test(text));
    await view.press(KEYS.tab, (text) => text.includes('key ID, alias'));
    await view.press('not-a-key');
    view.raw.stdin.write(KEYS.enter);
    const refused = await view.waitFor((text) =>
      text.includes('is not a KMS key ID'),
    );
    expectFits(refused);
    for (const _ of 'not-a-key') await view.press(KEYS.backspace);
    await view.press('alias/backups');
    const kept = await view.press(KEYS.enter, (text) =>
      text.includes('Step 3/6'),
    );
    expect(kept).toContain('Encryption  encrypt with KMS key alias/backups');
  });

  it('refuses to run in read-only mode but shows the pre-flight and the plan', async () => {
    const { view, engine } = await openOnVolumes({ readOnly: true });
    // What the engine's pre-flight finds when its dry runs are refused.
    engine.problems = [
      {
        severity: 'blocker',
        code: 'read-only',
        message: 'read-only mode: the wizard cannot create anything',
        fix: 'started with --read-only',
      },
    ];
    await toOptions(view);
    const review = await view.press(KEYS.enter, (text) =>
      text.includes('Step 5/6'),
    );
    expect(review).toContain(
      'Read-only mode: the pre-flight and the plan are shown',
    );
    expect(review).toContain('Plan: 3 steps');
    const refused = await view.press(KEYS.enter, (text) =>
      text.includes('read-only: the region copy was not started'),
    );
    expectFits(refused);
    expect(refused).not.toContain('Start copy');
    expect(
      engine.calls.filter((call) => !call.startsWith('preflight')),
    ).toEqual([]);
  });

  it('offers reboot, stop-first or no-reboot for a running instance and says what NoReboot risks', async () => {
    const { view } = await openOnVolumes({ pane: 'instances' });
    await view.waitFor((text) => text.includes('Instances (3)'));
    await view.press('r', (text) =>
      text.includes('Copy instance i-0aaa0000000000001 in us-east-1'),
    );
    await view.press(KEYS.enter, (text) => text.includes('Zone in eu-west-1'));
    const options = await view.press(KEYS.enter, (text) =>
      text.includes('Step 3/6'),
    );
    expectFits(options);
    expect(options).toContain('Imaging     reboot once while imaging');
    expect(options).toContain('Launch      no: the AMI is copied');
    const form = await view.press('o', (text) =>
      text.includes('Region copy options'),
    );
    expectFits(form);
    // Encryption, KMS key, tags, tag keys, then Imaging.
    for (let field = 0; field < 4; field++) await view.press(KEYS.tab);
    await view.press(KEYS.right, (text) =>
      /Imaging\s+< stop-first >/.test(text),
    );
    await view.press(KEYS.right, (text) =>
      /Imaging\s+< no-reboot >/.test(text),
    );
    const chosen = await view.press(KEYS.enter, (text) =>
      text.includes('Step 3/6'),
    );
    expect(chosen).toContain('no reboot (NoReboot): no downtime');
    expect(chosen).toContain('crash-consistent');
    expect(chosen).toMatch(/file systems\s+may need a check/);
  });

  it('attaches the new volume to an instance of the target zone, with a checked device name', async () => {
    const { view, engine } = await openOnVolumes();
    await toOptions(view);
    const form = await view.press('o', (text) =>
      text.includes('Region copy options'),
    );
    expectFits(form);
    expect(engine.calls).toContain('placement eu-west-1 eu-west-1a');
    // Encryption, KMS key, tags, tag keys, volume type, then Attach to.
    for (let field = 0; field < 5; field++) await view.press(KEYS.tab);
    const picked = await view.press(KEYS.right, (text) =>
      /Attach to\s+< i-0bbb0000000000002 >/.test(text),
    );
    expectFits(picked);
    expect(picked).toContain('in eu-west-1a: 000002 db-2');
    await view.press(KEYS.tab, (text) => text.includes('/dev/sdg'));
    // The suggestion skips the devices the instance uses; a taken or malformed name is refused.
    for (const _ of '/dev/sdg') await view.press(KEYS.backspace);
    await view.press('/dev/sdf');
    view.raw.stdin.write(KEYS.enter);
    const taken = await view.waitFor((text) =>
      text.includes('i-0bbb0000000000002 already uses /dev/sdf'),
    );
    expectFits(taken);
    for (const _ of '/dev/sdf') await view.press(KEYS.backspace);
    await view.press('/dev/hda');
    view.raw.stdin.write(KEYS.enter);
    await view.waitFor((text) =>
      text.includes('"/dev/hda" is not a device name for an EBS volume'),
    );
    for (const _ of '/dev/hda') await view.press(KEYS.backspace);
    await view.press('/dev/sdh');
    const kept = await view.press(KEYS.enter, (text) =>
      text.includes('Step 3/6'),
    );
    expectFits(kept);
    expect(kept).toContain('Attach to   i-0bbb0000000000002 as /dev/sdh');
    await view.press(KEYS.enter, (text) => text.includes('Step 5/6'));
    expect(engine.requests.at(-1)?.attachTo).toEqual({
      instanceId: 'i-0bbb0000000000002',
      device: '/dev/sdh',
    });
  });

  it('launches an instance copy in a chosen subnet, and offers registering from snapshots', async () => {
    const { view, engine } = await openOnVolumes({ pane: 'instances' });
    await view.waitFor((text) => text.includes('Instances (3)'));
    await view.press('r', (text) =>
      text.includes('Copy instance i-0aaa0000000000001 in us-east-1'),
    );
    await view.press(KEYS.enter, (text) => text.includes('Zone in eu-west-1'));
    await view.press(KEYS.enter, (text) => text.includes('Step 3/6'));
    const form = await view.press('o', (text) =>
      text.includes('Region copy options'),
    );
    expectFits(form);
    // Encryption, KMS key, tags, tag keys, imaging, launch: switch launch on.
    for (let field = 0; field < 5; field++) await view.press(KEYS.tab);
    await view.press(' ', (text) => /Launch copy\s+\[x\]/.test(text));
    // Key pair, groups, Elastic IP, then Subnet.
    for (let field = 0; field < 4; field++) await view.press(KEYS.tab);
    const subnet = await view.press(KEYS.right, (text) =>
      /Subnet\s+< subnet-0ccc00000000003 >/.test(text),
    );
    expectFits(subnet);
    await view.press(KEYS.tab, (text) =>
      text.includes('register the image, where'),
    );
    await view.press(' ', (text) => /Register\s+\[x\]/.test(text));
    const kept = await view.press(KEYS.enter, (text) =>
      text.includes('Step 3/6'),
    );
    expectFits(kept);
    expect(kept).toContain('Subnet      subnet-0ccc00000000003');
    expect(kept).toContain('registered in the target from copies');
    await view.press(KEYS.enter, (text) => text.includes('Step 5/6'));
    expect(engine.requests.at(-1)).toMatchObject({
      registerFromSnapshots: true,
      instance: { launch: true, subnetId: 'subnet-0ccc00000000003' },
    });
  });
});
