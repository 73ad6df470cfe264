import { afterEach, beforeEach, inject, vi } from 'vitest';
import type { LabInfo } from './lab-info.js';

/** The lab part, or undefined with the reason it is missing (for describe.skipIf titles). */
export function labPart<K extends 'moto' | 'mariadb' | 'sshd'>(
  part: K,
): { info: LabInfo[K]; missing: string } {
  const lab = inject('lab');
  const info = lab[part];
  const reason =
    lab.skipped.find((skip) => skip.part === part)?.reason ?? 'not started';
  return { info, missing: info === undefined ? ` (skipped: ${reason})` : '' };
}

/** Points the SDK at the lab's profile files for every test of the file, with no keys from the environment. */
export function useLabProfiles(): void {
  const moto = inject('lab').moto;
  beforeEach(() => {
    vi.stubEnv('AWS_CONFIG_FILE', moto?.awsConfigFile ?? '');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', moto?.awsCredentialsFile ?? '');
    for (const name of [
      'AWS_PROFILE',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
    ])
      vi.stubEnv(name, undefined);
  });
  afterEach(() => vi.unstubAllEnvs());
}
