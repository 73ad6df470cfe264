/**
 * snapshot-all --freeze, run as cron runs it (the built CLI, no terminal),
 * with a fake fsfreeze first on PATH that logs each call and fails, hangs or
 * succeeds as told: the thaw runs on every way out, and the exit code says so.
 */
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeImds, type FakeImds } from '../../helpers/fake-imds.js';
import { WRITE_REGION, direct, moto, useLabProfiles } from './ec2-lab.js';
import {
  commandSnapshots,
  instanceWithData,
  runBuilt,
  type LabInstance,
} from './snapshot-all-lab.js';

const FAKE = `#!/bin/sh
echo "$1 $2" >> "$FAKE_FSFREEZE_LOG"
case "$1:$FAKE_FSFREEZE_MODE" in
  -f:fail) echo "fsfreeze: $2: freeze failed: Operation not supported" >&2; exit 1 ;;
  -f:hang) exec sleep 5 ;;
  -u:thaw-fail) echo "fsfreeze: $2: unfreeze failed: Invalid argument" >&2; exit 1 ;;
esac
exit 0
`;

describe.skipIf(!moto.info)(
  `snapshot-all --freeze with a fake fsfreeze${moto.missing}`,
  () => {
    useLabProfiles();
    let client: EC2Client;
    let imds: FakeImds;
    let bin = '';
    let lab: LabInstance;
    beforeAll(async () => {
      client = direct(WRITE_REGION);
      bin = mkdtempSync(join(tmpdir(), 'opsdeck-fsfreeze-'));
      writeFileSync(join(bin, 'fsfreeze'), FAKE);
      chmodSync(join(bin, 'fsfreeze'), 0o755);
      lab = await instanceWithData(client);
      imds = await startFakeImds({
        'instance-id': lab.instanceId,
        'placement/region': WRITE_REGION,
      });
    });
    afterAll(async () => {
      client.destroy();
      await imds.close();
    });

    let runs = 0;
    async function freeze(
      mode: string,
      extra: string[] = [],
      onSpawn?: Parameters<typeof runBuilt>[2],
    ) {
      const log = join(bin, `log-${String(++runs)}`);
      const result = await runBuilt(
        [
          'ec2',
          'snapshot-all',
          '--self',
          '--region',
          WRITE_REGION,
          '--freeze',
          '/',
          ...extra,
        ],
        {
          PATH: `${bin}:${process.env['PATH'] ?? ''}`,
          FAKE_FSFREEZE_LOG: log,
          FAKE_FSFREEZE_MODE: mode,
          AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.endpoint,
        },
        onSpawn,
      );
      const calls = existsSync(log)
        ? readFileSync(log, 'utf8').trim().split('\n')
        : [];
      return { ...result, calls, log };
    }

    it('freezes before the call and thaws after it', async () => {
      const before = (await commandSnapshots(client, lab.dataVolumeId)).length;
      const result = await freeze('ok');
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.calls).toEqual(['-f /', '-u /']);
      expect(await commandSnapshots(client, lab.dataVolumeId)).toHaveLength(
        before + 1,
      );
    });

    it('a failing fsfreeze -f: thawed anyway, no snapshot, exit 1', async () => {
      const before = (await commandSnapshots(client, lab.dataVolumeId)).length;
      const result = await freeze('fail');
      expect(result.code).toBe(1);
      expect(result.calls).toEqual(['-f /', '-u /']);
      expect(result.stderr).toContain(
        `failed: ${lab.instanceId}: no snapshots made: fsfreeze -f / failed: fsfreeze: /: freeze failed: Operation not supported`,
      );
      expect(await commandSnapshots(client, lab.dataVolumeId)).toHaveLength(
        before,
      );
    });

    it('a failing thaw is loud: snapshots made, exit 1, what to run', async () => {
      const before = (await commandSnapshots(client, lab.dataVolumeId)).length;
      const result = await freeze('thaw-fail');
      expect(result.code).toBe(1);
      expect(result.calls).toEqual(['-f /', '-u /']);
      expect(result.stderr).toContain(
        `failed: ${lab.instanceId}: snapshots made, but: fsfreeze -u / failed: fsfreeze: /: unfreeze failed: Invalid argument: it may still be frozen, run fsfreeze -u / now`,
      );
      expect(await commandSnapshots(client, lab.dataVolumeId)).toHaveLength(
        before + 1,
      );
    });

    it('the hard limit thaws a freeze that hangs, exit 1', async () => {
      const result = await freeze('hang', ['--freeze-limit', '1']);
      expect(result.code).toBe(1);
      expect(result.calls).toEqual(['-f /', '-u /']);
      expect(result.stderr).toContain(
        'the file systems stayed frozen for the 1 s limit and were thawed',
      );
    });

    it('SIGTERM while frozen thaws before the process ends', async () => {
      let sent = false;
      const result = await freeze('hang', ['--freeze-limit', '20'], (child) => {
        const timer = setInterval(() => {
          const log = join(bin, `log-${String(runs)}`);
          if (existsSync(log) && readFileSync(log, 'utf8').includes('-f /')) {
            clearInterval(timer);
            sent = child.kill('SIGTERM');
          }
        }, 20);
        child.once('exit', () => clearInterval(timer));
      });
      expect(sent).toBe(true);
      expect(result.code).toBe(143);
      expect(result.calls).toEqual(['-f /', '-u /']);
      expect(result.stderr).toContain('SIGTERM: file systems thawed');
    });

    it('refuses a path that is not a local mount point, before any fsfreeze', async () => {
      const notMount = await freeze('ok', ['--freeze', bin]);
      expect(notMount.code).toBe(1);
      expect(notMount.stderr).toContain(
        `--freeze ${bin}: not a mount point on this host`,
      );
      const tmpfs = await freeze('ok', ['--freeze', '/dev/shm']);
      expect(tmpfs.stderr).toContain(
        '--freeze /dev/shm: a tmpfs file system is not a local disk of this instance',
      );
      expect([...notMount.calls, ...tmpfs.calls]).toEqual([]);
    });
  },
);
