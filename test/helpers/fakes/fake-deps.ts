/**
 * A console wired to in-memory services: sessions whose identity and regions
 * depend on the profile and region, so tests can tell which session answered.
 */
import {
  createFakeSnapshotAll,
  type FakeSnapshotAll,
} from './fake-snapshot-all.js';
import type {
  SesService,
  SmtpCredentials,
} from '../../../source/aws/ses/smtp-credentials.js';
import type { AppDeps } from '../../../hooks/context/app-context.js';
import type { CallerIdentity } from '../../../source/aws/identity.js';
import type { ProfileRow } from '../../../source/aws/profiles.js';
import type { RegionList, RegionRow } from '../../../source/aws/regions.js';
import { defaultConfig } from '../../../source/config/defaults.js';
import type { Config } from '../../../source/config/schema.js';
import { createEventLog } from '../../../source/events/event-log.js';
import { createInFlight } from '../../../source/jobs/in-flight.js';
import { createJobRunner } from '../../../source/jobs/job-runner.js';
import { keymap } from '../../../source/keymap/index.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';
import type { Session } from '../../../source/session/session.js';
import { createFakeEc2, type FakeEc2 } from './fake-ec2.js';
import {
  createFakeSecurityGroups,
  type FakeSecurityGroups,
} from './fake-security-groups.js';
import { createFakeFailover, type FakeFailover } from './fake-failover.js';
import { createFakeS3, type FakeS3 } from './fake-s3.js';
import { createFakeS3Jobs, type FakeS3Jobs } from './fake-s3-jobs.js';
import { createFakeEbsCopy, type FakeEbsCopy } from './fake-ebs-copy.js';
import { createFakeMysql, type FakeMysql } from './fake-mysql.js';
import { createFakeRootReset, type FakeRootReset } from './fake-root-reset.js';
import { createRootResetService } from '../../../source/wizards/root-reset/console-service.js';
import { createEbsCopyService } from '../../../source/wizards/ebs-copy/console-service.js';
import {
  resolveStartSettings,
  type SessionSettings,
  type SettingsInputs,
} from '../../../source/session/session-settings.js';

const ACCOUNTS: Record<string, string> = {
  dev: '111111111111',
  prod: '222222222222',
};

export interface FakeOptions {
  readonly profile?: string;
  readonly region?: string;
  readonly config?: Config;
  readonly configProblems?: string[];
  readonly readOnly?: boolean;
  readonly profiles?: ProfileRow[];
  /** Replaces the identity answer; throw to simulate a credentials problem. */
  readonly whoAmI?: (settings: SessionSettings) => Promise<CallerIdentity>;
  /** Delays the region list, to catch a switch while a fetch is in flight. */
  readonly regionDelayMs?: (settings: SessionSettings) => number;
  /** The EC2 every session of this console sees. */
  readonly ec2?: FakeEc2;
  readonly securityGroups?: FakeSecurityGroups;
  /** The environment the console sees (SSH_CLIENT for lock SSH). */
  readonly env?: NodeJS.ProcessEnv;
  /** The region-copy engine every session sees. */
  readonly ebsCopy?: FakeEbsCopy;
  /** The S3 every session sees. */
  readonly s3?: FakeS3;
  /** Copies handed to AWS that every session sees. */
  readonly s3Jobs?: FakeS3Jobs;
  /** The MySQL connections every session sees. */
  readonly mysql?: FakeMysql;
  /** The root-password reset engine every session sees. */
  readonly rootReset?: FakeRootReset;
  /** The failover pairs' pictures every session sees. */
  readonly failover?: FakeFailover;
  /** SES SMTP credentials every session derives. */
  readonly ses?: SesService;
  /** snapshot-all (N with retention) every session runs. */
  readonly snapshotAll?: FakeSnapshotAll;
}

/** SMTP credentials as the derivation would give them (made-up key). */
export const FAKE_SMTP: SmtpCredentials = {
  region: 'eu-west-1',
  endpoint: 'email-smtp.eu-west-1.amazonaws.com',
  user: 'AKIAFAKEEXAMPLE00001',
  password: 'BPfakeSmtpPasswordDerivedForEuWest1xxxxxxxxxx',
  quota: { max24HourSend: 200, sentLast24Hours: 0, maxSendRate: 1 },
  quotaNote: undefined,
};

/** Region rows name their session, so a stale row is recognisable. */
function regionRows(settings: SessionSettings): RegionRow[] {
  return ['eu-west-1', 'us-east-1', 'us-west-2'].map((code) => ({
    code,
    name: `${settings.profile ?? 'default'}@${settings.region}`,
    optIn: 'opt-in-not-required',
    endpoint: `ec2.${code}.amazonaws.com`,
  }));
}

export function fakeDeps(options: FakeOptions = {}): AppDeps & {
  sessions: Session[];
  closed: number[];
  ec2: FakeEc2;
  ebsCopy: FakeEbsCopy;
  s3: FakeS3;
  s3Jobs: FakeS3Jobs;
  mysql: FakeMysql;
  rootReset: FakeRootReset;
  snapshotAll: FakeSnapshotAll;
  terminalRuns: string[];
} {
  const snapshotAll = options.snapshotAll ?? createFakeSnapshotAll();
  const ec2 = options.ec2 ?? createFakeEc2();
  const securityGroups = options.securityGroups ?? createFakeSecurityGroups([]);
  const ebsCopy = options.ebsCopy ?? createFakeEbsCopy();
  const s3 = options.s3 ?? createFakeS3();
  const s3Jobs = options.s3Jobs ?? createFakeS3Jobs();
  const mysql = options.mysql ?? createFakeMysql();
  const rootReset = options.rootReset ?? createFakeRootReset();
  // Run-wide, like the real one: a profile switch keeps the wizard.
  const rootResetService = createRootResetService({
    loadEngine: () => Promise.resolve(rootReset.engine),
  });
  const events = createEventLog();
  const config = options.config ?? defaultConfig();
  const sessions: Session[] = [];
  const closed: number[] = [];
  const terminalRuns: string[] = [];
  const inputs: SettingsInputs = {
    options: {
      profile: options.profile ?? 'dev',
      region: options.region ?? 'us-east-1',
      readOnly: options.readOnly,
    },
    config,
    configBroken: (options.configProblems ?? []).length > 0,
    configPath: '/home/ops/.config/opsdeck/config.yaml',
    env: {},
    awsRegionOf: (profile) => (profile === 'prod' ? 'eu-west-1' : undefined),
  };
  let nextId = 1;
  const deps = {
    keymap,
    events,
    jobs: createJobRunner({ batchMs: 0 }),
    inFlight: createInFlight(),
    profiles: {
      listProfiles: () =>
        Promise.resolve(
          options.profiles ?? [
            {
              name: 'dev',
              kind: 'keys' as const,
              region: 'us-east-1',
              source: 'access keys',
              files: 'credentials',
            },
            {
              name: 'prod',
              kind: 'role' as const,
              region: 'eu-west-1',
              source: 'arn:aws:iam::222222222222:role/ops via dev',
              files: 'config',
            },
          ],
        ),
    },
    config: {
      path: inputs.configPath,
      config,
      problems: options.configProblems ?? [],
      exists: true,
    },
    env: options.env ?? { AWS_EC2_METADATA_DISABLED: 'true' },
    initialSettings: resolveStartSettings(inputs),
    settingsInputs: inputs,
    sessions,
    closed,
    ec2,
    ebsCopy,
    s3,
    s3Jobs,
    mysql,
    rootReset,
    snapshotAll,
    terminalRuns,
    // ssh is recorded, not run; the key of the fake instances exists.
    runInTerminal: (command: string, args: readonly string[]) => (
      terminalRuns.push([command, ...args].join(' ')),
      0
    ),
    home: '/home/ops',
    fileExists: (path: string) => path === '/home/ops/.ssh/ops-key.pem',
    openSession(settings: SessionSettings): Session {
      let isClosed = false;
      const id = nextId++;
      const guard = createWriteGuard(
        settings.readOnly,
        settings.readOnlyReason,
      );
      const session: Session = {
        id,
        settings,
        guard,
        services: {
          identity: {
            whoAmI: () =>
              options.whoAmI
                ? options.whoAmI(settings)
                : Promise.resolve({
                    account:
                      ACCOUNTS[settings.profile ?? 'dev'] ?? '000000000000',
                    arn: `arn:aws:iam::${ACCOUNTS[settings.profile ?? 'dev'] ?? '0'}:user/${settings.profile ?? 'dev'}-ops`,
                    userId: 'AIDAFAKE',
                  }),
          },
          regions: {
            listRegions: (signal?: AbortSignal) =>
              new Promise<RegionList>((resolve, reject) => {
                const timer = setTimeout(
                  () =>
                    isClosed
                      ? reject(new Error('session closed'))
                      : resolve({ rows: regionRows(settings) }),
                  options.regionDelayMs?.(settings) ?? 0,
                );
                signal?.addEventListener('abort', () => {
                  clearTimeout(timer);
                  reject(
                    Object.assign(new Error('aborted'), { name: 'AbortError' }),
                  );
                });
              }),
          },
          instances: ec2.instances,
          addresses: ec2.addresses,
          failover: (options.failover ?? createFakeFailover()).service,
          volumes: ec2.volumes,
          snapshots: ec2.snapshots,
          securityGroups: securityGroups.service,
          s3: s3.s3,
          s3Transfers: s3.transfers,
          s3Jobs: s3Jobs.service(guard),
          mysql: mysql.connections,
          rootReset: rootResetService,
          snapshotAll: snapshotAll.service,
          ses: options.ses ?? {
            smtpCredentials: () => Promise.resolve(FAKE_SMTP),
          },
          ebsCopy: createEbsCopyService({
            loadEngine: () => Promise.resolve(ebsCopy),
          }),
        },
        close: () => {
          isClosed = true;
          closed.push(id);
        },
      };
      sessions.push(session);
      return session;
    },
  };
  return deps;
}
