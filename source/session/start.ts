/**
 * Everything the console or a subcommand needs before it starts: the config
 * file, the AWS shared config, the session settings. No UI here.
 */
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { ParsedIniData } from '@smithy/types';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { configFilePath, stateDir } from '../config/paths.js';
import { DEFAULT_PANE, findPane } from '../shell/pane-catalog.js';
import {
  resolveStartSettings,
  type SessionSettings,
  type SettingsInputs,
  type StartOptions,
} from './session-settings.js';
import { join } from 'node:path';

export interface CliOptions extends StartOptions {
  readonly demo?: boolean;
  readonly ascii?: boolean;
  readonly pane?: string;
  readonly config?: string;
}

export interface Start {
  readonly config: LoadedConfig;
  readonly inputs: SettingsInputs;
  readonly settings: SessionSettings;
  readonly pane: string;
  readonly eventFile: string | undefined;
}

const NO_PROFILES: ParsedIniData = {};

export async function prepareStart(
  options: CliOptions,
  env: NodeJS.ProcessEnv,
): Promise<Start> {
  const configPath = options.config ?? configFilePath(env);
  const config = await loadConfig(configPath);
  const problems = [...config.problems];
  // Unreadable AWS files mean no regions from them; the SDK reports the rest.
  const { configFile } = await loadSharedConfigFiles({
    ignoreCache: true,
  }).catch(() => ({ configFile: NO_PROFILES }));
  const inputs: SettingsInputs = {
    options,
    config: config.config,
    configBroken: problems.length > 0,
    configPath,
    env,
    awsRegionOf: (profile) => {
      const region = configFile[profile ?? 'default']?.['region'];
      return region === '' ? undefined : region;
    },
  };
  let pane = options.pane ?? config.config.defaults.pane ?? DEFAULT_PANE;
  if (!findPane(pane)) {
    problems.push(`${configPath}: defaults.pane: no pane named ${pane}`);
    pane = DEFAULT_PANE;
  }
  return {
    config: { ...config, problems },
    inputs,
    settings: resolveStartSettings(inputs),
    pane: findPane(pane)?.name ?? DEFAULT_PANE,
    eventFile: config.config.eventFile
      ? join(stateDir(env), 'events.log')
      : undefined,
  };
}
