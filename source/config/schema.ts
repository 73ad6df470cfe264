/**
 * The config file, validated. Unknown keys are errors: a typo such as
 * `readonly:` for `readOnly:` must not silently drop a safety setting.
 *
 * zod/mini rather than zod's chained API: the same checks and messages in
 * about a tenth of the code, which every start of the console loads.
 */
import * as z from 'zod/mini';
import { failoverSchema } from './failover-schema.js';
import { DEFAULT_HANDOFF } from './handoff-defaults.js';
import { handoffSchema } from './handoff-schema.js';
import { mysqlSettingsSchema } from './mysql-profile-schema.js';
import { nonEmpty } from './zod-setup.js';

const seconds = z.number().check(z.minimum(0), z.maximum(3600));

const profileSettingsSchema = z.strictObject({
  /** Blocks every write for this profile, like --read-only. */
  readOnly: z.optional(z.boolean()),
  /** Region to open with when this profile is chosen. */
  region: z.optional(nonEmpty()),
});

export const configSchema = z.strictObject({
  defaults: z._default(
    z.strictObject({
      profile: z.optional(nonEmpty()),
      region: z.optional(nonEmpty()),
      pane: z.optional(nonEmpty()),
    }),
    {},
  ),
  ui: z._default(
    z.strictObject({
      ascii: z._default(z.boolean(), false),
      /** Polling while something is changing state, and otherwise; 0 turns polling off. */
      refresh: z._default(
        z.strictObject({
          fast: z._default(seconds, 3),
          slow: z._default(seconds, 60),
        }),
        { fast: 3, slow: 60 },
      ),
    }),
    { ascii: false, refresh: { fast: 3, slow: 60 } },
  ),
  aws: z._default(
    z.strictObject({
      maxAttempts: z._default(z.int().check(z.minimum(1), z.maximum(20)), 5),
    }),
    { maxAttempts: 5 },
  ),
  ec2: z._default(
    z.strictObject({
      /** How `x` connects to an instance. */
      ssh: z._default(
        z.strictObject({
          /** Login name; by default from the AMI family (ubuntu, ec2-user, admin...). */
          user: z.optional(nonEmpty()),
          /** Private key; by default ~/.ssh/<KeyName>.pem when it exists, else ssh's own choice. */
          identityFile: z.optional(nonEmpty()),
          address: z._default(z.enum(['auto', 'public', 'private']), 'auto'),
          /** Extra ssh arguments, e.g. ["-J", "bastion"]. */
          options: z._default(z.array(z.string()), []),
        }),
        { address: 'auto', options: [] },
      ),
      /** "What is my IP" URL for lock SSH off EC2; asked only when the operator chooses it. */
      myIpUrl: z.optional(z.url()),
    }),
    { ssh: { address: 'auto', options: [] } },
  ),
  /** When a bucket copy goes to S3 Batch Operations or DataSync, and their roles. */
  handoff: z._default(handoffSchema, DEFAULT_HANDOFF),
  /** Keep a JSON-lines copy of writes and errors in the state directory. */
  eventFile: z._default(z.boolean(), true),
  profiles: z._default(z.record(z.string(), profileSettingsSchema), {}),
  /** MySQL connection profiles (SSH target, MySQL target, user); no passwords. */
  mysql: z.optional(mysqlSettingsSchema),
  /** Elastic IP failover pairs by name: EIP, active, standby, health check. */
  failover: z.optional(failoverSchema),
});

export type Config = z.infer<typeof configSchema>;
