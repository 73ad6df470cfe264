/**
 * A session is one profile + region + endpoint with the clients and services
 * built for it. Switching profile or region opens a new session and closes
 * the old one, so nothing from the old account can answer under the new label.
 */
import {
  createAwsClientFactory,
  type AwsClientFactory,
} from './aws/client-factory.js';
import { createIdentityReader, type IdentityReader } from './aws/identity.js';
import { createRegionLister, type RegionLister } from './aws/regions.js';
import type { EventLog } from './events/event-log.js';
import { createWriteGuard, type WriteGuard } from './safety/read-only.js';
import type { SessionSettings } from './session-settings.js';

/** What panes may use. Later panes add their services here. */
export interface SessionServices {
  readonly identity: IdentityReader;
  readonly regions: RegionLister;
}

export interface Session {
  /** Changes with every switch; views are keyed by it. */
  readonly id: number;
  readonly settings: SessionSettings;
  readonly guard: WriteGuard;
  readonly services: SessionServices;
  readonly close: () => void;
}

export type OpenSession = (settings: SessionSettings) => Session;

let nextSessionId = 1;

export function createSessionOpener(deps: {
  events: EventLog;
  maxAttempts?: number;
}): OpenSession {
  return (settings) => {
    const guard = createWriteGuard(settings.readOnly, settings.readOnlyReason);
    const factory: AwsClientFactory = createAwsClientFactory(
      {
        profile: settings.profile,
        region: settings.region,
        endpoint: settings.endpoint,
        ...(deps.maxAttempts === undefined
          ? {}
          : { maxAttempts: deps.maxAttempts }),
      },
      { guard, events: deps.events },
    );
    return {
      id: nextSessionId++,
      settings,
      guard,
      services: {
        identity: createIdentityReader(factory),
        regions: createRegionLister(factory),
      },
      close: () => factory.destroy(),
    };
  };
}
