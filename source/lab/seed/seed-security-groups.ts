/**
 * Security groups that show every flag of the :groups pane: SSH open to the
 * world, MySQL open to the world, a group nothing uses, and a rule naming a
 * group that was deleted (moto, unlike EC2, lets a referenced group go).
 */
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  ModifyInstanceAttributeCommand,
  type EC2Client,
  type IpPermission,
} from '@aws-sdk/client-ec2';

const tcp = (port: number, cidrs: string[]): IpPermission => ({
  IpProtocol: 'tcp',
  FromPort: port,
  ToPort: port,
  IpRanges: cidrs
    .filter((cidr) => !cidr.includes(':'))
    .map((CidrIp) => ({ CidrIp })),
  Ipv6Ranges: cidrs
    .filter((cidr) => cidr.includes(':'))
    .map((CidrIpv6) => ({ CidrIpv6 })),
});

async function group(
  ec2: EC2Client,
  name: string,
  description: string,
  rules: IpPermission[],
): Promise<string> {
  const created = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: name,
      Description: description,
    }),
  );
  const groupId = created.GroupId ?? '';
  if (rules.length > 0)
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: groupId,
        IpPermissions: rules,
      }),
    );
  return groupId;
}

/** `web` is the group every seeded instance has; two of them get a second, open one. */
export async function seedSecurityGroups(
  ec2: EC2Client,
  webGroupId: string,
  instances: { readonly bastion?: string; readonly database?: string },
): Promise<void> {
  const bastion = await group(ec2, 'bastion', 'ssh jump host', [
    tcp(22, ['0.0.0.0/0', '::/0']),
  ]);
  const database = await group(ec2, 'db-open', 'mysql for the app servers', [
    tcp(3306, ['0.0.0.0/0']),
    {
      IpProtocol: 'tcp',
      FromPort: 3306,
      ToPort: 3306,
      UserIdGroupPairs: [{ GroupId: webGroupId }],
    },
  ]);
  await group(ec2, 'legacy-unused', 'old office range', [
    tcp(80, ['10.0.0.0/8']),
  ]);
  const retired = await group(ec2, 'retired-app', 'app tier, retired', []);
  await group(ec2, 'stale-ref', 'still names retired-app', [
    {
      IpProtocol: 'tcp',
      FromPort: 8080,
      ToPort: 8080,
      UserIdGroupPairs: [{ GroupId: retired }],
    },
  ]);
  await ec2.send(new DeleteSecurityGroupCommand({ GroupId: retired }));
  for (const [instanceId, extra] of [
    [instances.bastion, bastion],
    [instances.database, database],
  ] as const)
    if (instanceId !== undefined)
      await ec2.send(
        new ModifyInstanceAttributeCommand({
          InstanceId: instanceId,
          Groups: [webGroupId, extra],
        }),
      );
}
