/**
 * Requests to S3 signed here with the SDK's own SigV4 signer and sent on a
 * kept-alive agent, for the three that a sync sends by the thousand (a GET or
 * a PUT of a small object, a CopyObject). The SDK's middleware costs several ms of CPU
 * per request on top of the request itself (2.5 ms measured on a small GET):
 * on a jump host's small CPU, most of a sync's time. Nothing here explains
 * errors or retries: anything not plain (an endpoint setting not handled, a
 * redirect, an error status) gives undefined, and the caller asks the SDK,
 * which does both.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { S3Client } from '@aws-sdk/client-s3';
import { plainExchange, type ExchangeTarget } from '../plain-exchange.js';
import { createS3Signer, uriEscape } from './sigv4.js';

export interface DirectS3 {
  /**
   * The body of a 200 answer; undefined for anything else (the SDK's turn).
   * A request body is signed (x-amz-content-sha256 of its bytes), so S3
   * refuses it unless every byte arrived as sent. Key '' is the bucket.
   */
  send(
    method: 'GET' | 'PUT',
    bucket: string,
    key: string,
    headers: Readonly<Record<string, string>>,
    signal: AbortSignal,
    extra?: {
      readonly body?: Buffer;
      readonly query?: Readonly<Record<string, string>>;
    },
  ): Promise<Buffer[] | undefined>;
  close(): void;
}

/** RFC 3986 for each segment, slashes kept: the path S3 signs. */
function objectPath(key: string): string {
  return key.split('/').map(uriEscape).join('/');
}

const DNS_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** Undefined when the client's settings are ones only the SDK handles. */
export async function createDirectS3(
  client: S3Client,
): Promise<DirectS3 | undefined> {
  const config = client.config;
  if (
    config.useAccelerateEndpoint ||
    (await config.useFipsEndpoint()) ||
    (await config.useDualstackEndpoint())
  )
    return undefined;
  const region = await config.region();
  const custom = config.isCustomEndpoint
    ? await config.endpoint?.()
    : undefined;
  if (config.isCustomEndpoint && (!custom || !config.forcePathStyle))
    return undefined;
  // Other partitions have other domains; the SDK knows them.
  if (!custom && !/^(us|eu|ap|ca|sa|me|af|il|mx)-[a-z]+-\d$/.test(region))
    return undefined;
  const signer = createS3Signer(region, config.credentials, true);
  const secure = custom ? custom.protocol === 'https:' : true;
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 64 })
    : new HttpAgent({ keepAlive: true, maxSockets: 64 });

  const targetOf = (
    bucket: string,
    key: string,
  ): ExchangeTarget | undefined => {
    if (custom)
      return {
        https: secure,
        hostname: custom.hostname,
        port: custom.port,
        path: `${custom.path.replace(/\/$/, '')}/${bucket}/${objectPath(key)}`,
      };
    if (!DNS_BUCKET.test(bucket)) return undefined;
    return {
      https: true,
      hostname: `${bucket}.s3.${region}.amazonaws.com`,
      port: undefined,
      path: `/${objectPath(key)}`,
    };
  };

  return {
    async send(method, bucket, key, headers, signal, extra = {}) {
      const { body, query = {} } = extra;
      const found = targetOf(bucket, key);
      if (!found) return undefined;
      // Sent as signed: names sorted, names and values RFC 3986-escaped.
      const search = Object.keys(query)
        .sort()
        .map((name) => `${uriEscape(name)}=${uriEscape(query[name] ?? '')}`)
        .join('&');
      const target = {
        ...found,
        path: search === '' ? found.path : `${found.path}?${search}`,
      };
      const host =
        target.port === undefined
          ? target.hostname
          : `${target.hostname}:${target.port}`;
      const signed = await signer.sign(
        {
          method,
          protocol: target.https ? 'https:' : 'http:',
          hostname: target.hostname,
          ...(target.port === undefined ? {} : { port: target.port }),
          path: found.path,
          query: { ...query },
          headers: { ...headers, host },
          ...(body === undefined ? {} : { body }),
        },
        {
          signingDate: new Date(Date.now() + (config.systemClockOffset ?? 0)),
        },
      );
      return plainExchange(method, target, signed.headers, agent, signal, body);
    },
    close() {
      agent.destroy();
    },
  };
}
