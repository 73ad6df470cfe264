/** The AWS clients of a subcommand: its profile, region and read-only mode, a log of its own. */
import { createEventLog } from '../events/event-log.js';
import { createWriteGuard } from '../safety/read-only.js';
import {
  createAwsClientFactory,
  type AwsClientFactory,
} from './client-factory.js';

/** What a subcommand's clients are made from: the resolved session settings. */
export interface CommandClientSettings {
  readonly profile?: string | undefined;
  readonly region: string;
  readonly endpoint?: string | undefined;
  readonly readOnly: boolean;
  readonly readOnlyReason: string;
}

export function commandClientFactory(
  settings: CommandClientSettings,
  maxAttempts: number,
): AwsClientFactory {
  return createAwsClientFactory(
    {
      profile: settings.profile,
      region: settings.region,
      endpoint: settings.endpoint,
      maxAttempts,
    },
    {
      guard: createWriteGuard(settings.readOnly, settings.readOnlyReason),
      events: createEventLog(),
    },
  );
}
