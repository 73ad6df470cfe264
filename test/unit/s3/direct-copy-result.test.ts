import { describe, expect, it } from 'vitest';
import { copyResultEtag } from '../../../source/aws/s3/direct-copy.js';

describe('the answer to a direct CopyObject', () => {
  it('reads the copy ETag, entities decoded', () => {
    expect(
      copyResultEtag(
        '<?xml version="1.0"?><CopyObjectResult><LastModified>2026-12-06T10:00:00Z</LastModified><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag></CopyObjectResult>',
      ),
    ).toBe('"9b2cf535f27731c974343645a3985328"');
  });

  it('gives nothing for an error sent with 200 (S3 does that for copies), or no ETag', () => {
    expect(
      copyResultEtag(
        '<?xml version="1.0"?><Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>',
      ),
    ).toBeUndefined();
    expect(copyResultEtag('<CopyObjectResult></CopyObjectResult>')).toBe(
      undefined,
    );
  });
});
