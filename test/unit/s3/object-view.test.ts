import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  hexDumpLines,
  looksBinary,
} from '../../../source/lib/binary-content.js';
import { objectViewSections } from '../../../source/panes/s3/object-view.js';

describe('looksBinary', () => {
  it('takes text, UTF-8 and a few escape sequences for text', () => {
    expect(looksBinary(Buffer.from('hello\nwörld\t€\n'))).toBe(false);
    expect(
      looksBinary(Buffer.from('title \x1b]0;pwned\x07 here, and more text')),
    ).toBe(false);
  });

  it('takes NUL bytes, invalid UTF-8 and a screen of controls for binary', () => {
    expect(looksBinary(Buffer.from('abc\0def'))).toBe(true);
    expect(looksBinary(Buffer.from([0x61, 0xff, 0xfe, 0x62]))).toBe(true);
    expect(looksBinary(Buffer.from('\x01\x02\x03\x04abc'))).toBe(true);
    expect(looksBinary(gzipSync(Buffer.from('x'.repeat(1000))))).toBe(true);
  });

  it('forgives a character cut by the end of a partial read', () => {
    const euro = Buffer.from('price 10€');
    expect(looksBinary(euro.subarray(0, euro.length - 1))).toBe(false);
  });
});

describe('objectViewSections', () => {
  it('shows binary bytes as a hex dump that fits 80 columns', () => {
    const body = gzipSync(Buffer.from('hello '.repeat(50)));
    const [section] = objectViewSections({ bytes: body, truncated: true }, '…');
    expect(section?.title).toMatch(/^binary: hex of the first/);
    expect(section?.title).toContain('Esc then D downloads it');
    expect(section?.rows[0]?.[1]).toMatch(/^000000 {2}1f 8b 08/);
    expect(section?.rows).toHaveLength(Math.ceil(body.length / 16));
    expect(Math.max(...hexDumpLines(body).map((line) => line.length))).toBe(73);
  });

  it('shows text by lines and cuts a line too long to be read', () => {
    const long = 'x'.repeat(20_000);
    const [section] = objectViewSections(
      {
        bytes: Buffer.from(`first\n${long}\nlast\n`),
        truncated: true,
      },
      '…',
    );
    expect(section?.title).toBe(
      '3 lines, the first 19.5 KiB only, 1 long line cut',
    );
    expect(section?.rows[1]?.[1]).toMatch(/… \(3616 more characters\)$/);
    expect(section?.rows[2]).toEqual(['', 'last']);
  });

  it('says an empty object is empty, and counts one line as one', () => {
    expect(
      objectViewSections({ bytes: new Uint8Array(0), truncated: false }, '…'),
    ).toEqual([{ title: 'an empty object (0 bytes)', rows: [] }]);
    const [section] = objectViewSections(
      {
        bytes: Buffer.from('only\n'),
        truncated: false,
      },
      '…',
    );
    expect(section?.title).toBe('1 line');
    expect(section?.rows).toEqual([['', 'only']]);
  });
});
