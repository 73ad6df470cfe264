/** What an eip subcommand works with: the pair (if any), its region and profile, clients and services. */
import type { AwsClientFactory } from '../../aws/client-factory.js';
import { commandClientFactory } from '../../aws/command-factory.js';
import { createAddressService } from '../../aws/ec2/addresses.js';
import {
  createEipPairReader,
  type EipPairReader,
} from '../../aws/ec2/eip-pairs.js';
import type { AddressService } from '../../aws/ec2/types.js';
import type { FailoverPair } from '../../config/failover-schema.js';
import { stateDir } from '../../config/paths.js';
import { historyFile } from '../../failover/history.js';
import { prepareStart, type CliOptions } from '../../session/start.js';

export interface EipSession {
  readonly region: string;
  readonly factory: AwsClientFactory;
  readonly reader: EipPairReader;
  readonly addresses: AddressService;
  readonly historyFile: string;
  readonly readOnly: { readonly readOnly: boolean; readonly reason: string };
  readonly close: () => void;
}

export interface EipConfig {
  readonly pairs: Readonly<Record<string, FailoverPair>>;
  readonly problems: readonly string[];
}

/** The failover pairs of the config file; problems are the file's own. */
export async function loadPairs(
  options: CliOptions,
  env: NodeJS.ProcessEnv,
): Promise<EipConfig> {
  const start = await prepareStart(options, env);
  return {
    pairs: start.config.config.failover ?? {},
    problems: start.config.problems,
  };
}

/** The pair whose EIP is written as `eip` in the config, if one is. */
export function pairOfEip(
  pairs: EipConfig['pairs'],
  addresses: readonly string[],
): [string, FailoverPair] | undefined {
  return Object.entries(pairs).find(([, pair]) => addresses.includes(pair.eip));
}

/** A pair's own region and profile win: they say where its address lives. */
export async function openEipSession(
  options: CliOptions,
  env: NodeJS.ProcessEnv,
  where: {
    readonly region?: string | undefined;
    readonly profile?: string | undefined;
  } = {},
): Promise<EipSession> {
  const start = await prepareStart(
    {
      ...options,
      ...(where.region === undefined ? {} : { region: where.region }),
      ...(where.profile === undefined ? {} : { profile: where.profile }),
    },
    env,
  );
  const factory = commandClientFactory(
    start.settings,
    start.config.config.aws.maxAttempts,
  );
  return {
    region: start.settings.region,
    factory,
    reader: createEipPairReader(factory),
    addresses: createAddressService(factory),
    historyFile: historyFile(stateDir(env)),
    readOnly: {
      readOnly: start.settings.readOnly,
      reason: start.settings.readOnlyReason,
    },
    close: () => factory.destroy(),
  };
}
