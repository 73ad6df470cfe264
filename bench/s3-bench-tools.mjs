// The sync tools the S3 benchmark compares, each as a command line for one
// endpoint: opsdeck (the built CLI), aws s3 sync, rclone sync and s3cmd sync
// (Debian packages, installed when missing and possible).
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const KEY = 'AKIALABOPSDECK000001';
const SECRET = 'lab-not-a-secret';
export const labCredentials = { accessKeyId: KEY, secretAccessKey: SECRET };

const has = (command, args = ['--version']) =>
  spawnSync(command, args, { stdio: 'ignore' }).status === 0;

function ensureDebianPackage(command, pkg) {
  if (has(command)) return true;
  if (process.getuid?.() !== 0) return false;
  process.stderr.write(`installing ${pkg}...\n`);
  spawnSync('apt-get', ['install', '-y', '-q', pkg], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return has(command);
}

/**
 * Runs one sync and resolves with its wall time. Not spawnSync: the latency
 * proxy lives in this process and must keep forwarding meanwhile.
 */
export function timedRun(command, args, env) {
  const started = performance.now();
  const child = spawn(command, args, {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => (stderr = (stderr + text).slice(-4000)));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = performance.now() - started;
      if (status === 0) resolve(ms);
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} exited ${status}: ${stderr.slice(-800)}`,
          ),
        );
    });
  });
}

/** Which peers can run here; asked once, before any timing. */
export function availablePeers() {
  return {
    aws: has('aws'),
    rclone: ensureDebianPackage('rclone', 'rclone'),
    s3cmd: ensureDebianPackage('s3cmd', 's3cmd'),
  };
}

/**
 * Each tool as `{ name, env, sync(src, dst) -> [command, args] }` for one
 * endpoint; `tag` keeps the config files of two endpoints apart.
 */
export function syncTools({
  lab,
  cli,
  work,
  endpoint,
  tag,
  peers,
  rcloneFlags = [],
}) {
  // Tools that talk to plain-HTTP loopback must not see the machine's CA bundle.
  const plainEnv = { ...process.env };
  delete plainEnv.AWS_CA_BUNDLE;
  const list = [
    {
      name: 'opsdeck',
      env: {
        ...process.env,
        AWS_CONFIG_FILE: lab.moto.awsConfigFile,
        AWS_SHARED_CREDENTIALS_FILE: lab.moto.awsCredentialsFile,
        OPSDECK_CONFIG: lab.moto.opsdeckConfigFile,
        OPSDECK_STATE_DIR: join(work, 'state'),
      },
      sync: (src, dst) => [
        process.execPath,
        [cli, '--profile', 'lab', '--endpoint-url', endpoint].concat([
          's3',
          'sync',
          src,
          dst,
        ]),
      ],
    },
  ];
  if (peers.aws) {
    const awsEnv = {
      ...plainEnv,
      AWS_ACCESS_KEY_ID: KEY,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_DEFAULT_REGION: 'us-east-1',
    };
    delete awsEnv.AWS_PROFILE;
    list.push({
      name: 'aws s3',
      env: awsEnv,
      sync: (src, dst) => [
        'aws',
        ['--endpoint-url', endpoint, 's3', 'sync', '--only-show-errors'].concat(
          [src, dst],
        ),
      ],
    });
  }
  if (peers.rclone) {
    const config = join(work, `rclone-${tag}.conf`);
    writeFileSync(
      config,
      `[moto]\ntype = s3\nprovider = Other\naccess_key_id = ${KEY}\nsecret_access_key = ${SECRET}\nendpoint = ${endpoint}\nregion = us-east-1\nforce_path_style = true\n`,
    );
    const remote = (path) => path.replace(/^s3:\/\//, 'moto:');
    list.push({
      name: 'rclone',
      env: plainEnv,
      sync: (src, dst) => [
        'rclone',
        [
          '--config',
          config,
          'sync',
          ...rcloneFlags,
          '--transfers',
          '16',
          '--checkers',
          '16',
        ].concat([remote(src), remote(dst)]),
      ],
    });
  }
  if (peers.s3cmd) {
    const host = endpoint.replace(/^https?:\/\//, '');
    const args = ['--access_key', KEY, '--secret_key', SECRET]
      .concat(['--host', host, '--host-bucket', host, '--no-ssl'])
      .concat(['--region', 'us-east-1', '--no-check-certificate']);
    list.push({
      name: 's3cmd',
      env: { ...plainEnv, HOME: work },
      sync: (src, dst) => [
        's3cmd',
        args.concat([
          'sync',
          '--quiet',
          src.endsWith('/') || src.startsWith('s3://') ? src : `${src}/`,
          dst.startsWith('s3://') && !dst.endsWith('/') ? `${dst}/` : dst,
        ]),
      ],
    });
  }
  return list;
}
