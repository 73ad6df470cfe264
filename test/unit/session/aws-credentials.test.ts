import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AwsError, toAwsError } from '../../../source/aws/aws-errors.js';
import { createAwsClientFactory } from '../../../source/aws/client-factory.js';
import { createIdentityReader } from '../../../source/aws/identity.js';
import { listProfiles } from '../../../source/aws/profiles.js';
import { createEventLog } from '../../../source/events/event-log.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';

function awsFiles(config: string, credentials = ''): void {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-aws-'));
  writeFileSync(join(dir, 'config'), config);
  writeFileSync(join(dir, 'credentials'), credentials);
  vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
  vi.stubEnv('HOME', dir);
}

function identityFor(profile: string | undefined) {
  const factory = createAwsClientFactory(
    {
      profile,
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      maxAttempts: 1,
    },
    { guard: createWriteGuard(false), events: createEventLog() },
  );
  return { reader: createIdentityReader(factory), factory };
}

describe('credential problems, through the real SDK provider chain', () => {
  beforeEach(() => {
    for (const name of [
      'AWS_PROFILE',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
      'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    ])
      vi.stubEnv(name, undefined);
    // No instance metadata here; do not wait for it.
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('says which aws sso login to run when the SSO token is missing', async () => {
    awsFiles(
      '[profile corp]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\nregion = us-east-1\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n',
    );
    const { reader, factory } = identityFor('corp');
    const error = await reader.whoAmI().catch((caught: unknown) => caught);
    factory.destroy();
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({
      kind: 'sso-login',
      message: 'SSO session for profile corp is missing or expired',
      hint: 'run: aws sso login --profile corp',
    });
  });

  it('explains how to configure when there are no credentials at all', async () => {
    awsFiles('');
    const { reader, factory } = identityFor(undefined);
    const error = await reader.whoAmI().catch((caught: unknown) => caught);
    factory.destroy();
    expect(error).toMatchObject({
      kind: 'no-credentials',
      message: 'no AWS credentials found',
    });
  });

  it('says when a profile does not exist', async () => {
    awsFiles('[profile dev]\nregion = us-east-1\n');
    const { reader, factory } = identityFor('nope');
    const error = await reader.whoAmI().catch((caught: unknown) => caught);
    factory.destroy();
    expect(error).toMatchObject({ kind: 'no-credentials' });
    expect((error as Error).message).toMatch(/nope/);
  });

  it('says the endpoint cannot be reached', async () => {
    awsFiles(
      '',
      '[default]\naws_access_key_id = AKIAX\naws_secret_access_key = y\n',
    );
    const { reader, factory } = identityFor(undefined);
    const error = await reader.whoAmI().catch((caught: unknown) => caught);
    factory.destroy();
    expect(error).toMatchObject({
      kind: 'unreachable',
      message: 'cannot reach http://127.0.0.1:9 (ECONNREFUSED)',
    });
  });
});

describe('AWS error messages', () => {
  const error = (name: string, message = 'x') =>
    Object.assign(new Error(message), { name });

  it('names the permission that is missing', () => {
    expect(
      toAwsError(error('UnauthorizedOperation'), {
        profile: 'prod',
        action: 'ec2:StopInstances',
      }),
    ).toMatchObject({
      kind: 'denied',
      message: 'permission denied for ec2:StopInstances',
      hint: 'grant ec2:StopInstances to the identity of profile prod',
    });
  });

  it('recognises expired and rejected credentials and throttling', () => {
    expect(
      toAwsError(error('ExpiredToken'), { profile: 'prod' }),
    ).toMatchObject({ kind: 'expired' });
    expect(
      toAwsError(error('AuthFailure'), { profile: undefined }),
    ).toMatchObject({ kind: 'rejected' });
    expect(
      toAwsError(error('RequestLimitExceeded'), {
        profile: undefined,
        action: 'ec2:DescribeInstances',
      }),
    ).toMatchObject({ kind: 'throttled' });
  });

  it('keeps the service message for anything else', () => {
    expect(
      toAwsError(
        error('IncorrectInstanceState', 'The instance is not stopped'),
        { profile: undefined, action: 'ec2:StartInstances' },
      ).message,
    ).toBe(
      'ec2:StartInstances failed: IncorrectInstanceState: The instance is not stopped',
    );
  });
});

describe('profiles', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('lists profiles from both files with their kind, and never their keys', async () => {
    awsFiles(
      '[default]\nregion = eu-west-1\n[profile prod]\nsso_session = corp\nregion = us-east-1\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n[profile staging]\nrole_arn = arn:aws:iam::222:role/ops\nsource_profile = default\n[profile tool]\ncredential_process = /usr/bin/get-creds\n[services local]\nec2 =\n  endpoint_url = http://x\n',
      '[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s3cr3t\n[ci]\naws_access_key_id = AKIACI\naws_secret_access_key = s3cr3t\n',
    );
    const rows = await listProfiles();
    expect(
      rows.map((row) => [row.name, row.kind, row.region, row.source]),
    ).toEqual([
      ['default', 'keys', 'eu-west-1', 'access keys'],
      ['ci', 'keys', '', 'access keys'],
      ['prod', 'sso', 'us-east-1', 'https://corp.awsapps.com/start'],
      ['staging', 'role', '', 'arn:aws:iam::222:role/ops via default'],
      ['tool', 'process', '', 'credential_process'],
    ]);
    expect(JSON.stringify(rows)).not.toContain('s3cr3t');
    expect(JSON.stringify(rows)).not.toContain('AKIADEFAULT');
  });
});
