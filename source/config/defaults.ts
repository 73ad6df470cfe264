import { DEFAULT_HANDOFF } from './handoff-defaults.js';
import type { Config } from './schema.js';

/** What an absent config file means; a test keeps it equal to the schema's defaults. */
export function defaultConfig(): Config {
  return {
    defaults: {},
    ui: { ascii: false, refresh: { fast: 3, slow: 60 } },
    aws: { maxAttempts: 5 },
    ec2: { ssh: { address: 'auto', options: [] } },
    handoff: { ...DEFAULT_HANDOFF },
    eventFile: true,
    profiles: {},
  };
}
