/** The AWS clients of a subcommand: the start's profile, region and read-only mode, a log of its own. */
import { createEventLog } from '../events/event-log.js';
import { createWriteGuard } from '../safety/read-only.js';
import type { Start } from '../start.js';
import {
  createAwsClientFactory,
  type AwsClientFactory,
} from './client-factory.js';

export function commandClientFactory(start: Start): AwsClientFactory {
  const { settings } = start;
  return createAwsClientFactory(
    {
      profile: settings.profile,
      region: settings.region,
      endpoint: settings.endpoint,
      maxAttempts: start.config.config.aws.maxAttempts,
    },
    {
      guard: createWriteGuard(settings.readOnly, settings.readOnlyReason),
      events: createEventLog(),
    },
  );
}
