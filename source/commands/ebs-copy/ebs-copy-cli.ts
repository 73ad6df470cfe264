/** `opsdeck ebs-copy`: the region-copy wizard's flags; the engine loads on use. */
import type { Command } from 'commander';
import type { CliOptions } from '../../session/start.js';
import { parseRegion } from '../cli-arguments.js';

export function registerEbsCopyCommand(program: Command): void {
  program
    .command('ebs-copy')
    .description(
      'copy an instance, volume, snapshot, AMI or bucket to another region (resumable)',
    )
    .option('--instance <id>', 'copy a whole instance (image, then copy)')
    .option('--volume <id>', 'copy a volume (snapshot, copy, create)')
    .option('--snapshot <id>', 'copy a snapshot')
    .option('--image <id>', 'copy an AMI')
    .option(
      '--bucket <name>',
      'copy a bucket: a new bucket in the target, its configuration, its contents',
    )
    .option(
      '--target-bucket <name>',
      'name of the new bucket (default: the source name with the target region)',
    )
    .option(
      '--skip-config <items>',
      'configuration not to copy: versioning, encryption, lifecycle, cors, tags, public-access-block, policy',
    )
    .option('--to <region>', 'target region', parseRegion)
    .option(
      '--source-region <region>',
      'source region (default: --region)',
      parseRegion,
    )
    .option(
      '--az <zone>',
      "target zone; --volume defaults to the source's zone letter there, else the first available; needed for --launch without --subnet",
    )
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
      const { runEbsCopy } = await import('./command.js');
      process.exitCode = await runEbsCopy({
        ...command.optsWithGlobals<CliOptions>(),
        ...options,
      });
    });
}
