/**
 * The config file, validated. Unknown keys are errors: a typo such as
 * `readonly:` for `readOnly:` must not silently drop a safety setting.
 */
import { z } from 'zod';
import { failoverSchema } from './failover-schema.js';
import { DEFAULT_HANDOFF, handoffSchema } from './handoff-schema.js';
import { mysqlSettingsSchema } from './mysql-profile-schema.js';

const seconds = z.number().min(0).max(3600);

const profileSettingsSchema = z.strictObject({
  /** Blocks every write for this profile, like --read-only. */
  readOnly: z.boolean().optional(),
  /** Region to open with when this profile is chosen. */
  region: z.string().min(1).optional(),
});

export const configSchema = z.strictObject({
  defaults: z
    .strictObject({
      profile: z.string().min(1).optional(),
      region: z.string().min(1).optional(),
      pane: z.string().min(1).optional(),
    })
    .default({}),
  ui: z
    .strictObject({
      ascii: z.boolean().default(false),
      /** Polling while something is changing state, and otherwise; 0 turns polling off. */
      refresh: z
        .strictObject({ fast: seconds.default(3), slow: seconds.default(60) })
        .default({ fast: 3, slow: 60 }),
    })
    .default({ ascii: false, refresh: { fast: 3, slow: 60 } }),
  aws: z
    .strictObject({
      maxAttempts: z.number().int().min(1).max(20).default(5),
    })
    .default({ maxAttempts: 5 }),
  ec2: z
    .strictObject({
      /** How `x` connects to an instance. */
      ssh: z
        .strictObject({
          /** Login name; by default from the AMI family (ubuntu, ec2-user, admin...). */
          user: z.string().min(1).optional(),
          /** Private key; by default ~/.ssh/<KeyName>.pem when it exists, else ssh's own choice. */
          identityFile: z.string().min(1).optional(),
          address: z.enum(['auto', 'public', 'private']).default('auto'),
          /** Extra ssh arguments, e.g. ["-J", "bastion"]. */
          options: z.array(z.string()).default([]),
        })
        .default({ address: 'auto', options: [] }),
      /** "What is my IP" URL for lock SSH off EC2; asked only when the operator chooses it. */
      myIpUrl: z.url().optional(),
    })
    .default({ ssh: { address: 'auto', options: [] } }),
  /** When a bucket copy goes to S3 Batch Operations or DataSync, and their roles. */
  handoff: handoffSchema.default(DEFAULT_HANDOFF),
  /** Keep a JSON-lines copy of writes and errors in the state directory. */
  eventFile: z.boolean().default(true),
  profiles: z.record(z.string(), profileSettingsSchema).default({}),
  /** MySQL connection profiles (SSH target, MySQL target, user); no passwords. */
  mysql: mysqlSettingsSchema.optional(),
  /** Elastic IP failover pairs by name: EIP, active, standby, health check. */
  failover: failoverSchema.optional(),
});

export type Config = z.infer<typeof configSchema>;
