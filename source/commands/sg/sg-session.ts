/** What the sg subcommands share: the service and where to find the operator's address. */
import type { SecurityGroupService } from '../../aws/ec2/security-groups/types.js';
import type { CliOptions } from '../../session/start.js';

export interface SgSession {
  readonly service: SecurityGroupService;
  readonly region: string;
  readonly env: NodeJS.ProcessEnv;
  readonly myIpUrl: string | undefined;
}

/** The flags of every sg subcommand, with the global ones. */
export type SgCommandOptions = CliOptions & {
  json?: boolean;
  description?: string;
  yes?: boolean;
  dryRun?: boolean;
  to?: string[];
  thisHost?: boolean;
};
