/** `opsdeck ec2 ...`: EC2 routines for scripts and cron; the work loads on use. */
import type { Command } from 'commander';
import type { CliOptions } from '../../session/start.js';
import type { SnapshotAllFlags } from './snapshot-all-args.js';

const repeat = (value: string, previous: string[] = []) => [...previous, value];

export function registerEc2Commands(program: Command): void {
  const ec2 = program
    .command('ec2')
    .description('EC2 routines for scripts and cron: snapshot-all');
  ec2
    .command('snapshot-all')
    .description(
      'snapshot every attached EBS volume of instances (one crash-consistent call each), with retention',
    )
    .argument('[instance]', 'instance ID or Name')
    .option('--self', 'the instance this runs on (instance metadata, IMDSv2)')
    .option('--tag <key=value>', 'every instance with this tag')
    .option('--exclude-boot', 'leave out the boot volume')
    .option(
      '--exclude-device <device>',
      'leave out this device, e.g. /dev/sdf (repeatable)',
      repeat,
    )
    .option(
      '--keep <n>',
      "keep the N newest of this command's snapshots per volume",
    )
    .option('--keep-days <d>', 'keep those made within D days')
    .option(
      '--dry-run',
      'show what would be created and deleted; change nothing',
    )
    .option('--wait', 'wait until the new snapshots are completed')
    .option(
      '--freeze <mountpoint>',
      'fsfreeze this file system around the call (repeatable; with --self)',
      repeat,
    )
    .option(
      '--freeze-limit <seconds>',
      'thaw after this long whatever happens (default 30)',
    )
    .option(
      '--mysql <connection>',
      'hold FLUSH TABLES WITH READ LOCK on this connection around the call (with --self)',
    )
    .option('--json', 'machine-readable report')
    .action(
      async (
        instance: string | undefined,
        options: SnapshotAllFlags,
        command: Command,
      ) => {
        const [{ runSnapshotAll }, { processIo }] = await Promise.all([
          import('./snapshot-all-command.js'),
          import('../command-io.js'),
        ]);
        process.exitCode = await runSnapshotAll(
          instance,
          { ...command.optsWithGlobals<CliOptions>(), ...options },
          processIo({ cancelOnInterrupt: true }),
        );
      },
    );
}
