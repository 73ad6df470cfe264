/**
 * SES SMTP credentials of the session's access key: the user name is the key
 * ID, the password is derived from the secret for the region. The secret is
 * read from the SDK's provider chain, used for the HMAC and dropped; it is
 * never returned, printed or logged. Temporary credentials are refused: SES
 * SMTP takes only a long-term key of an IAM user.
 */
import type { AwsCredentialIdentity } from '@smithy/types';
import { describeError, UserError } from '../../lib/errors.js';
import type { AwsClientFactory } from '../client-factory.js';
import { sendQuota, type SendQuota } from './send-quota.js';
import {
  checkSmtpRegion,
  smtpEndpoint,
  smtpPassword,
} from './smtp-password.js';

export interface SmtpCredentials {
  readonly region: string;
  readonly endpoint: string;
  readonly user: string;
  readonly password: string;
  /** SES's own answer in the region, when it gave one. */
  readonly quota: SendQuota | undefined;
  /** Why there is no quota, when there is none. */
  readonly quotaNote: string | undefined;
}

/** What the console's :ses view calls. */
export interface SesService {
  readonly smtpCredentials: () => Promise<SmtpCredentials>;
}

async function sessionCredentials(
  factory: AwsClientFactory,
): Promise<AwsCredentialIdentity> {
  const client = await factory.sts();
  try {
    return await client.config.credentials();
  } catch (error) {
    throw new UserError(
      `no AWS credentials for ${factory.settings.profile === undefined ? 'this session' : `profile ${factory.settings.profile}`}: ${describeError(error)}`,
      { hint: 'SES SMTP needs an access key of an IAM user (--profile)' },
    );
  }
}

export async function smtpCredentials(
  factory: AwsClientFactory,
): Promise<SmtpCredentials> {
  const region = checkSmtpRegion(factory.settings.region);
  const credentials = await sessionCredentials(factory);
  if (credentials.sessionToken !== undefined && credentials.sessionToken !== '')
    throw new UserError(
      `the credentials of this session are temporary (key ${credentials.accessKeyId} has a session token): SES SMTP cannot use them`,
      {
        hint: 'use a profile with a long-term access key of an IAM user allowed ses:SendRawEmail (not SSO, assume-role or an instance role)',
      },
    );
  let quota: SendQuota | undefined;
  let quotaNote: string | undefined;
  try {
    quota = await sendQuota(region, credentials, factory.settings.endpoint);
  } catch (error) {
    quotaNote = /AccessDenied/.test(describeError(error))
      ? 'this key may not call ses:GetSendQuota (SMTP needs only ses:SendRawEmail)'
      : `SES did not answer in ${region}: ${describeError(error)}`;
  }
  return {
    region,
    endpoint: smtpEndpoint(region),
    user: credentials.accessKeyId,
    password: smtpPassword(credentials.secretAccessKey, region),
    quota,
    quotaNote,
  };
}
