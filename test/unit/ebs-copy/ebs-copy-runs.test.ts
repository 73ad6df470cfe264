/** Progress, failed copies and waits that time out, on the mocked EC2. */
import { describe, expect, it } from 'vitest';
import { describeError } from '../../../source/lib/errors.js';
import type { CopyRequest } from '../../../source/wizards/ebs-copy/types.js';
import { failure, seedSource, worldEngine } from './ebs-copy-world.js';
import { useWorld } from './ebs-copy-use-world.js';
import type { RunEvent } from '../../../source/wizards/ebs-copy/run-types.js';

const lab = useWorld('runs');

async function start(
  make: (seed: ReturnType<typeof seedSource>) => CopyRequest,
  poll = {},
) {
  const seed = seedSource(lab.world);
  const { engine, journals } = await worldEngine(lab.dir, poll);
  const request = make(seed);
  const preflight = await engine.preflight(request);
  expect(preflight.ok).toBe(true);
  const journal = await engine.create(request, preflight);
  return { engine, journals, runId: journal.runId, seed };
}

const snapshotCopy = (seed: ReturnType<typeof seedSource>): CopyRequest => ({
  source: { kind: 'snapshot', id: seed.snapshot.id, region: 'us-west-2' },
  target: { region: 'ap-southeast-2', encryption: { mode: 'keep' } },
  tags: { mode: 'all' },
});

describe('a copy run on the mocked EC2', () => {
  it('reports progress from pending through percentages to completed', async () => {
    lab.world.pendingPolls = 3;
    const { engine, runId } = await start(snapshotCopy);
    const events: RunEvent[] = [];
    await engine.run(runId, { onEvent: (event) => events.push(event) });
    const progress = events.flatMap((event) =>
      event.type === 'step-progress' ? [[event.state, event.percent]] : [],
    );
    expect(progress).toEqual([
      ['pending', 25],
      ['pending', 50],
      ['pending', 75],
      ['completed', 100],
    ]);
    expect(events.map((event) => event.type)).toEqual([
      'step-started',
      'resource-created',
      'step-progress',
      'step-progress',
      'step-progress',
      'step-progress',
      'step-done',
    ]);
  });

  it('shows an image copy progressing by its snapshots', async () => {
    lab.world.pendingPolls = 2;
    const { engine, runId } = await start((seed) => ({
      ...snapshotCopy(seed),
      source: { kind: 'image', id: seed.image.id, region: 'us-west-2' },
    }));
    const percents: (number | undefined)[] = [];
    await engine.run(runId, {
      onEvent: (event) => {
        if (event.type === 'step-progress' && event.stepId === 'copy-image')
          percents.push(event.percent);
      },
    });
    expect(percents[0]).toBeLessThan(100);
    expect(percents.at(-1)).toBe(100);
    expect([...percents].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(percents);
  });

  it('stops on ResourceLimitExceeded with what to do, and resumes to one copy', async () => {
    const { engine, journals, runId } = await start(snapshotCopy);
    lab.world.failNext.set(
      'CopySnapshot',
      failure(
        'ResourceLimitExceeded',
        'You have reached the maximum number of concurrent snapshot copies.',
      ),
    );
    const error: unknown = await engine
      .run(runId)
      .catch((problem: unknown) => problem);
    expect(describeError(error)).toMatch(
      /^ap-southeast-2 refuses more copies for now .*AWS runs at most 20 snapshot copies.*resume with: opsdeck ebs-copy --resume mig-/,
    );
    expect(await journals.load(runId)).toMatchObject({
      state: 'failed',
      steps: { 'copy-snapshot': { status: 'failed' } },
    });
    expect(lab.world.of('snapshot', 'ap-southeast-2')).toHaveLength(0);
    expect((await engine.run(runId)).state).toBe('done');
    expect(lab.world.of('snapshot', 'ap-southeast-2')).toHaveLength(1);
  });

  it('says the KMS key was refused when the copy ends in error', async () => {
    lab.world.copyEnds = {
      state: 'error',
      message: 'Given key ID is not accessible: KMS AccessDeniedException',
    };
    const { engine, runId } = await start(snapshotCopy);
    await expect(engine.run(runId)).rejects.toThrow(
      /failed: snap-[0-9a-f]+: Given key ID is not accessible: KMS AccessDeniedException \(check the KMS key and its grants\)/,
    );
  });

  it('says KMS denied access when the copy call is refused', async () => {
    const { engine, runId } = await start(snapshotCopy);
    lab.world.failNext.set(
      'CopySnapshot',
      failure(
        'AccessDeniedException',
        'User is not authorized to perform kms:CreateGrant on the KMS key',
      ),
    );
    const error: unknown = await engine
      .run(runId)
      .catch((problem: unknown) => problem);
    expect(describeError(error)).toMatch(
      /^KMS refused the key for ec2:CopySnapshot in ap-southeast-2: .* \(grant kms:CreateGrant/,
    );
  });

  it('explains why an image with product codes cannot be copied', async () => {
    const { engine, runId, seed } = await start((made) => ({
      ...snapshotCopy(made),
      source: { kind: 'image', id: made.image.id, region: 'us-west-2' },
    }));
    seed.image.data['productCodes'] = true;
    const error: unknown = await engine
      .run(runId)
      .catch((problem: unknown) => problem);
    expect(error).toMatchObject({ name: 'ProductCodeError' });
    expect(describeError(error)).toMatch(
      /the image cannot be copied: .*Marketplace.*\(start a new copy that registers the image from its snapshots \(ebs-copy --register-snapshots.*allowed here because ami-[0-9a-f]+ bills as plain Linux\/UNIX with no product codes/,
    );
  });

  it('does not offer the register path for an image with Marketplace codes, and refuses it in pre-flight', async () => {
    const seed = seedSource(lab.world);
    seed.image.data['productCodes'] = true;
    const { engine } = await worldEngine(lab.dir);
    const request: CopyRequest = {
      source: { kind: 'image', id: seed.image.id, region: 'us-west-2' },
      target: { region: 'ap-southeast-2', encryption: { mode: 'keep' } },
      tags: { mode: 'all' },
    };
    const preflight = await engine.preflight(request);
    const journal = await engine.create(request, preflight);
    const error: unknown = await engine
      .run(journal.runId)
      .catch((problem: unknown) => problem);
    expect(describeError(error)).toMatch(
      /copying its snapshots and registering them is not offered: ami-[0-9a-f]+ carries product codes mkt8x2k: Marketplace billing belongs to the image/,
    );
    const register = await engine.preflight({
      ...request,
      registerFromSnapshots: true,
    });
    expect(register.ok).toBe(false);
    expect(
      register.problems.find((problem) => problem.code === 'register'),
    ).toMatchObject({
      severity: 'blocker',
      fix: expect.stringContaining('carries product codes mkt8x2k') as unknown,
    });
    expect(lab.world.writes).toEqual([]);
  });

  it('refuses to register a Windows image from snapshots: its licence would be lost', async () => {
    const seed = seedSource(lab.world);
    Object.assign(seed.image.data, {
      platform: 'Windows',
      usage: 'RunInstances:0002',
    });
    const { engine } = await worldEngine(lab.dir);
    const preflight = await engine.preflight({
      source: { kind: 'image', id: seed.image.id, region: 'us-west-2' },
      target: { region: 'ap-southeast-2', encryption: { mode: 'keep' } },
      tags: { mode: 'all' },
      registerFromSnapshots: true,
    });
    expect(preflight.ok).toBe(false);
    expect(
      preflight.problems.find((problem) => problem.code === 'register')?.fix,
    ).toMatch(
      /is billed as Windows \(RunInstances:0002\): Windows, RHEL, SUSE and SQL Server licences/,
    );
  });

  it('registers the image of an instance from snapshot copies with the attributes RegisterImage would default wrongly', async () => {
    const { engine, journals, runId } = await start((seed) => ({
      source: { kind: 'instance', id: seed.instance.id, region: 'us-west-2' },
      target: { region: 'ap-southeast-2', encryption: { mode: 'keep' } },
      tags: { mode: 'all' },
      registerFromSnapshots: true,
      instance: {
        consistency: 'no-reboot',
        launch: false,
        importKeyPair: false,
        copySecurityGroups: false,
        elasticIp: false,
      },
    }));
    const summary = await engine.run(runId);
    expect(summary.state).toBe('done');
    const journal = await journals.load(runId);
    expect(journal.plan.map((step) => step.id)).toEqual([
      'create-image',
      'copy-snapshots',
      'register-image',
      'check-image',
    ]);
    const copies = lab.world
      .tagged(runId)
      .filter(
        (thing) =>
          thing.kind === 'snapshot' && thing.region === 'ap-southeast-2',
      );
    expect(copies).toHaveLength(1);
    const registered = lab.world.of('image', 'ap-southeast-2');
    expect(registered).toHaveLength(1);
    expect(registered[0]?.data['input']).toMatchObject({
      Architecture: 'x86_64',
      VirtualizationType: 'hvm',
      RootDeviceName: '/dev/sda',
      EnaSupport: true,
      BootMode: 'uefi',
      UefiData: 'VUVGSSB2YXJz',
      BlockDeviceMappings: [
        {
          DeviceName: '/dev/sda',
          Ebs: { SnapshotId: copies[0]?.id, VolumeSize: 8 },
        },
      ],
    });
    const mapping = (
      registered[0]?.data['input'] as {
        BlockDeviceMappings: { Ebs: Record<string, unknown> }[];
      }
    ).BlockDeviceMappings[0];
    expect(mapping?.Ebs).not.toHaveProperty('Encrypted');
    expect(lab.world.writes).not.toContain('CopyImage');
    expect(summary.target.map((resource) => resource.type).sort()).toEqual([
      'image',
      'snapshot',
    ]);
  });

  it('gives up a wait at its timeout, saying how to resume, and the resumed run finishes', async () => {
    lab.world.pendingPolls = 1_000_000;
    const { engine, journals, runId } = await start(snapshotCopy, {
      intervalMs: 2,
      timeoutMs: 30,
    });
    const error: unknown = await engine
      .run(runId)
      .catch((problem: unknown) => problem);
    expect(describeError(error)).toMatch(
      /^copy snap-[0-9a-f]+ of snap-[0-9a-f]+ to ap-southeast-2 is still pending at \d+% after 30 ms \(it goes on in AWS; resume with: opsdeck ebs-copy --resume mig-/,
    );
    const journal = await journals.load(runId);
    expect(journal.steps['copy-snapshot']?.outputs['snapshotId']).toMatch(
      /^snap-/,
    );
    lab.world.pendingPolls = 0;
    expect((await engine.run(runId)).state).toBe('done');
    expect(lab.world.of('snapshot', 'ap-southeast-2')).toHaveLength(1);
  });

  it('is cancelled by its signal and records that', async () => {
    lab.world.pendingPolls = 1_000_000;
    const { engine, journals, runId } = await start(snapshotCopy, {
      intervalMs: 5,
    });
    const stop = new AbortController();
    const run = engine.run(runId, {
      signal: stop.signal,
      onEvent: (event) => {
        if (event.type === 'step-progress') stop.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(await journals.load(runId)).toMatchObject({ state: 'cancelled' });
    expect((await engine.list())[0]).toMatchObject({
      runId,
      state: 'cancelled',
      stepsDone: 0,
      stepsTotal: 1,
    });
  });

  it('lists the leftovers of a finished volume copy and removes them one by one', async () => {
    const { engine, runId } = await start((seed) => ({
      source: { kind: 'volume', id: seed.volume.id, region: 'us-west-2' },
      target: {
        region: 'ap-southeast-2',
        az: 'ap-southeast-2a',
        encryption: { mode: 'keep' },
      },
      tags: { mode: 'all' },
      attachTo: undefined,
    }));
    const summary = await engine.run(runId);
    expect(summary.target.map((resource) => resource.type).sort()).toEqual([
      'snapshot',
      'volume',
    ]);
    expect(
      summary.leftovers
        .map((resource) => `${resource.type} ${resource.region}`)
        .sort(),
    ).toEqual(['snapshot ap-southeast-2', 'snapshot us-west-2']);
    const [first, second] = summary.leftovers;
    const after = await engine.cleanup(runId, first?.id ?? '');
    expect(after.leftovers.map((resource) => resource.id)).toEqual([
      second?.id,
    ]);
    expect(lab.world.things.some((thing) => thing.id === first?.id)).toBe(
      false,
    );
    await expect(engine.cleanup(runId, first?.id ?? '')).rejects.toThrow(
      `${first?.id ?? ''} is not a leftover of run ${runId}`,
    );
  });
});
