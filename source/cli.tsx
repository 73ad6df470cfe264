#!/usr/bin/env -S node --max-semi-space-size=1 --v8-pool-size=1
/**
 * The composition root: parses arguments, then runs a subcommand or opens the
 * console. Only this file joins source/ to the UI.
 *
 * The small young generation (--max-semi-space-size=1, in MB) keeps the
 * console near 115 MB RSS instead of 145 MB after start; bench/startup.mjs
 * measures it. One V8 worker thread (--v8-pool-size=1, Node's default is 4)
 * saves about 9 MB more: each worker that compiles or marks in the
 * background keeps a malloc arena of its own, and the first frame is no
 * slower for it on two cores. The flags only work on the command line,
 * hence the shebang.
 */
import './boot.js';
import { constants } from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import {
  parseEndpoint,
  parsePane,
  parseRegion,
} from './commands/cli-arguments.js';
import { describeError } from './lib/errors.js';
import { safeLine } from './lib/terminal-text.js';
import { ALT_SCREEN_OFF, ALT_SCREEN_ON } from './terminal/screen.js';
import type { Lab } from './lab/lab.js';
import { registerEbsCopyCommand } from './commands/ebs-copy/ebs-copy-cli.js';
import { registerEipCommands } from './commands/eip/eip-cli.js';
import { registerResetRootCommand } from './commands/reset-root/reset-root-cli.js';
import { registerS3Commands } from './commands/s3/s3-cli.js';
import { registerSgCommands } from './commands/sg/sg-cli.js';
import { registerEc2Commands } from './commands/ec2/ec2-cli.js';
import { registerSesCommands } from './commands/ses/ses-cli.js';
import type { CliOptions } from './session/start.js';
import { packageVersion } from './version.js';

/** How long a signalled console may take to close before it simply exits. */
const EXIT_GRACE_MS = 3000;

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
    const [{ prepareStart }, { createConsole, loadFirstPane }] =
      await Promise.all([import('./session/start.js'), import('./console.js')]);
    const start = await prepareStart(options, process.env);
    await loadFirstPane(start.pane);
    // The first frame must already land on the alternate screen.
    process.stdout.write(ALT_SCREEN_ON);
    const leave = () => process.stdout.write(ALT_SCREEN_OFF);
    process.once('exit', leave);
    const view = createConsole(start, {
      ascii: options.ascii === true,
      labSummary: lab?.summary(),
    });
    let signalled: number | undefined;
    const stop = (signal: NodeJS.Signals) => {
      signalled = 128 + (constants.signals[signal] ?? 0);
      view.unmount();
      // A dropped SSH session must not leave a process behind: whatever is
      // slow to close goes with it (the lab's children have guards of their own).
      setTimeout(() => {
        leave();
        process.exit(signalled);
      }, EXIT_GRACE_MS).unref();
    };
    for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const)
      process.once(signal, stop);
    try {
      await view.waitUntilExit();
      return signalled ?? 0;
    } catch (error) {
      leave();
      console.error(`opsdeck: ${safeLine(describeError(error))}`);
      return 1;
    } finally {
      leave();
      process.off('exit', leave);
      view.close();
    }
  } finally {
    if (lab) {
      // Back on the normal screen: say why the prompt takes a moment to return.
      process.stderr.write('lab: stopping the lab (moto, MariaDB, sshd)...\n');
      await lab.stop();
    }
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
    const [{ runWhoAmI }, { processIo }] = await Promise.all([
      import('./commands/whoami.js'),
      import('./commands/command-io.js'),
    ]);
    const io = processIo();
    process.exitCode = await runWhoAmI(
      { ...command.optsWithGlobals<CliOptions>(), ...options },
      io.out,
      io.err,
    );
  });

registerS3Commands(program);
registerSgCommands(program);
registerEc2Commands(program);
registerSesCommands(program);

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

registerEbsCopyCommand(program);
registerResetRootCommand(program);
registerEipCommands(program);

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    console.error(`opsdeck: ${safeLine(describeError(error))}`);
    process.exitCode = 1;
  }
}
