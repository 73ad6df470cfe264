import { describe, expect, it } from 'vitest';
import { crc32Header, putHeaders } from '../../../source/aws/s3/direct-put.js';

const input = (metadata: Record<string, string>) => ({
  bucket: 'b',
  key: 'k',
  body: Buffer.from('123456789'),
  metadata,
});

describe('the headers of a direct PutObject', () => {
  it('sends the CRC32 the way the SDK does: big-endian, base64', () => {
    // The standard check value of CRC-32 for "123456789" is 0xCBF43926.
    expect(crc32Header(Buffer.from('123456789'))).toBe(
      Buffer.from([0xcb, 0xf4, 0x39, 0x26]).toString('base64'),
    );
  });

  it('carries length, type, metadata and the checksum unless told not to', () => {
    const meta = { 'opsdeck-sync': '1', mtime: '1796561451.367' };
    expect(putHeaders(input(meta), true)).toEqual({
      'content-length': '9',
      'content-type': 'application/octet-stream',
      'x-amz-meta-opsdeck-sync': '1',
      'x-amz-meta-mtime': '1796561451.367',
      'x-amz-sdk-checksum-algorithm': 'CRC32',
      'x-amz-checksum-crc32': 'y/Q5Jg==',
    });
    expect(putHeaders(input(meta), false)).toEqual({
      'content-length': '9',
      'content-type': 'application/octet-stream',
      'x-amz-meta-opsdeck-sync': '1',
      'x-amz-meta-mtime': '1796561451.367',
    });
  });

  it('leaves metadata that is not printable ASCII to the SDK', () => {
    expect(putHeaders(input({ note: 'caf\u00e9' }), true)).toBeUndefined();
    expect(putHeaders(input({ note: 'a\r\nx-evil: 1' }), true)).toBeUndefined();
  });
});
