/** Pre-flight on the mocked EC2: bad input is refused with what to do, and nothing is created. */
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  CopyRequest,
  Problem,
} from '../../../source/wizards/ebs-copy/types.js';
import { failure, seedSource, worldEngine } from './ebs-copy-world.js';
import { useWorld } from './ebs-copy-use-world.js';

let seed: ReturnType<typeof seedSource>;
const lab = useWorld('preflight');
beforeEach(() => {
  seed = seedSource(lab.world);
});

const volumeCopy = (
  change: Partial<CopyRequest['target']> = {},
): CopyRequest => ({
  source: { kind: 'volume', id: seed.volume.id, region: 'us-west-2' },
  target: {
    region: 'ap-southeast-2',
    az: 'ap-southeast-2a',
    encryption: { mode: 'keep' },
    ...change,
  },
  tags: { mode: 'all' },
});

const blockers = (problems: readonly Problem[]) =>
  problems
    .filter((problem) => problem.severity === 'blocker')
    .map(({ code, message, fix }) => ({ code, message, fix }));

async function refused(request: CopyRequest) {
  const before = lab.world.things.length;
  const { engine } = await worldEngine(lab.dir);
  const preflight = await engine.preflight(request);
  expect(preflight.ok).toBe(false);
  await expect(engine.create(request, preflight)).rejects.toThrow(
    'the pre-flight found blockers',
  );
  expect(lab.world.writes).toEqual([]);
  expect(lab.world.things).toHaveLength(before);
  expect(await engine.list()).toEqual([]);
  return blockers(preflight.problems);
}

describe('pre-flight of a region copy', () => {
  it('passes a sound volume copy, with notes and every write dry-run', async () => {
    const { engine } = await worldEngine(lab.dir);
    const preflight = await engine.preflight(volumeCopy());
    expect(preflight).toMatchObject({
      ok: true,
      account: '123456789012',
      facts: { sizeGiB: 8, volumeType: 'gp3', tags: { Name: 'data' } },
    });
    expect(preflight.problems.map((problem) => problem.code)).toEqual(['size']);
    const dryRuns = lab.world.mocks.ec2.calls().flatMap((call) => {
      const input = call.args[0].input as { DryRun?: boolean };
      return input.DryRun === true ? [call.args[0].constructor.name] : [];
    });
    expect(dryRuns).toEqual([
      'CreateSnapshotCommand',
      'CopySnapshotCommand',
      'CreateVolumeCommand',
    ]);
  });

  it('refuses the same region', async () => {
    expect(
      await refused(volumeCopy({ region: 'us-west-2', az: 'us-west-2a' })),
    ).toEqual([
      {
        code: 'same-region',
        message: 'the source and the target are both us-west-2',
        fix: expect.stringContaining('choose another target region') as string,
      },
    ]);
  });

  it('refuses a region the account has not enabled', async () => {
    expect(
      await refused(volumeCopy({ region: 'ap-east-1', az: 'ap-east-1a' })),
    ).toEqual([
      {
        code: 'region-disabled',
        message: 'ap-east-1 is not enabled for this account',
        fix: expect.stringContaining(
          'aws account enable-region --region-name ap-east-1',
        ) as string,
      },
    ]);
  });

  it('refuses a zone of another region, before any call', async () => {
    expect(await refused(volumeCopy({ az: 'eu-west-1a' }))).toEqual([
      {
        code: 'zone',
        message: 'availability zone eu-west-1a is not in ap-southeast-2',
        fix: expect.stringContaining('pick a zone of ap-southeast-2') as string,
      },
    ]);
    expect(lab.world.mocks.ec2.calls()).toHaveLength(0);
  });

  it('refuses a zone the region does not have, naming those it has', async () => {
    expect(await refused(volumeCopy({ az: 'ap-southeast-2z' }))).toEqual([
      {
        code: 'zone',
        message:
          'ap-southeast-2z is not an availability zone of ap-southeast-2',
        fix: 'choose one of ap-southeast-2a, ap-southeast-2b, ap-southeast-2c',
      },
    ]);
  });

  it('refuses a KMS key that EC2 says does not exist', async () => {
    const key =
      'arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    lab.world.dryRunErrors.set(
      'CopySnapshot',
      failure('InvalidParameterValue', `KMS key ${key} does not exist`),
    );
    const [problem, ...rest] = await refused(
      volumeCopy({ encryption: { mode: 'kms', keyId: key } }),
    );
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      code: 'kms-key',
      message: `ec2:CopySnapshot would fail: the KMS key cannot be used in ap-southeast-2: KMS key ${key} does not exist`,
    });
    expect(problem?.fix).toContain(
      'aws kms list-aliases --region ap-southeast-2',
    );
  });

  it('refuses a KMS key of another region without asking EC2', async () => {
    const key =
      'arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(
      await refused(volumeCopy({ encryption: { mode: 'kms', keyId: key } })),
    ).toEqual([
      {
        code: 'kms-key',
        message: `KMS key ${key} is in us-west-2, not in ap-southeast-2`,
        fix: expect.stringContaining('KMS keys are regional') as string,
      },
    ]);
  });

  it('refuses a source that is not there', async () => {
    const request = volumeCopy();
    expect(
      await refused({
        ...request,
        source: { ...request.source, id: 'vol-0123456789abcdef0' },
      }),
    ).toEqual([
      {
        code: 'source-missing',
        message: 'volume vol-0123456789abcdef0 not found in us-west-2',
        fix: expect.any(String) as string,
      },
    ]);
  });

  it('says what a running instance risks, and checks the type is offered in the zone', async () => {
    const { engine } = await worldEngine(lab.dir);
    const request: CopyRequest = {
      source: { kind: 'instance', id: seed.instance.id, region: 'us-west-2' },
      target: {
        region: 'ap-southeast-2',
        az: 'ap-southeast-2c',
        encryption: { mode: 'keep' },
      },
      tags: { mode: 'all' },
      instance: {
        consistency: 'no-reboot',
        launch: true,
        importKeyPair: true,
        copySecurityGroups: true,
        elasticIp: false,
      },
    };
    const preflight = await engine.preflight(request);
    expect(blockers(preflight.problems)).toEqual([
      {
        code: 'instance-type',
        message: 'm5.large is not offered in ap-southeast-2c',
        fix: 'choose one of ap-southeast-2a, ap-southeast-2b',
      },
    ]);
    expect(
      preflight.problems.find((problem) => problem.code === 'no-reboot')
        ?.message,
    ).toBe('NoReboot: the image is only crash-consistent');
  });

  it('lists the denied writes with the permission to grant', async () => {
    lab.world.dryRunErrors.set(
      'CreateSnapshot',
      failure(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation.',
      ),
    );
    const [problem] = await refused(volumeCopy());
    expect(problem).toEqual({
      code: 'dry-run:snapshot-source',
      message:
        'ec2:CreateSnapshot would fail: permission denied for ec2:CreateSnapshot',
      fix: 'grant ec2:CreateSnapshot to the identity of profile ops',
    });
  });

  it('counts image copies in progress into the target: a blocker at the limit, a warning near it', async () => {
    const imageCopy: CopyRequest = {
      source: { kind: 'image', id: seed.image.id, region: 'us-west-2' },
      target: { region: 'ap-southeast-2', encryption: { mode: 'keep' } },
      tags: { mode: 'all' },
    };
    const pending = (count: number) => {
      for (let index = 0; index < count; index++)
        lab.world.add('image', 'ap-southeast-2', 'pending', {
          Name: `other copy ${index}`,
          snapshots: [],
        });
    };
    // Finished images and those of other regions do not count.
    lab.world.add('image', 'ap-southeast-2', 'available', {
      Name: 'done',
      snapshots: [],
    });
    pending(85);
    const { engine } = await worldEngine(lab.dir);
    const near = await engine.preflight(imageCopy);
    expect(near.ok).toBe(true);
    expect(
      near.problems.find((problem) => problem.code === 'copy-limit'),
    ).toMatchObject({
      severity: 'warning',
      message:
        '85 image copies are already in progress into ap-southeast-2, near the limit of 100',
      fix: expect.stringMatching(
        /^if other copies start first, EC2 refuses this one \(ResourceLimitExceeded\); the run then stops and can be resumed/,
      ) as unknown,
    });
    pending(15);
    expect(await refused(imageCopy)).toEqual([
      {
        code: 'copy-limit',
        message:
          '100 image copies are already in progress into ap-southeast-2 (AWS allows 100)',
        fix: expect.stringContaining(
          'wait until some finish (aws ec2 describe-images --owners self --filters Name=state,Values=pending --region ap-southeast-2)',
        ) as unknown,
      },
    ]);
  });

  it('counts snapshot copies in progress into the target, up to 20', async () => {
    for (let index = 0; index < 20; index++)
      lab.world.add('snapshot', 'ap-southeast-2', 'pending', { copy: true });
    expect(await refused(volumeCopy())).toEqual([
      {
        code: 'copy-limit',
        message:
          '20 snapshot copies are already in progress into ap-southeast-2 (AWS allows 20)',
        fix: expect.stringContaining('wait until some finish') as unknown,
      },
    ]);
  });

  it('dry-runs the copies of the register path with a snapshot of the image', async () => {
    const { engine } = await worldEngine(lab.dir);
    const preflight = await engine.preflight({
      source: { kind: 'image', id: seed.image.id, region: 'us-west-2' },
      target: { region: 'ap-southeast-2', encryption: { mode: 'keep' } },
      tags: { mode: 'all' },
      registerFromSnapshots: true,
    });
    expect(preflight.ok).toBe(true);
    expect(preflight.problems.map((problem) => problem.code)).toContain(
      'register',
    );
    const dryRuns = lab.world.mocks.ec2.calls().flatMap((call) => {
      const input = call.args[0].input as {
        DryRun?: boolean;
        SourceSnapshotId?: string;
      };
      return input.DryRun === true
        ? [`${call.args[0].constructor.name} ${input.SourceSnapshotId ?? ''}`]
        : [];
    });
    expect(dryRuns).toEqual([
      `CopySnapshotCommand ${(seed.image.data['snapshots'] as string[])[0] ?? '?'}`,
    ]);
  });
});
