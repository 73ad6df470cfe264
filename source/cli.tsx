#!/usr/bin/env -S node --max-semi-space-size=1
/**
 * The composition root: parses arguments, then runs a subcommand or opens the
 * console. Only this file joins source/ to the UI.
 *
 * The small young generation (--max-semi-space-size=1, in MB) keeps the
 * console near 115 MB RSS instead of 145 MB after start; bench/startup.mjs
 * measures it. The flag only works on the command line, hence the shebang.
 */
import './boot.js';
import {
  Command,
  CommanderError,
  InvalidArgumentError,
  Option,
} from 'commander';
import { parseEndpoint, parsePane, parseRegion } from './cli-arguments.js';
import { describeError } from './lib/errors.js';
import { ALT_SCREEN_OFF, ALT_SCREEN_ON } from './terminal/screen.js';
import type { Lab } from './lab/lab.js';
import type {
  S3CommandName,
  S3CommandOptions,
} from './commands/s3/s3-command.js';
import type { CliOptions } from './session/start.js';
import { packageVersion } from './version.js';

async function runConsole(options: CliOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    console.error(
      'opsdeck: the console needs an interactive terminal (stdin and stdout must be a TTY).',
    );
    console.error(
      'For scripts, use a subcommand: opsdeck whoami, opsdeck --help.',
    );
    return 2;
  }
  let lab: Lab | undefined;
  if (options.demo) {
    const { startDemo } = await import('./demo.js');
    const demo = await startDemo(options, process.env, (line) =>
      process.stderr.write(`lab: ${line}\n`),
    );
    lab = demo.lab;
    options = demo.options;
  }
  try {
    const [{ prepareStart }, { createConsole }] = await Promise.all([
      import('./session/start.js'),
      import('./console.js'),
    ]);
    const start = await prepareStart(options, process.env);
    // The first frame must already land on the alternate screen.
    process.stdout.write(ALT_SCREEN_ON);
    const leave = () => process.stdout.write(ALT_SCREEN_OFF);
    process.once('exit', leave);
    const view = createConsole(start, {
      ascii: options.ascii === true,
      labSummary: lab?.summary(),
    });
    const stop = () => view.unmount();
    for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const)
      process.once(signal, stop);
    try {
      await view.waitUntilExit();
      return 0;
    } catch (error) {
      leave();
      console.error(`opsdeck: ${describeError(error)}`);
      return 1;
    } finally {
      leave();
      process.off('exit', leave);
      view.close();
    }
  } finally {
    await lab?.stop();
  }
}

const program = new Command('opsdeck')
  .description(
    'A keyboard-driven console for EC2, EBS, Elastic IPs, S3 and MySQL over SSH.',
  )
  .version(packageVersion(), '-v, --version')
  .option(
    '--profile <name>',
    'AWS profile from ~/.aws/config or ~/.aws/credentials',
  )
  .option('--region <code>', 'AWS region, e.g. eu-west-1', parseRegion)
  .option(
    '--endpoint-url <url>',
    'one endpoint for every AWS service (moto, LocalStack, MinIO)',
    parseEndpoint,
  )
  .option('--read-only', 'block every write call, whatever the config says')
  .option(
    '--demo',
    'start the local lab (moto, MariaDB, sshd) and open the console on it',
  )
  .option(
    '--ascii',
    'draw with ASCII only (for fonts without box and arrow glyphs)',
  )
  .option('--pane <name>', 'pane to open first', parsePane)
  .addOption(new Option('--config <file>', 'config file').env('OPSDECK_CONFIG'))
  .showHelpAfterError('(opsdeck --help lists the options)')
  .exitOverride()
  .action(async (options: CliOptions) => {
    process.exitCode = await runConsole(options);
  });

program
  .command('whoami')
  .description(
    'print the caller identity of the profile (works without a terminal)',
  )
  .option('--json', 'machine-readable output')
  .action(async (options: { json?: boolean }, command: Command) => {
    const { runWhoAmI } = await import('./commands/whoami.js');
    process.exitCode = await runWhoAmI(
      { ...command.optsWithGlobals<CliOptions>(), ...options },
      console.log,
      console.error,
    );
  });

{
  // s3 subcommands: the flags users of aws s3 already know.
  const s3 = program
    .command('s3')
    .description(
      'S3 buckets and objects for scripts: ls, mb, rb, get, put, sync',
    );
  const run =
    (name: S3CommandName) =>
    async (...received: unknown[]) => {
      const command = received.at(-1) as Command;
      const [{ runS3Command }, { processIo }] = await Promise.all([
        import('./commands/s3/s3-command.js'),
        import('./commands/command-io.js'),
      ]);
      process.exitCode = await runS3Command(
        name,
        command.args,
        command.optsWithGlobals<S3CommandOptions>(),
        processIo({ cancelOnInterrupt: true }),
      );
    };
  const count = (value: string) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0)
      throw new InvalidArgumentError(`"${value}" is not a whole number.`);
    return number;
  };
  const transfer = (command: Command) => {
    // --exclude and --include share one list so their order is kept.
    const rules: { type: 'exclude' | 'include'; pattern: string }[] = [];
    const rule = (type: 'exclude' | 'include') => (pattern: string) => {
      rules.push({ type, pattern });
      return rules;
    };
    return command
      .option('--dryrun', 'print the plan, change nothing')
      .option(
        '--exclude <glob>',
        'leave out matching paths (repeatable)',
        rule('exclude'),
      )
      .option(
        '--include <glob>',
        'take matching paths back in (repeatable; the last matching rule wins)',
        rule('include'),
      )
      .option('--size-only', 'compare sizes only')
      .option('--checksum', 'compare contents (MD5 and multipart ETags)')
      .option('--exact-timestamps', 'download when times differ at all')
      .option('--concurrency <n>', 'files in flight (default 16)', count)
      .option('--json', 'machine-readable summary')
      .action(run(command.name() as S3CommandName));
  };
  s3.command('ls')
    .argument('[uri]', 's3://bucket[/prefix]; no argument lists the buckets')
    .option('--recursive', 'every key under the prefix, not one level')
    .option('--json', 'one JSON object per line')
    .action(run('ls'));
  s3.command('mb')
    .argument('<uri>', 's3://bucket')
    .description('make a bucket in --region')
    .option('--json', 'machine-readable output')
    .action(run('mb'));
  s3.command('rb')
    .argument('<uri>', 's3://bucket')
    .description(
      'remove a bucket; --force empties it first (every version, delete marker and pending upload)',
    )
    .option('--force', 'delete everything in the bucket first')
    .option('--yes', 'confirm --force without typing the name (for scripts)')
    .option('--json', 'machine-readable output')
    .action(run('rb'));
  transfer(
    s3
      .command('get')
      .argument('<uri>', 's3://bucket/key or s3://bucket[/prefix]')
      .argument('[dir]', 'local directory', '.')
      .description('download an object or everything under a prefix'),
  );
  transfer(
    s3
      .command('put')
      .argument('<path>', 'local file or directory')
      .argument('<uri>', 's3://bucket[/prefix]')
      .description('upload a file or a directory'),
  );
  transfer(
    s3
      .command('sync')
      .argument('<source>', 'local directory or s3://bucket[/prefix]')
      .argument('<destination>', 'local directory or s3://bucket[/prefix]')
      .description('make the destination match the source')
      .option(
        '--delete',
        'delete what the source does not have (after every transfer succeeded)',
      )
      .option(
        '--max-delete <n>',
        'delete nothing when more than n deletions are planned',
        count,
      )
      .option('--allow-empty-source', 'let --delete act on an empty source'),
  );
}

program
  .command('lab')
  .description(
    'run the local lab (moto, MariaDB, sshd) in the foreground until Ctrl+C',
  )
  .option('--parts <list>', 'comma-separated subset: moto,mariadb,sshd')
  .option('--json', 'print connection details as JSON')
  .action(async (options: { parts?: string; json?: boolean }) => {
    const { runLabCommand } = await import('./lab/lab-command.js');
    process.exitCode = await runLabCommand(options);
  });

program
  .command('ebs-copy')
  .description(
    'copy an instance, volume, snapshot or AMI to another region (resumable)',
  )
  .option('--instance <id>', 'copy a whole instance (image, then copy)')
  .option('--volume <id>', 'copy a volume (snapshot, copy, create)')
  .option('--snapshot <id>', 'copy a snapshot')
  .option('--image <id>', 'copy an AMI')
  .option('--to <region>', 'target region', parseRegion)
  .option(
    '--source-region <region>',
    'source region (default: --region)',
    parseRegion,
  )
  .option('--az <zone>', 'target availability zone (volume, launch)')
  .option(
    '--encrypt <key>',
    'encrypt with "default" or a KMS key of the target',
  )
  .option('--tags <keys>', 'tags to carry: all (default), none, or k1,k2')
  .option(
    '--volume-type <type>',
    "type of the new volume (default: the source's)",
  )
  .option('--attach <instance:device>', 'attach the new volume')
  .option(
    '--consistency <mode>',
    'running instance: reboot, no-reboot, stop-first',
  )
  .option('--launch', 'launch the copied instance in the target')
  .option('--no-key', 'do not import the key pair')
  .option('--no-security-groups', 'do not recreate the security groups')
  .option('--elastic-ip', 'allocate and associate a new Elastic IP')
  .option('--subnet <id>', 'target subnet for the launch')
  .option(
    '--register-snapshots',
    'copy the snapshots and register the image (when CopyImage is refused)',
  )
  .option('--timeout <minutes>', 'longest wait for one step (default 360)')
  .option('--resume <run>', 'resume a run from its journal')
  .option('--list', 'list runs and their state')
  .option('--cleanup <run>', 'remove the leftovers of a finished run')
  .option('-y, --yes', 'create without asking (needed without a terminal)')
  .option('--json', 'machine-readable result')
  .action(async (options: object, command: Command) => {
    const { runEbsCopy } = await import('./commands/ebs-copy/command.js');
    process.exitCode = await runEbsCopy({
      ...command.optsWithGlobals<CliOptions>(),
      ...options,
    });
  });

program
  .command('reset-root')
  .description(
    "reset a lost MySQL/MariaDB root password on a connection's host over SSH",
  )
  .argument('<connection>', 'a MySQL connection profile (mysql.connections)')
  .option(
    '--method <method>',
    'session, init-file or skip-grant-tables (default: the least invasive)',
  )
  .option('--account <user@host>', 'the account (default root@localhost)')
  .option('--no-socket-login', 'remove unix_socket from the account (MariaDB)')
  .option('--password-stdin', 'read the new password from the first stdin line')
  .option('--sudo-password-stdin', 'read the sudo password from the next line')
  .option('--detect', 'show what was found and change nothing')
  .option('-y, --yes', 'run without asking (needed without a terminal)')
  .option('--json', 'machine-readable result')
  .action(async (connection: string, options: object, command: Command) => {
    const { runResetRoot } = await import('./commands/reset-root/command.js');
    process.exitCode = await runResetRoot(connection, {
      ...command.optsWithGlobals<CliOptions>(),
      ...options,
    });
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    console.error(`opsdeck: ${describeError(error)}`);
    process.exitCode = 1;
  }
}
