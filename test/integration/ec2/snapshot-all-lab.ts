/**
 * Set-up for the snapshot-all tests against moto: an instance with a tagged
 * data volume, the snapshots the command made of a volume, and the built CLI
 * run without a terminal (as cron runs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  AttachVolumeCommand,
  CreateVolumeCommand,
  DescribeSnapshotsCommand,
  type EC2Client,
  type Snapshot,
} from '@aws-sdk/client-ec2';
import { builtCli } from '../../helpers/built-cli.js';
import { launch, moto, runMarker } from './ec2-lab.js';

export interface LabInstance {
  readonly instanceId: string;
  readonly name: string;
  readonly dataVolumeId: string;
}

/** An instance in us-west-2a tagged Name and team, with /dev/sdf attached (tagged role=data). */
export async function instanceWithData(
  client: EC2Client,
): Promise<LabInstance> {
  const name = `db-${runMarker()}`;
  const [instanceId = ''] = await launch(client, 1, {
    zone: 'us-west-2a',
    tags: { Name: name, team: 'ops' },
  });
  const data = await client.send(
    new CreateVolumeCommand({
      AvailabilityZone: 'us-west-2a',
      Size: 4,
      VolumeType: 'gp3',
      TagSpecifications: [
        {
          ResourceType: 'volume',
          Tags: [
            { Key: 'role', Value: 'data' },
            { Key: 'Name', Value: `${name}-data` },
          ],
        },
      ],
    }),
  );
  await client.send(
    new AttachVolumeCommand({
      VolumeId: data.VolumeId,
      InstanceId: instanceId,
      Device: '/dev/sdf',
    }),
  );
  return { instanceId, name, dataVolumeId: data.VolumeId ?? '' };
}

/** The snapshots of a volume that carry snapshot-all's tag. */
export async function commandSnapshots(
  client: EC2Client,
  volumeId: string,
): Promise<Snapshot[]> {
  const found = await client.send(
    new DescribeSnapshotsCommand({
      Filters: [{ Name: 'volume-id', Values: [volumeId] }],
    }),
  );
  return (found.Snapshots ?? []).filter((snapshot) =>
    snapshot.Tags?.some((tag) => tag.Key === 'opsdeck:snapshot-all'),
  );
}

export function tagsOf(snapshot: Snapshot): Record<string, string> {
  return Object.fromEntries(
    (snapshot.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']),
  );
}

function labEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_CONFIG_FILE: moto.info?.awsConfigFile ?? '',
    AWS_SHARED_CREDENTIALS_FILE: moto.info?.awsCredentialsFile ?? '',
    OPSDECK_CONFIG: moto.info?.opsdeckConfigFile ?? '',
  };
  for (const name of [
    'AWS_PROFILE',
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
  ])
    delete env[name];
  return env;
}

/** The built CLI with piped output (no terminal), on profile lab against moto. */
export async function runBuilt(
  args: readonly string[],
  env: Record<string, string>,
  onSpawn?: (child: ChildProcess) => void,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    [
      builtCli(),
      '--profile',
      'lab',
      '--endpoint-url',
      moto.info?.endpoint ?? '',
      ...args,
    ],
    {
      env: { ...labEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) =>
    child.once('exit', resolve),
  );
  return { code, stdout, stderr };
}
