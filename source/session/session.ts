/**
 * A session is one profile + region + endpoint with the clients and services
 * built for it. Switching profile or region opens a new session and closes
 * the old one, so nothing from the old account can answer under the new label.
 */
import type { SesService } from '../aws/ses/smtp-credentials.js';
import type { SnapshotAllService } from '../aws/ec2/snapshot-all/snapshot-all.js';
import {
  createAwsClientFactory,
  type AwsClientFactory,
} from '../aws/client-factory.js';
import { createAddressService } from '../aws/ec2/addresses.js';
import {
  createFailoverService,
  type FailoverService,
} from '../failover/console-service.js';
import { historyFile } from '../failover/history.js';
import { createInstanceService } from '../aws/ec2/instances.js';
import type { InstancePageThread } from '../aws/ec2/page-thread/page-thread.js';
import { createSnapshotService } from '../aws/ec2/snapshots.js';
import { createVolumeService } from '../aws/ec2/volumes.js';
import { createSecurityGroupService } from '../aws/ec2/security-groups/security-groups.js';
import type { SecurityGroupService } from '../aws/ec2/security-groups/types.js';
import { createIdentityReader, type IdentityReader } from '../aws/identity.js';
import { createRegionLister, type RegionLister } from '../aws/regions.js';
import type {
  AddressService,
  InstanceService,
  SnapshotService,
  VolumeService,
} from '../aws/ec2/types.js';
import type { EventLog } from '../events/event-log.js';
import type { QueryHistory } from '../mysql/query/query-history.js';
import { createWriteGuard, type WriteGuard } from '../safety/read-only.js';
import { stateDir } from '../config/paths.js';
import {
  createEbsCopyService,
  type EbsCopyService,
} from '../wizards/ebs-copy/console-service.js';
import {
  createJournalStore,
  journalDir,
} from '../wizards/ebs-copy/run/journal.js';
import type { SessionSettings } from './session-settings.js';
import { join } from 'node:path';
import type { S3Service } from '../aws/s3/types.js';
import type { S3JobsService } from '../aws/s3jobs/types.js';
import { DEFAULT_HANDOFF } from '../config/handoff-defaults.js';
import type { HandoffSettings } from '../config/handoff-schema.js';
import { lazyService } from '../lib/lazy-service.js';
import {
  createS3Transfers,
  type S3Transfers,
} from '../s3sync/transfer/console-transfers.js';
import {
  createMysqlConnections,
  type MysqlConnections,
} from './mysql-connections.js';
import {
  createRootResetService,
  type RootResetService,
} from '../wizards/root-reset/console-service.js';

/** What panes may use. Later panes add their services here. */
export interface SessionServices {
  readonly identity: IdentityReader;
  readonly regions: RegionLister;
  readonly instances: InstanceService;
  readonly addresses: AddressService;
  /** Elastic IP failover pairs of the config file: picture, checks, switch. */
  readonly failover: FailoverService;
  readonly volumes: VolumeService;
  readonly snapshots: SnapshotService;
  readonly securityGroups: SecurityGroupService;
  /** The region-copy wizard; its engine (and the SDK it needs) loads on first use. */
  readonly ebsCopy: EbsCopyService;
  readonly s3: S3Service;
  readonly s3Transfers: S3Transfers;
  /** Copies handed to S3 Batch Operations and DataSync. */
  readonly s3Jobs: S3JobsService;
  /** MySQL over SSH: one registry for the whole run, not closed by a switch. */
  readonly mysql: MysqlConnections;
  /** The root-password reset wizard; run-wide like the MySQL connections. */
  readonly rootReset: RootResetService;
  readonly ses: SesService;
  /** `ec2 snapshot-all` for the instances pane's N with retention. */
  readonly snapshotAll: SnapshotAllService;
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
  /** The config's handoff settings: thresholds and the engines' roles. */
  handoff?: HandoffSettings;
  /** Outlives every session; the console closes it on quit. */
  mysql?: MysqlConnections;
  /** Outlives every session too; the console closes its SSH session on quit. */
  rootReset?: RootResetService;
  /** The console's instance-page worker (subcommands fetch on their thread). */
  instancePages?: InstancePageThread;
}): OpenSession {
  const mysql = deps.mysql ?? openMysqlConnections(deps.events);
  const rootReset = deps.rootReset ?? openRootReset();
  return (settings) => {
    const guard = createWriteGuard(settings.readOnly, settings.readOnlyReason);
    // The MySQL connections outlive the session; their guard follows this one.
    mysql.followReadOnly(settings.readOnly, settings.readOnlyReason);
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
        instances: createInstanceService(
          factory,
          deps.instancePages === undefined
            ? {}
            : { pageThread: deps.instancePages },
        ),
        addresses: createAddressService(factory),
        failover: createFailoverService(factory, historyFile(stateDir())),
        volumes: createVolumeService(factory),
        snapshots: createSnapshotService(factory),
        securityGroups: createSecurityGroupService(factory),
        ebsCopy: ebsCopyService(factory),
        s3: lazyService(async () => {
          const { createS3Service } = await import('../aws/s3/s3-service.js');
          return createS3Service(factory);
        }),
        s3Transfers: createS3Transfers(factory, join(stateDir(), 's3-uploads')),
        s3Jobs: lazyService(async () => {
          const { createS3JobsService } =
            await import('../aws/s3jobs/s3-jobs-service.js');
          const identity = createIdentityReader(factory);
          return createS3JobsService({
            factory,
            guard,
            handoff: deps.handoff ?? DEFAULT_HANDOFF,
            accountId: async (signal) =>
              (await identity.whoAmI(signal)).account,
          });
        }),
        mysql,
        rootReset,
        snapshotAll: lazyService(async () => {
          const { snapshotAll } =
            await import('../aws/ec2/snapshot-all/snapshot-all.js');
          return { run: (request) => snapshotAll(factory, request) };
        }),
        ses: lazyService(async () => {
          const { smtpCredentials } =
            await import('../aws/ses/smtp-credentials.js');
          return { smtpCredentials: () => smtpCredentials(factory) };
        }),
      },
      close: () => factory.destroy(),
    };
  };
}

function ebsCopyService(factory: AwsClientFactory): EbsCopyService {
  const journals = createJournalStore(journalDir(stateDir()));
  return createEbsCopyService({
    loadEngine: async () => {
      const { createEbsCopyEngine } =
        await import('../wizards/ebs-copy/engine.js');
      return createEbsCopyEngine({ factory, journals });
    },
    listRuns: () => journals.list(),
  });
}

/** The reset wizard on its real engine, which loads ssh2 and mysql2 on first use. */
export function openRootReset(): RootResetService {
  return createRootResetService({
    loadEngine: async () => {
      const { createRootResetEngine } =
        await import('../wizards/root-reset/engine.js');
      return createRootResetEngine();
    },
  });
}

/**
 * Real MySQL connections: ssh2 and mysql2 load on the first open. The query
 * history is one file per connection in the state directory.
 * OPSDECK_SSH_KNOWN_HOSTS names the known_hosts file to use instead of
 * ~/.ssh/known_hosts (the demo points it at the lab's).
 */
export function openMysqlConnections(
  events: EventLog,
  env: NodeJS.ProcessEnv = process.env,
): MysqlConnections {
  return createMysqlConnections({
    events,
    history: (name) =>
      lazyHistory(
        join(
          stateDir(env),
          'mysql-history',
          `${name.replace(/[^A-Za-z0-9_.@-]/g, '_')}.jsonl`,
        ),
      ),
    async create({ profile, prompts, guard, history }) {
      const [services, profiles] = await Promise.all([
        import('../mysql/mysql-services.js'),
        import('../mysql/connection-profile.js'),
      ]);
      const knownHosts = env['OPSDECK_SSH_KNOWN_HOSTS'];
      return services.createMysqlServices({
        ssh: profiles.sshTargetOf(profile),
        mysql: profiles.mysqlTargetOf(profile),
        prompts,
        guard,
        events,
        history,
        environment: {
          ...services.defaultSshEnvironment(env),
          ...(knownHosts ? { knownHostsFiles: [knownHosts] } : {}),
        },
      });
    },
  });
}

function lazyHistory(file: string): QueryHistory {
  let loading: Promise<QueryHistory> | undefined;
  let history: QueryHistory | undefined;
  // Read from the file once, before the first entry is added.
  const load = () =>
    (loading ??= import('../mysql/query/query-history.js').then(
      async ({ createQueryHistory }) => {
        const created = createQueryHistory({ file });
        await created.load().catch(() => []);
        history = created;
        return created;
      },
    ));
  return {
    entries: () => history?.entries() ?? [],
    load: async () => (await load()).entries(),
    add: async (sql) => (await load()).add(sql),
  };
}
