/**
 * `opsdeck ebs-copy --volume` without --az chooses the target zone itself
 * and says which: the source's zone letter where the target has it, else
 * the first available zone; --az still decides. Against moto, without a
 * terminal and without --yes, so only the plan is printed.
 */
import { CreateVolumeCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from 'vitest';
import { runEbsCopy } from '../../../source/commands/ebs-copy/command.js';
import { pickZone } from '../../../source/commands/ebs-copy/default-zone.js';
import { capturedIo } from '../../helpers/command-io.js';
import {
  COPY_REGION,
  WRITE_REGION,
  direct,
  moto,
  useLabProfiles,
} from '../ec2/ec2-lab.js';

describe('the default zone of a volume copy', () => {
  const zones = ['ap-southeast-2a', 'ap-southeast-2b', 'ap-southeast-2c'];
  it("takes the source's zone letter where the target has it", () => {
    expect(
      pickZone(
        { region: 'us-west-2', zone: 'us-west-2c' },
        'ap-southeast-2',
        zones,
      ),
    ).toEqual({
      zone: 'ap-southeast-2c',
      why: 'the zone letter of the source (us-west-2c)',
    });
  });
  it('else the first available zone, saying why', () => {
    expect(
      pickZone(
        { region: 'us-west-2', zone: 'us-west-2d' },
        'ap-southeast-2',
        zones,
      ),
    ).toEqual({
      zone: 'ap-southeast-2a',
      why: 'the first available zone of ap-southeast-2 (ap-southeast-2d is not available)',
    });
    expect(
      pickZone({ region: 'us-west-2', zone: undefined }, 'ap-southeast-2', []),
    ).toBeUndefined();
  });
});

describe.skipIf(!moto.info)(
  `opsdeck ebs-copy --volume without --az against moto${moto.missing}`,
  () => {
    useLabProfiles();
    let state: string;
    let source: EC2Client;
    beforeAll(async () => {
      state = await mkdtemp(join(tmpdir(), 'opsdeck-ebs-zone-'));
      source = direct(WRITE_REGION);
    });
    beforeEach(() => {
      vi.stubEnv('OPSDECK_CONFIG', moto.info?.opsdeckConfigFile ?? '');
      vi.stubEnv('XDG_STATE_HOME', state);
    });
    afterAll(async () => {
      source.destroy();
      await rm(state, { recursive: true, force: true });
    });

    async function volumeIn(zone: string): Promise<string> {
      const made = await source.send(
        new CreateVolumeCommand({
          AvailabilityZone: zone,
          Size: 2,
          VolumeType: 'gp3',
        }),
      );
      return made.VolumeId ?? '';
    }

    async function plan(flags: Record<string, string>) {
      const io = capturedIo();
      const code = await runEbsCopy(
        {
          profile: 'lab',
          region: WRITE_REGION,
          endpointUrl: moto.info?.endpoint,
          to: COPY_REGION,
          ...flags,
        },
        io,
      );
      return { code, err: io.stderr.join('\n') };
    }

    it("plans the copy in the source's zone letter and says so", async () => {
      const volume = await volumeIn(`${WRITE_REGION}b`);
      const { code, err } = await plan({ volume });
      expect(err).toContain(
        `zone ${COPY_REGION}b: the zone letter of the source (${WRITE_REGION}b); --az chooses another`,
      );
      expect(err).toContain(`volume in ${COPY_REGION}b`);
      expect(err).not.toContain('no availability zone chosen');
      expect(err).toContain('nothing created; add --yes');
      expect(code).toBe(0);
    });

    it('falls back to the first available zone when the letter is not there', async () => {
      const volume = await volumeIn(`${WRITE_REGION}d`);
      const { code, err } = await plan({ volume });
      expect(err).toContain(
        `zone ${COPY_REGION}a: the first available zone of ${COPY_REGION} (${COPY_REGION}d is not available)`,
      );
      expect(err).toContain(`volume in ${COPY_REGION}a`);
      expect(code).toBe(0);
    });

    it('keeps --az as given', async () => {
      const volume = await volumeIn(`${WRITE_REGION}b`);
      const { code, err } = await plan({ volume, az: `${COPY_REGION}c` });
      expect(err).not.toContain('--az chooses another');
      expect(err).toContain(`volume in ${COPY_REGION}c`);
      expect(code).toBe(0);
    });
  },
);
