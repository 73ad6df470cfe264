import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../source/config/defaults.js';
import type { Config } from '../../../source/config/schema.js';
import {
  profileLabel,
  resolveStartSettings,
  switchProfile,
  type SettingsInputs,
} from '../../../source/session/session-settings.js';

function inputs(
  change: Partial<SettingsInputs> = {},
  config: Partial<Config> = {},
): SettingsInputs {
  return {
    options: {},
    config: { ...defaultConfig(), ...config },
    configBroken: false,
    configPath: '/cfg.yaml',
    env: {},
    awsRegionOf: (profile) =>
      ({ prod: 'eu-west-1', default: 'us-west-2' })[profile ?? 'default'],
    ...change,
  };
}

describe('session settings', () => {
  it('takes the flag first, then env, then the profile region, then the default', () => {
    expect(
      resolveStartSettings(
        inputs({
          options: { region: 'ap-south-1' },
          env: { AWS_REGION: 'eu-north-1' },
        }),
      ).region,
    ).toBe('ap-south-1');
    expect(
      resolveStartSettings(inputs({ env: { AWS_REGION: 'eu-north-1' } }))
        .region,
    ).toBe('eu-north-1');
    expect(
      resolveStartSettings(inputs({ env: { AWS_PROFILE: 'prod' } })).region,
    ).toBe('eu-west-1');
    expect(
      resolveStartSettings(inputs({ awsRegionOf: () => undefined })).region,
    ).toBe('us-east-1');
  });

  it('takes the profile from the flag, the config, then AWS_PROFILE', () => {
    expect(
      resolveStartSettings(
        inputs(
          { options: { profile: 'a' }, env: { AWS_PROFILE: 'c' } },
          { defaults: { profile: 'b' } },
        ),
      ).profile,
    ).toBe('a');
    expect(
      resolveStartSettings(
        inputs({ env: { AWS_PROFILE: 'c' } }, { defaults: { profile: 'b' } }),
      ).profile,
    ).toBe('b');
    expect(
      resolveStartSettings(inputs({ env: { AWS_PROFILE: 'c' } })).profile,
    ).toBe('c');
    expect(resolveStartSettings(inputs()).profile).toBeUndefined();
  });

  it('is read-only by flag, by profile in config, and when the config is broken', () => {
    expect(
      resolveStartSettings(inputs({ options: { readOnly: true } })),
    ).toMatchObject({
      readOnly: true,
      readOnlyReason: 'started with --read-only',
    });
    const prod = inputs(
      { options: { profile: 'prod' } },
      { profiles: { prod: { readOnly: true } } },
    );
    expect(resolveStartSettings(prod)).toMatchObject({
      readOnly: true,
      readOnlyReason: 'profile prod is read-only in /cfg.yaml',
    });
    expect(resolveStartSettings(inputs({ configBroken: true })).readOnly).toBe(
      true,
    );
    expect(resolveStartSettings(inputs()).readOnly).toBe(false);
  });

  it('applies profiles.default when no profile is named and the SDK reads the default one', () => {
    const config = { profiles: { default: { readOnly: true } } };
    expect(resolveStartSettings(inputs({}, config))).toMatchObject({
      profile: undefined,
      readOnly: true,
      readOnlyReason: 'profile default is read-only in /cfg.yaml',
    });
    // Keys in the environment are not the default profile.
    expect(
      resolveStartSettings(
        inputs({ env: { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' } }, config),
      ).readOnly,
    ).toBe(false);
    // A named profile has its own settings.
    expect(
      resolveStartSettings(inputs({ options: { profile: 'dev' } }, config))
        .readOnly,
    ).toBe(false);
  });

  it("switching profile takes that profile's region and read-only flag", () => {
    const all = inputs({}, { profiles: { prod: { readOnly: true } } });
    const start = resolveStartSettings(all);
    const next = switchProfile(start, 'prod', all);
    expect(next).toMatchObject({
      profile: 'prod',
      region: 'eu-west-1',
      readOnly: true,
    });
    expect(
      switchProfile(next, 'dev', { ...all, awsRegionOf: () => undefined }),
    ).toMatchObject({ profile: 'dev', region: 'eu-west-1', readOnly: false });
  });

  it('labels the credentials in use', () => {
    expect(profileLabel({ profile: 'prod' }, {})).toBe('prod');
    expect(
      profileLabel({ profile: undefined }, { AWS_ACCESS_KEY_ID: 'AKIA' }),
    ).toBe('env keys');
    expect(profileLabel({ profile: undefined }, {})).toBe('default');
  });
});
