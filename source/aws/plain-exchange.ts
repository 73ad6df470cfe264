/**
 * One HTTP exchange for the requests opsdeck signs itself (S3's small GETs,
 * PUTs, copies and listings; EC2's instance pages): the body of a 200
 * answer, or undefined for anything else, which the caller leaves to the
 * SDK (it retries and explains). Only the caller's abort rejects.
 */
import { request as httpRequest, type Agent as HttpAgent } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';

export interface ExchangeTarget {
  readonly https: boolean;
  readonly hostname: string;
  readonly port: number | undefined;
  /** The path with its query string, as signed. */
  readonly path: string;
}

export function plainExchange(
  method: string,
  target: ExchangeTarget,
  headers: Record<string, string>,
  agent: HttpAgent | HttpsAgent,
  signal: AbortSignal,
  body?: Buffer | string,
): Promise<Buffer[] | undefined> {
  return new Promise((resolve, reject) => {
    const request = (target.https ? httpsRequest : httpRequest)(
      {
        method,
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        headers,
        agent,
        signal,
      },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          resolve(undefined);
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(chunks));
        response.on('error', () => resolve(undefined));
      },
    );
    request.on('error', (error) => {
      // Cancelled: the caller's abort, not a reason to ask the SDK.
      if (signal.aborted) reject(error);
      else resolve(undefined);
    });
    request.end(body);
  });
}
