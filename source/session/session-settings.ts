/**
 * Which profile, region and read-only state a session starts with. Pure:
 * every input is passed in, so the precedence is tested without a machine.
 */
import type { Config } from '../config/schema.js';

export interface SessionSettings {
  /** Undefined lets the SDK pick (AWS_PROFILE, env keys, default). */
  readonly profile: string | undefined;
  readonly region: string;
  readonly endpoint: string | undefined;
  readonly readOnly: boolean;
  /** Why writes are blocked, shown with every refusal. */
  readonly readOnlyReason: string;
}

export interface StartOptions {
  readonly profile?: string | undefined;
  readonly region?: string | undefined;
  readonly endpointUrl?: string | undefined;
  readonly readOnly?: boolean | undefined;
}

export interface SettingsInputs {
  readonly options: StartOptions;
  readonly config: Config;
  /** True when the config file is broken: the safe default is read-only. */
  readonly configBroken: boolean;
  readonly configPath: string;
  readonly env: NodeJS.ProcessEnv;
  /** Region that ~/.aws/config sets for a profile. */
  readonly awsRegionOf: (profile: string | undefined) => string | undefined;
}

const FALLBACK_REGION = 'us-east-1';

export function resolveStartSettings(inputs: SettingsInputs): SessionSettings {
  const { options, config, env } = inputs;
  const profile =
    options.profile ?? config.defaults.profile ?? nonEmpty(env['AWS_PROFILE']);
  const settingsOf = effectiveProfile(profile, env);
  const region =
    options.region ??
    nonEmpty(env['AWS_REGION']) ??
    nonEmpty(env['AWS_DEFAULT_REGION']) ??
    (settingsOf === undefined
      ? undefined
      : config.profiles[settingsOf]?.region) ??
    inputs.awsRegionOf(profile) ??
    config.defaults.region ??
    FALLBACK_REGION;
  return {
    profile,
    region,
    endpoint: options.endpointUrl,
    ...readOnlyFor(settingsOf, inputs),
  };
}

/**
 * The profile whose settings apply: the one named, else `default` when the
 * SDK's chain will read it (no keys in the environment). `profiles.default`
 * must hold without --profile as it holds with it.
 */
function effectiveProfile(
  profile: string | undefined,
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (profile !== undefined) return profile;
  return nonEmpty(env['AWS_ACCESS_KEY_ID']) ? undefined : 'default';
}

/** Settings after the user picked another profile: its region, its read-only flag. */
export function switchProfile(
  current: SessionSettings,
  profile: string,
  inputs: SettingsInputs,
): SessionSettings {
  const region =
    inputs.config.profiles[profile]?.region ??
    inputs.awsRegionOf(profile) ??
    current.region;
  return { ...current, profile, region, ...readOnlyFor(profile, inputs) };
}

function readOnlyFor(
  profile: string | undefined,
  inputs: SettingsInputs,
): Pick<SessionSettings, 'readOnly' | 'readOnlyReason'> {
  if (inputs.options.readOnly === true)
    return { readOnly: true, readOnlyReason: 'started with --read-only' };
  if (inputs.configBroken) {
    return {
      readOnly: true,
      readOnlyReason: `${inputs.configPath} has errors; writes stay blocked until it is fixed`,
    };
  }
  if (
    profile !== undefined &&
    inputs.config.profiles[profile]?.readOnly === true
  ) {
    return {
      readOnly: true,
      readOnlyReason: `profile ${profile} is read-only in ${inputs.configPath}`,
    };
  }
  return { readOnly: false, readOnlyReason: '' };
}

/** What the header calls the credentials in use. */
export function profileLabel(
  settings: Pick<SessionSettings, 'profile'>,
  env: NodeJS.ProcessEnv,
): string {
  if (settings.profile !== undefined) return settings.profile;
  if (nonEmpty(env['AWS_ACCESS_KEY_ID'])) return 'env keys';
  return 'default';
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
