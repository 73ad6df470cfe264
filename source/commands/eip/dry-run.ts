/** `--dry-run` of the eip commands: EC2 says whether the AssociateAddress would be allowed; nothing changes. */
import type { AddressService } from '../../aws/ec2/types.js';
import { EXIT_FAILED, EXIT_OK, type CommandIo } from '../command-io.js';

export async function dryRunMove(
  addresses: AddressService,
  allocationId: string,
  instanceId: string,
  command: string,
  io: CommandIo,
): Promise<number> {
  const outcome = await addresses.move(allocationId, instanceId, {
    dryRun: true,
  });
  if ('dryRun' in outcome && outcome.dryRun.allowed) {
    io.out(
      `dry run: ec2:AssociateAddress would be allowed${outcome.dryRun.reason ? ` (${outcome.dryRun.reason})` : ''}; nothing was changed`,
    );
    return EXIT_OK;
  }
  io.err(
    `${command}: dry run: ec2:AssociateAddress would be refused: ${'dryRun' in outcome ? (outcome.dryRun.reason ?? 'not allowed') : 'the endpoint made the change'}`,
  );
  return EXIT_FAILED;
}
