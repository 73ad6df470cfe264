/** The AWS client factory for an s3 subcommand, from the global options and config. */
import type { AwsClientFactory } from '../../aws/client-factory.js';
import { commandClientFactory } from '../../aws/command-factory.js';
import { createS3Service } from '../../aws/s3/s3-service.js';
import type { S3Service } from '../../aws/s3/types.js';
import { stateDir } from '../../config/paths.js';
import type { HandoffSettings } from '../../config/handoff-schema.js';
import type { S3JobsService } from '../../aws/s3jobs/types.js';
import { createWriteGuard } from '../../safety/read-only.js';
import { createIdentityReader } from '../../aws/identity.js';
import { prepareStart, type CliOptions } from '../../session/start.js';
import { join } from 'node:path';

export interface S3Session {
  readonly factory: AwsClientFactory;
  readonly service: S3Service;
  readonly region: string;
  readonly journalDir: string;
  readonly problems: readonly string[];
  /** Writes are refused (and why): commands that only write can say so before any call. */
  readonly readOnly: { readonly readOnly: boolean; readonly reason: string };
  /** The config's `handoff:` block: thresholds and the engines' roles. */
  readonly handoff: HandoffSettings;
  /** Copies handed to AWS's engines, loaded on first use. */
  readonly jobs: () => Promise<S3JobsService>;
  readonly close: () => void;
}

export async function openS3Session(
  options: CliOptions,
  env: NodeJS.ProcessEnv,
): Promise<S3Session> {
  const start = await prepareStart(options, env);
  const settings = start.settings;
  const factory = commandClientFactory(
    start.settings,
    start.config.config.aws.maxAttempts,
  );
  return {
    factory,
    service: createS3Service(factory),
    region: settings.region,
    journalDir: join(stateDir(env), 's3-uploads'),
    problems: start.config.problems,
    readOnly: {
      readOnly: settings.readOnly,
      reason: settings.readOnlyReason,
    },
    handoff: start.config.config.handoff,
    jobs: async () => {
      const { createS3JobsService } =
        await import('../../aws/s3jobs/s3-jobs-service.js');
      const identity = createIdentityReader(factory);
      return createS3JobsService({
        factory,
        guard: createWriteGuard(settings.readOnly, settings.readOnlyReason),
        handoff: start.config.config.handoff,
        accountId: async (signal) => (await identity.whoAmI(signal)).account,
      });
    },
    close: () => factory.destroy(),
  };
}
