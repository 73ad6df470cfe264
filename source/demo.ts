/** `--demo`: starts the lab and points this process at it, leaving the user's AWS setup alone. */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from './lib/errors.js';
import { startFailoverDemo } from './lab/failover-demo.js';
import { startLab, type Lab } from './lab/lab.js';
import { findMariaDb } from './lab/mariadb.js';
import {
  startScriptedMariaDb,
  stopScriptedMariaDb,
} from './lab/scripted-mariadb.js';
import { LAB_MYSQL } from './lab/seed/seed-mysql.js';
import type { CliOptions } from './session/start.js';

const RESET_TARGET = 'reset-target';

/** Variables that would make the demo talk to a real account or a real profile. */
const FOREIGN_AWS_ENV = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ENDPOINT_URL',
];

export async function startDemo(
  options: CliOptions,
  env: NodeJS.ProcessEnv,
  progress: (line: string) => void,
): Promise<{ lab: Lab; options: CliOptions }> {
  const lab = await startLab({ progress });
  if (!lab.moto) {
    await lab.stop();
    throw new UserError('the demo needs moto, which is not installed here', {
      hint: lab.skipped.map((skip) => skip.reason).join('; '),
    });
  }
  for (const name of FOREIGN_AWS_ENV) delete env[name];
  for (const name of Object.keys(env))
    if (name.startsWith('AWS_ENDPOINT_URL_')) delete env[name];
  env['AWS_CONFIG_FILE'] = lab.moto.files.configFile;
  env['AWS_SHARED_CREDENTIALS_FILE'] = lab.moto.files.credentialsFile;
  env['OPSDECK_STATE_DIR'] = join(lab.dir, 'state');
  if (lab.sshd && lab.mariadb) {
    // A ready MySQL connection to the lab's MariaDB through the lab's sshd;
    // its host key comes from the lab's known_hosts, not the user's.
    env['OPSDECK_SSH_KNOWN_HOSTS'] = lab.sshd.knownHostsPath;
    appendFileSync(
      lab.moto.files.opsdeckConfigFile,
      [
        'mysql:',
        '  connections:',
        '    lab:',
        `      ssh: { host: 127.0.0.1, port: ${lab.sshd.port}, user: ${JSON.stringify(lab.sshd.user)}, identityFile: ${JSON.stringify(lab.sshd.keyPath)}, agent: false }`,
        `      mysql: { host: 127.0.0.1, port: ${lab.mariadb.port}, user: root }`,
        ...(await resetTarget(lab)),
        '',
      ].join('\n'),
    );
  }
  const failover = await startFailoverDemo(lab.moto.endpoint);
  appendFileSync(
    lab.moto.files.opsdeckConfigFile,
    failover.configLines.join('\n'),
  );
  return {
    lab: {
      ...lab,
      stop: async () => {
        // The reset target lives in the lab's directory: stop it before that goes.
        await Promise.allSettled([failover.stop(), stopResetTarget(lab)]);
        await lab.stop();
      },
    },
    options: {
      ...options,
      // The lab's profile, also when another config file is given.
      profile: options.profile ?? 'lab',
      endpointUrl: options.endpointUrl ?? lab.moto.endpoint,
      config: options.config ?? lab.moto.files.opsdeckConfigFile,
    },
  };
}

/** A second MariaDB under its own stop/start scripts, for the root-password reset wizard. */
async function resetTarget(lab: Lab): Promise<string[]> {
  const found = findMariaDb();
  if ('missing' in found || !lab.sshd) return [];
  const server = await startScriptedMariaDb(
    join(lab.dir, RESET_TARGET),
    found,
    {
      rootPassword: LAB_MYSQL.rootPassword,
      socketLogin: false,
    },
  );
  return [
    '    lab-reset:',
    `      ssh: { host: 127.0.0.1, port: ${lab.sshd.port}, user: ${JSON.stringify(lab.sshd.user)}, identityFile: ${JSON.stringify(lab.sshd.keyPath)}, agent: false }`,
    `      mysql: { host: 127.0.0.1, port: ${server.port}, user: root }`,
    `      server: { stop: ${JSON.stringify(server.stopCommand)}, start: ${JSON.stringify(server.startCommand)} }`,
  ];
}

async function stopResetTarget(lab: Lab): Promise<void> {
  await stopScriptedMariaDb(join(lab.dir, RESET_TARGET));
}
