/** The security-group service: reads (group-reads.ts) and writes (group-writes.ts). */
import type { AwsClientFactory } from '../../client-factory.js';
import { createGroupReads } from './group-reads.js';
import { createGroupWrites } from './group-writes.js';
import type { SecurityGroupService } from './types.js';

export function createSecurityGroupService(
  factory: AwsClientFactory,
): SecurityGroupService {
  const reads = createGroupReads(factory);
  return { ...reads, ...createGroupWrites(factory, reads.users) };
}
