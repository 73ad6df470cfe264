/**
 * Profiles from ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE), with the kind of credentials each uses.
 * Secrets are read by the SDK only; nothing here keeps a key.
 */
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export type ProfileKind =
  'sso' | 'role' | 'process' | 'web-identity' | 'keys' | 'config';

export interface ProfileRow {
  readonly name: string;
  readonly kind: ProfileKind;
  readonly region: string;
  /** What it rests on: the SSO start URL, the role ARN, the process, "credentials file". */
  readonly source: string;
  readonly files: string;
}

export interface ProfileLister {
  readonly listProfiles: () => Promise<ProfileRow[]>;
}

type Section = Record<string, string | undefined>;

function kindOf(
  config: Section,
  credentials: Section,
  ssoSessions: Readonly<Record<string, Section | undefined>>,
): { kind: ProfileKind; source: string } {
  const merged = { ...config, ...credentials };
  if (
    merged['sso_session'] !== undefined ||
    merged['sso_start_url'] !== undefined
  ) {
    const session = merged['sso_session'];
    const url =
      merged['sso_start_url'] ??
      (session === undefined
        ? undefined
        : ssoSessions[`sso-session.${session}`]?.['sso_start_url']);
    return { kind: 'sso', source: url ?? `sso-session ${session ?? ''}` };
  }
  if (merged['role_arn'] !== undefined) {
    const via = merged['source_profile'] ?? merged['credential_source'] ?? '';
    return {
      kind: merged['web_identity_token_file'] ? 'web-identity' : 'role',
      source: `${merged['role_arn']}${via ? ` via ${via}` : ''}`,
    };
  }
  if (merged['credential_process'] !== undefined)
    return { kind: 'process', source: 'credential_process' };
  if (merged['web_identity_token_file'] !== undefined)
    return { kind: 'web-identity', source: 'token file' };
  if (merged['aws_access_key_id'] !== undefined)
    return { kind: 'keys', source: 'access keys' };
  return { kind: 'config', source: '' };
}

/** Section keys that are not profiles ([sso-session x], [services x]). */
const NOT_PROFILES = /^(sso-session|services)\./;

export async function listProfiles(): Promise<ProfileRow[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    ignoreCache: true,
  });
  const names = new Set(
    [...Object.keys(configFile), ...Object.keys(credentialsFile)].filter(
      (name) => !NOT_PROFILES.test(name),
    ),
  );
  const rows = [...names].map((name) => {
    const config: Section = configFile[name] ?? {};
    const credentials: Section = credentialsFile[name] ?? {};
    const { kind, source } = kindOf(config, credentials, configFile);
    const files = [
      configFile[name] ? 'config' : '',
      credentialsFile[name] ? 'credentials' : '',
    ]
      .filter(Boolean)
      .join('+');
    return { name, kind, source, region: config['region'] ?? '', files };
  });
  return rows.sort((a, b) =>
    a.name === 'default'
      ? -1
      : b.name === 'default'
        ? 1
        : a.name.localeCompare(b.name),
  );
}

/** Whether ~/.aws/config or ~/.aws/credentials has this profile. */
export async function profileExists(profile: string): Promise<boolean> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    ignoreCache: true,
  });
  return profile in configFile || profile in credentialsFile;
}
