/**
 * SES's GetSendQuota in one region, signed with the session's credentials:
 * that SES answers there, and whether the account is still in its sandbox
 * (200 messages a day). There is no SES client in opsdeck's dependencies and
 * this is the one call it needs, so it is a signed query request.
 */
import type { AwsCredentialIdentity } from '@smithy/types';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../lib/node-sha256.js';

export interface SendQuota {
  readonly max24HourSend: number;
  readonly sentLast24Hours: number;
  readonly maxSendRate: number;
}

export async function sendQuota(
  region: string,
  credentials: AwsCredentialIdentity,
  endpoint: string | undefined,
): Promise<SendQuota> {
  const url = new URL(endpoint ?? `https://email.${region}.amazonaws.com`);
  const body = 'Action=GetSendQuota&Version=2010-12-01';
  const signer = new SignatureV4({
    service: 'ses',
    region,
    credentials,
    sha256: NodeSha256,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port === '' ? {} : { port: Number(url.port) }),
    path: url.pathname,
    headers: {
      host: url.host,
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    },
    body,
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: signed.headers,
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) {
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? '';
    throw Object.assign(
      new Error(`SES answered ${String(response.status)} ${code}`.trim()),
      { code },
    );
  }
  const number = (tag: string) =>
    Number(new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(text)?.[1] ?? 'NaN');
  return {
    max24HourSend: number('Max24HourSend'),
    sentLast24Hours: number('SentLast24Hours'),
    maxSendRate: number('MaxSendRate'),
  };
}
