import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  ListMultipartUploadsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { Client } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { LAB_CREDENTIALS } from '../../../source/lab/lab-aws.js';
import {
  LAB_BUCKETS,
  LOG_KEY_COUNT,
} from '../../../source/lab/seed/seed-s3.js';
import { labPart } from '../../helpers/lab.js';

const moto = labPart('moto');
const mariadb = labPart('mariadb');
const sshd = labPart('sshd');

describe.skipIf(!moto.info)(`lab: moto estate${moto.missing}`, () => {
  const endpoint = moto.info?.endpoint ?? '';
  const ec2 = (region: string) =>
    new EC2Client({ region, endpoint, credentials: LAB_CREDENTIALS });

  it('has instances in running, stopped and pending states in two regions', async () => {
    const states: Record<string, string[]> = {};
    for (const region of ['us-east-1', 'eu-west-1']) {
      const client = ec2(region);
      const result = await client.send(new DescribeInstancesCommand({}));
      client.destroy();
      states[region] = (result.Reservations ?? [])
        .flatMap((reservation) => reservation.Instances ?? [])
        .map((instance) => instance.State?.Name ?? '?')
        .sort();
    }
    expect(states['us-east-1']).toEqual([
      'pending',
      'running',
      'running',
      'running',
      'stopped',
      'stopped',
      'terminated',
    ]);
    expect(states['eu-west-1']).toEqual(['running', 'stopped']);
  });

  it('has associated and free Elastic IPs, attached and available volumes, snapshots', async () => {
    const client = ec2('us-east-1');
    const [addresses, volumes, snapshots] = await Promise.all([
      client.send(new DescribeAddressesCommand({})),
      client.send(new DescribeVolumesCommand({})),
      client.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] })),
    ]);
    client.destroy();
    const associated = (addresses.Addresses ?? []).filter(
      (address) => (address.AssociationId ?? '') !== '',
    );
    expect(associated.length).toBe(2);
    expect((addresses.Addresses ?? []).length).toBe(3);
    const states = (volumes.Volumes ?? []).map((volume) => volume.State);
    expect(states).toContain('in-use');
    expect(
      states.filter((state) => state === 'available').length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      (volumes.Volumes ?? []).some(
        (volume) => volume.Encrypted === false && volume.State === 'available',
      ),
    ).toBe(true);
    expect((snapshots.Snapshots ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('has a bucket with nested prefixes that takes more than one page to list', async () => {
    const s3 = new S3Client({
      region: 'us-east-1',
      endpoint,
      credentials: LAB_CREDENTIALS,
      forcePathStyle: true,
    });
    const first = await s3.send(
      new ListObjectsV2Command({ Bucket: LAB_BUCKETS.logs }),
    );
    expect(first.IsTruncated).toBe(true);
    expect(first.KeyCount).toBe(1000);
    const second = await s3.send(
      new ListObjectsV2Command({
        Bucket: LAB_BUCKETS.logs,
        ContinuationToken: first.NextContinuationToken,
      }),
    );
    expect((first.KeyCount ?? 0) + (second.KeyCount ?? 0)).toBe(
      LOG_KEY_COUNT + 1,
    );
    const prefixes = await s3.send(
      new ListObjectsV2Command({
        Bucket: LAB_BUCKETS.logs,
        Prefix: 'app/2026/11/',
        Delimiter: '/',
      }),
    );
    expect(prefixes.CommonPrefixes?.length).toBe(30);
    const versions = await s3.send(
      new ListObjectVersionsCommand({ Bucket: LAB_BUCKETS.assets }),
    );
    expect(
      (versions.Versions ?? []).filter(
        (version) => version.Key === 'index.html',
      ),
    ).toHaveLength(3);
    expect(versions.DeleteMarkers?.length).toBe(1);
    const uploads = await s3.send(
      new ListMultipartUploadsCommand({ Bucket: LAB_BUCKETS.backups }),
    );
    expect(uploads.Uploads?.map((upload) => upload.Key)).toEqual([
      'db/shop-2026-11-21.sql.gz',
    ]);
    s3.destroy();
  });
});

describe.skipIf(!mariadb.info)(`lab: MariaDB${mariadb.missing}`, () => {
  it('has the shop schema, users of every kind, and no root without a password', async () => {
    const info = mariadb.info;
    if (!info) return;
    const connection = await createConnection({
      host: info.host,
      port: info.port,
      user: 'root',
      password: info.rootPassword,
    });
    const [tables] = await connection.query<RowDataPacket[]>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'shop' ORDER BY 1",
    );
    expect(tables.map((row) => row['name'] as string)).toEqual([
      'audit_log',
      'customers',
      'orders',
      'products',
    ]);
    const [orders] = await connection.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM shop.orders',
    );
    expect(orders[0]?.['n']).toBe(1500);
    const [users] = await connection.query<RowDataPacket[]>(
      "SELECT CONCAT(User, '@', Host) AS account, authentication_string = '' AS no_password FROM mysql.user ORDER BY 1",
    );
    const accounts = users.map((row) => row['account'] as string);
    expect(accounts).toEqual(
      expect.arrayContaining([
        'app@%',
        'report@10.%',
        'legacy@%',
        'root@localhost',
        'root@127.0.0.1',
      ]),
    );
    const rootWithout = users.filter(
      (row) =>
        String(row['account']).startsWith('root@') && row['no_password'] === 1,
    );
    expect(rootWithout).toEqual([]);
    await connection.end();
    await expect(
      createConnection({
        host: info.host,
        port: info.port,
        user: 'root',
        password: '',
      }),
    ).rejects.toThrow(/Access denied/);
  });
});

describe.skipIf(!sshd.info)(`lab: OpenSSH${sshd.missing}`, () => {
  it('accepts the lab key, presents the host key in known_hosts, and runs commands', async () => {
    const info = sshd.info;
    if (!info) return;
    const knownKey =
      readFileSync(info.knownHostsPath, 'utf8').trim().split(' ')[2] ?? '';
    let presented = '';
    const output = await new Promise<string>((resolve, reject) => {
      const client = new Client();
      client
        .on('ready', () => {
          client.exec('echo lab:$(id -un)', (error, stream) => {
            if (error) return reject(error);
            let text = '';
            stream
              .on('data', (chunk: Buffer) => (text += chunk.toString()))
              .on('close', () => {
                client.end();
                resolve(text.trim());
              });
          });
        })
        .on('error', reject)
        .connect({
          host: info.host,
          port: info.port,
          username: info.user,
          privateKey: readFileSync(info.keyPath),
          hostVerifier: (key: Buffer) => {
            presented = key.toString('base64');
            return presented === knownKey;
          },
        });
    });
    expect(output).toBe(`lab:${info.user}`);
    expect(presented).toBe(knownKey);
  });

  it('refuses a key it does not know', async () => {
    const info = sshd.info;
    if (!info) return;
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-stranger-'));
    execFileSync('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-f',
      join(dir, 'key'),
    ]);
    const stranger = readFileSync(join(dir, 'key'));
    await expect(
      new Promise((resolve, reject) => {
        const client = new Client();
        client
          .on('ready', () => resolve('in'))
          .on('error', reject)
          .connect({
            host: info.host,
            port: info.port,
            username: info.user,
            privateKey: stranger,
          });
      }),
    ).rejects.toThrow(/authentication/i);
  });
});
