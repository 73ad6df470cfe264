/** The lab's estate in both accounts, both regions. */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { LAB_ACCOUNT, LAB_PROD_ACCOUNT } from '../lab-aws.js';
import { seedEc2Region, type RegionPlan } from './seed-ec2.js';
import { HOSTILE, HOSTILE_INSTANCE_NAME } from './hostile.js';
import { seedS3 } from './seed-s3.js';

const MAIN_PLANS: readonly RegionPlan[] = [
  {
    region: 'us-east-1',
    instances: [
      {
        name: 'web-1',
        type: 't3.small',
        state: 'running',
        tags: { env: 'prod', team: 'web' },
      },
      {
        name: 'web-2',
        type: 't3.small',
        state: 'running',
        tags: { env: 'prod', team: 'web' },
      },
      {
        name: 'db-1',
        type: 'm5.large',
        state: 'running',
        tags: { env: 'prod', team: 'data' },
      },
      {
        name: 'batch-1',
        type: 'c5.xlarge',
        state: 'stopped',
        tags: { env: 'staging', team: 'data' },
      },
      {
        name: 'build-1',
        type: 't3.medium',
        state: 'pending',
        tags: { env: 'ci' },
      },
      {
        name: 'old-app',
        type: 't2.micro',
        state: 'terminated',
        tags: { env: 'staging' },
      },
      {
        name: HOSTILE_INSTANCE_NAME,
        type: 't3.nano',
        state: 'stopped',
        tags: { env: 'test', note: HOSTILE },
      },
    ],
    associate: ['web-1', 'batch-1'],
    freeAddresses: 1,
    availableVolumes: [
      { name: 'scratch-old', size: 50, encrypted: false },
      { name: 'restore-test', size: 20, encrypted: true },
    ],
  },
  {
    region: 'eu-west-1',
    instances: [
      {
        name: 'app-eu-1',
        type: 't3.medium',
        state: 'running',
        tags: { env: 'prod', team: 'web' },
      },
      {
        name: 'app-eu-2',
        type: 't3.medium',
        state: 'stopped',
        tags: { env: 'prod', team: 'web' },
      },
    ],
    associate: ['app-eu-1'],
    freeAddresses: 1,
    availableVolumes: [{ name: 'eu-scratch', size: 30, encrypted: false }],
  },
];

const PROD_PLANS: readonly RegionPlan[] = [
  {
    region: 'us-east-1',
    instances: [
      {
        name: 'prod-api-1',
        type: 'm5.xlarge',
        state: 'running',
        tags: { env: 'prod', team: 'api' },
      },
      {
        name: 'prod-api-2',
        type: 'm5.xlarge',
        state: 'running',
        tags: { env: 'prod', team: 'api' },
      },
    ],
    associate: ['prod-api-1'],
    freeAddresses: 0,
    availableVolumes: [],
  },
];

function stateSetter(endpoint: string, accountId: string, region: string) {
  return async (instanceId: string, state: string) => {
    const response = await fetch(`${endpoint}/_lab/ec2/instance-state`, {
      method: 'POST',
      body: JSON.stringify({ accountId, region, instanceId, state }),
    });
    if (!response.ok)
      throw new Error(
        `lab could not set ${instanceId} to ${state}: ${await response.text()}`,
      );
  };
}

export async function seedLabAccounts(options: {
  endpoint: string;
  credentials: AwsCredentialIdentity;
}): Promise<void> {
  const { endpoint, credentials } = options;
  const sts = new STSClient({ region: 'us-east-1', endpoint, credentials });
  const assumed = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${LAB_PROD_ACCOUNT}:role/ops`,
      RoleSessionName: 'lab-seed',
    }),
  );
  sts.destroy();
  const prodCredentials: AwsCredentialIdentity = {
    accessKeyId: assumed.Credentials?.AccessKeyId ?? '',
    secretAccessKey: assumed.Credentials?.SecretAccessKey ?? '',
    sessionToken: assumed.Credentials?.SessionToken ?? '',
  };
  await Promise.all([
    ...MAIN_PLANS.map((plan) =>
      seedEc2Region({
        endpoint,
        credentials,
        plan,
        setState: stateSetter(endpoint, LAB_ACCOUNT, plan.region),
      }),
    ),
    ...PROD_PLANS.map((plan) =>
      seedEc2Region({
        endpoint,
        credentials: prodCredentials,
        plan,
        setState: stateSetter(endpoint, LAB_PROD_ACCOUNT, plan.region),
      }),
    ),
    seedS3({ endpoint, credentials }),
  ]);
}
