/** Identities and files for reaching the lab's moto like a real account. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AwsCredentialIdentity } from '@smithy/types';

export const LAB_ACCOUNT = '123456789012';
export const LAB_PROD_ACCOUNT = '210987654321';

/** moto accepts any key; these name the lab's default account. Not secrets. */
export const LAB_CREDENTIALS: AwsCredentialIdentity = {
  accessKeyId: 'AKIALABOPSDECK000001',
  secretAccessKey: 'lab-not-a-secret',
};

export interface LabAwsFiles {
  readonly configFile: string;
  readonly credentialsFile: string;
  readonly opsdeckConfigFile: string;
}

/**
 * Profiles that exercise the credential chain for real: static keys, a second
 * region, an assume-role into another account (read-only in opsdeck's
 * config), and an SSO profile with no token, which must say "aws sso login".
 */
export function writeLabAwsFiles(dir: string): LabAwsFiles {
  const configFile = join(dir, 'aws-config');
  const credentialsFile = join(dir, 'aws-credentials');
  const opsdeckConfigFile = join(dir, 'opsdeck-config.yaml');
  writeFileSync(
    configFile,
    [
      '[profile lab]',
      'region = us-east-1',
      '',
      '[profile lab-eu]',
      'region = eu-west-1',
      '',
      '[profile lab-prod]',
      `role_arn = arn:aws:iam::${LAB_PROD_ACCOUNT}:role/ops`,
      'source_profile = lab',
      'region = us-east-1',
      '',
      '[profile lab-sso]',
      'sso_session = lab-corp',
      `sso_account_id = ${LAB_ACCOUNT}`,
      'sso_role_name = Admin',
      'region = us-east-1',
      '',
      '[sso-session lab-corp]',
      'sso_start_url = https://lab-corp.awsapps.com/start',
      'sso_region = us-east-1',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  const keys = [
    `aws_access_key_id = ${LAB_CREDENTIALS.accessKeyId}`,
    `aws_secret_access_key = ${LAB_CREDENTIALS.secretAccessKey}`,
  ];
  writeFileSync(
    credentialsFile,
    ['[lab]', ...keys, '', '[lab-eu]', ...keys, ''].join('\n'),
    { mode: 0o600 },
  );
  writeFileSync(
    opsdeckConfigFile,
    [
      '# opsdeck config for the local lab',
      'defaults:',
      '  profile: lab',
      'profiles:',
      '  lab-prod:',
      '    readOnly: true',
      '',
    ].join('\n'),
  );
  return { configFile, credentialsFile, opsdeckConfigFile };
}
