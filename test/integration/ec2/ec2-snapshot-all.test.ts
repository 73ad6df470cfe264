/**
 * `opsdeck ec2 snapshot-all` against moto: --self through a local IMDSv2
 * server that answers a real moto instance, retention over repeated runs,
 * tags copied from instance and volume, AMIs' snapshots found.
 */
import {
  CreateImageCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { imagesBySnapshot } from '../../../source/aws/ec2/snapshot-all/own-snapshots.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSnapshotAll } from '../../../source/commands/ec2/snapshot-all-command.js';
import { capturedIo } from '../../helpers/command-io.js';
import { startFakeImds, type FakeImds } from '../../helpers/fake-imds.js';
import {
  WRITE_REGION,
  direct,
  labFactory,
  moto,
  runMarker,
  useLabProfiles,
} from './ec2-lab.js';
import {
  commandSnapshots,
  instanceWithData,
  runBuilt,
  tagsOf,
} from './snapshot-all-lab.js';

describe.skipIf(!moto.info)(
  `opsdeck ec2 snapshot-all against moto${moto.missing}`,
  () => {
    useLabProfiles();
    let client: EC2Client;
    let imds: FakeImds;
    beforeAll(async () => {
      client = direct(WRITE_REGION);
      imds = await startFakeImds({ 'placement/region': WRITE_REGION });
    });
    afterAll(async () => {
      client.destroy();
      await imds.close();
    });
    const env = () => ({
      ...process.env,
      OPSDECK_CONFIG: moto.info?.opsdeckConfigFile,
      AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.endpoint,
    });
    async function run(
      instance: string | undefined,
      flags: Record<string, unknown>,
    ) {
      const io = capturedIo();
      const code = await runSnapshotAll(
        instance,
        {
          profile: 'lab',
          region: WRITE_REGION,
          endpointUrl: moto.info?.endpoint,
          ...flags,
        },
        io,
        env(),
      );
      return { code, out: io.stdout, err: io.stderr };
    }

    it('three runs of --self --keep 2 without a terminal leave two per volume, tags copied', async () => {
      const lab = await instanceWithData(client);
      imds.values['instance-id'] = lab.instanceId;
      const outputs: string[] = [];
      for (let round = 0; round < 3; round++) {
        const result = await runBuilt(
          [
            'ec2',
            'snapshot-all',
            '--self',
            '--keep',
            '2',
            '--region',
            WRITE_REGION,
          ],
          { AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.endpoint },
        );
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        outputs.push(result.stdout);
      }
      // Plain lines for cron mail: no escape sequences, no carriage returns.
      for (const stdout of outputs) {
        expect(stdout).not.toContain('\u001b');
        expect(stdout).not.toContain('\r');
      }
      expect(outputs[0]).toMatch(
        new RegExp(
          `^made snap-\\w+ of ${lab.dataVolumeId} /dev/sdf on ${lab.instanceId} \\(${lab.name}\\)$`,
          'm',
        ),
      );
      expect(outputs[2]).toMatch(/^deleted snap-\w+ of vol-\w+ made /m);
      expect(outputs[2]?.trim().split('\n').at(-1)).toBe(
        '2 snapshots made, 2 deleted, 0 kept for images, 0 failed',
      );
      const described = await client.send(
        new DescribeSnapshotsCommand({
          Filters: [{ Name: 'tag:opsdeck:instance', Values: [lab.instanceId] }],
        }),
      );
      const volumes = new Set(
        (described.Snapshots ?? []).map((snapshot) => snapshot.VolumeId),
      );
      expect(volumes.size).toBe(2);
      for (const volumeId of volumes) {
        const left = await commandSnapshots(client, volumeId ?? '');
        expect(left).toHaveLength(2);
        for (const snapshot of left) {
          const tags = tagsOf(snapshot);
          expect(tags['team']).toBe('ops');
          expect(tags['opsdeck:instance']).toBe(lab.instanceId);
          expect(tags['opsdeck:snapshot-all']).toMatch(
            /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
          );
          expect(tags['Name']).toMatch(
            new RegExp(
              `^${lab.name} /dev/\\w+ \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ$`,
            ),
          );
          expect(snapshot.Description).toContain(
            `opsdeck snapshot-all of ${lab.instanceId} (${lab.name})`,
          );
        }
      }
      const data = await commandSnapshots(client, lab.dataVolumeId);
      expect(data.map((snapshot) => tagsOf(snapshot)['role'])).toEqual([
        'data',
        'data',
      ]);
      expect(
        data.map((snapshot) => tagsOf(snapshot)['opsdeck:device']),
      ).toEqual(['/dev/sdf', '/dev/sdf']);
    });

    // moto's RegisterImage ignores block device mappings and CreateImage
    // snapshots a fresh volume, so no AMI can use a snapshot of a live volume
    // there: the engine's refusal is proved with a mocked EC2 (unit test);
    // here, that the AMI look-up reads moto's images as EC2 answers them.
    it('finds the snapshots AMIs of this account use', async () => {
      const lab = await instanceWithData(client);
      const name = `golden-${runMarker()}`;
      const image = await client.send(
        new CreateImageCommand({ InstanceId: lab.instanceId, Name: name }),
      );
      const described = await client.send(
        new DescribeImagesCommand({ ImageIds: [image.ImageId ?? ''] }),
      );
      const snapshotId =
        described.Images?.[0]?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId ?? '';
      const { factory } = labFactory(WRITE_REGION);
      const uses = await imagesBySnapshot(factory);
      expect(uses.get(snapshotId)).toEqual({
        imageId: image.ImageId,
        imageName: name,
      });
      factory.destroy();
    });

    it('--dry-run says what it would make and delete and changes nothing', async () => {
      const lab = await instanceWithData(client);
      await run(lab.instanceId, {});
      await run(lab.instanceId, {});
      const before = await commandSnapshots(client, lab.dataVolumeId);
      const dry = await run(undefined, {
        tag: `Name=${lab.name}`,
        keep: '2',
        dryRun: true,
        excludeBoot: true,
      });
      expect(dry.code).toBe(0);
      expect(dry.out).toContain(
        `would snapshot ${lab.instanceId} (${lab.name}): ${lab.dataVolumeId} /dev/sdf`,
      );
      const oldest = [...before].sort(
        (a, b) => (a.StartTime?.getTime() ?? 0) - (b.StartTime?.getTime() ?? 0),
      );
      expect(dry.out.filter((line) => line.startsWith('would delete'))).toEqual(
        [
          expect.stringContaining(
            `would delete ${oldest[0]?.SnapshotId ?? ''} of ${lab.dataVolumeId}`,
          ),
        ],
      );
      expect(dry.out.at(-1)).toBe(
        'dry run: 1 snapshot to make, 1 to delete, 0 kept for images, 0 failed',
      );
      expect(await commandSnapshots(client, lab.dataVolumeId)).toHaveLength(2);
    });

    it('--exclude-boot snapshots only the data volume', async () => {
      const lab = await instanceWithData(client);
      const result = await run(lab.name, { excludeBoot: true, wait: true });
      expect(result.code).toBe(0);
      expect(result.out.filter((line) => line.startsWith('made '))).toEqual([
        expect.stringMatching(
          new RegExp(
            `^made snap-\\w+ of ${lab.dataVolumeId} /dev/sdf on .* \\(completed\\)$`,
          ),
        ),
      ]);
    });

    it('read-only is refused before any call, even to the metadata service', async () => {
      imds.seen.length = 0;
      const result = await run(undefined, { self: true, readOnly: true });
      expect(result).toEqual({
        code: 1,
        out: [],
        err: [
          'opsdeck ec2 snapshot-all: read-only: nothing was sent (started with --read-only)',
        ],
      });
      expect(imds.seen).toEqual([]);
    });

    it('bad usage exits 2 naming the flag', async () => {
      expect(await run(undefined, {})).toMatchObject({
        code: 2,
        err: [
          'opsdeck ec2 snapshot-all: say which instances: INSTANCE (ID or Name), --self or --tag key=value',
        ],
      });
      expect((await run('web', { self: true })).err[0]).toContain(
        'give only one of INSTANCE, --self and --tag',
      );
      expect((await run('web', { keep: '0' })).err[0]).toContain(
        '--keep takes a whole number of at least 1, not "0"',
      );
      expect((await run('web', { freeze: ['/srv'] })).err[0]).toContain(
        '--freeze works only with --self',
      );
    });

    it("--self against moto's own metadata (i-fake) fails with a clear message", async () => {
      const io = capturedIo();
      const code = await runSnapshotAll(
        undefined,
        {
          profile: 'lab',
          region: WRITE_REGION,
          endpointUrl: moto.info?.endpoint,
          self: true,
        },
        io,
        { ...env(), AWS_EC2_METADATA_SERVICE_ENDPOINT: moto.info?.endpoint },
      );
      expect(code).toBe(1);
      expect(io.stderr).toEqual([
        `opsdeck ec2 snapshot-all: --self: the instance metadata says this is i-fake, which ${WRITE_REGION} does not have for this profile (is this the right account (--profile) and region (--region)?)`,
      ]);
    });
  },
);
