/** What the sg subcommands share: the service and where to find the operator's address. */
import type { SecurityGroupService } from '../../aws/ec2/security-groups/types.js';

export interface SgSession {
  readonly service: SecurityGroupService;
  readonly region: string;
  readonly env: NodeJS.ProcessEnv;
  readonly myIpUrl: string | undefined;
}
