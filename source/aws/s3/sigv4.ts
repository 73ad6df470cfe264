/** SigV4 as S3 wants it, for the requests opsdeck signs itself (presigned URLs, direct GETs). */
import { SignatureV4 } from '@smithy/signature-v4';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
} from '@smithy/types';
import { NodeSha256 } from '../../lib/node-sha256.js';

/** RFC 3986: everything but A-Z a-z 0-9 - . _ ~ percent-encoded (encodeURIComponent leaves !'()*). */
export function uriEscape(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The path is signed as sent (S3 does not encode it twice); `payloadHash`
 * adds x-amz-content-sha256, which S3 wants on a signed request and which a
 * presigned URL cannot carry.
 */
export function createS3Signer(
  region: string,
  credentials: AwsCredentialIdentityProvider | AwsCredentialIdentity,
  payloadHash: boolean,
): SignatureV4 {
  return new SignatureV4({
    service: 's3',
    region,
    credentials,
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: payloadHash,
  });
}
