/**
 * snapshot-all --mysql refuses, before anything is created, a connection
 * that does not name a server on this instance, and an unknown one. (The
 * lock itself is tested against the lab's MariaDB in the MySQL tests.)
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSnapshotAll } from '../../../source/commands/ec2/snapshot-all-command.js';
import { capturedIo } from '../../helpers/command-io.js';
import { startFakeImds, type FakeImds } from '../../helpers/fake-imds.js';
import { WRITE_REGION, direct, moto, useLabProfiles } from './ec2-lab.js';
import { commandSnapshots, instanceWithData } from './snapshot-all-lab.js';

describe.skipIf(!moto.info)(
  `snapshot-all --mysql refusals${moto.missing}`,
  () => {
    useLabProfiles();
    let client: EC2Client;
    let imds: FakeImds;
    let config = '';
    let dataVolumeId = '';
    beforeAll(async () => {
      client = direct(WRITE_REGION);
      const lab = await instanceWithData(client);
      dataVolumeId = lab.dataVolumeId;
      imds = await startFakeImds({
        'instance-id': lab.instanceId,
        'placement/region': WRITE_REGION,
        'local-ipv4': '10.0.3.7',
      });
      config = join(
        mkdtempSync(join(tmpdir(), 'opsdeck-mysql-')),
        'config.yaml',
      );
      writeFileSync(
        config,
        `${readFileSync(moto.info?.opsdeckConfigFile ?? '', 'utf8')}
mysql:
  connections:
    remote:
      ssh: { host: db.example.com }
    here:
      ssh: { host: 10.0.3.7 }
      mysql: { socket: /run/mysqld/mysqld.sock, user: root, askPassword: false }
    elsewhere:
      ssh: { host: localhost }
      mysql: { host: db.internal }
`,
      );
    });
    afterAll(async () => {
      client.destroy();
      await imds.close();
    });
    async function run(mysql: string, extra: Record<string, unknown> = {}) {
      const io = capturedIo();
      const code = await runSnapshotAll(
        undefined,
        {
          profile: 'lab',
          region: WRITE_REGION,
          endpointUrl: moto.info?.endpoint,
          config,
          self: true,
          mysql,
          ...extra,
        },
        io,
        { ...process.env, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.endpoint },
      );
      return { code, out: io.stdout, err: io.stderr };
    }

    it('refuses a server reached over SSH on another host, and one on another MySQL host', async () => {
      const remote = await run('remote');
      expect(remote.code).toBe(1);
      expect(remote.err).toEqual([
        'opsdeck ec2 snapshot-all: --mysql remote: the server is reached over SSH at db.example.com, not on this instance (a read lock only makes the snapshot consistent for a server on the instance being snapshotted: use a connection whose ssh.host is localhost)',
      ]);
      const elsewhere = await run('elsewhere');
      expect(elsewhere.err[0]).toContain(
        "--mysql elsewhere: MySQL is at db.internal, not on this instance's loopback",
      );
      expect(await commandSnapshots(client, dataVolumeId)).toEqual([]);
    });

    it('an unknown connection is a usage error', async () => {
      const unknown = await run('nope');
      expect(unknown.code).toBe(2);
      expect(unknown.err[0]).toContain(
        '--mysql: no MySQL connection named "nope" (known: remote, here, elsewhere)',
      );
    });

    it("accepts the instance's own address; a dry run connects to nothing", async () => {
      const here = await run('here', { dryRun: true });
      expect(here.err).toEqual([]);
      expect(here.code).toBe(0);
      expect(here.out.at(-1)).toBe(
        'dry run: 2 snapshots to make, 0 to delete, 0 kept for images, 0 failed',
      );
    });
  },
);
