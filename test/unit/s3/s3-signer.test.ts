import { describe, expect, it } from 'vitest';
import { createS3Signer } from '../../../source/aws/s3/sigv4.js';

describe('the S3 signer of direct GETs', () => {
  // AWS's own worked example for S3 SigV4 ("GET Object", examplebucket).
  it('signs the documented GET Object example to the documented signature', async () => {
    const signer = createS3Signer(
      'us-east-1',
      {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
      true,
    );
    const signed = await signer.sign(
      {
        method: 'GET',
        protocol: 'https:',
        hostname: 'examplebucket.s3.amazonaws.com',
        path: '/test.txt',
        query: {},
        headers: {
          host: 'examplebucket.s3.amazonaws.com',
          range: 'bytes=0-9',
        },
      },
      { signingDate: new Date('2013-05-24T00:00:00Z') },
    );
    expect(signed.headers['authorization']).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});
