/**
 * Presigned GET URLs. The request is built by the client itself (endpoint,
 * path style, key encoding), captured before it is sent, and signed for the
 * query string with SigV4 by @smithy/signature-v4, the signer the S3 client
 * itself uses (a declared dependency at the version the SDK installs).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { HttpRequest } from '@smithy/types';
import { createS3Signer, uriEscape } from './sigv4.js';

const escape = uriEscape;

export async function presignGetUrl(
  client: S3Client,
  bucket: string,
  key: string,
  expiresSeconds: number,
): Promise<string> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const command = new GetObjectCommand({ Bucket: bucket, Key: key });
  let captured: HttpRequest | undefined;
  command.middlewareStack.add(
    () => (args) => {
      captured = args.request as HttpRequest;
      return Promise.resolve({ output: {} as never, response: {} });
    },
    { step: 'build', priority: 'low', name: 'opsdeckPresignCapture' },
  );
  await client.send(command);
  if (captured === undefined) throw new Error('the S3 client built no request');
  const request = captured;
  const signer = createS3Signer(
    await client.config.region(),
    client.config.credentials,
    false,
  );
  // Only the host is signed: whoever opens the URL sends no other header.
  const unsigned: HttpRequest = {
    ...request,
    headers: { host: request.headers['host'] ?? request.hostname },
  };
  const signed = await signer.presign(unsigned, { expiresIn: expiresSeconds });
  const query = Object.entries(signed.query ?? {})
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((item) =>
        item === null ? escape(name) : `${escape(name)}=${escape(item)}`,
      ),
    )
    .join('&');
  const port = signed.port === undefined ? '' : `:${signed.port}`;
  return `${signed.protocol}//${signed.hostname}${port}${signed.path}${query === '' ? '' : `?${query}`}`;
}
