/**
 * S3 lists keys in UTF-8 byte order. JavaScript compares UTF-16 code units,
 * which agrees except when one side has a surrogate (U+10000 and up) and the
 * other a code unit from U+E000 to U+FFFF. Both listings must use this order
 * or the merge mistakes keys for missing ones.
 */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    // A surrogate pair encodes above every BMP character in UTF-8.
    if (xSurrogate !== ySurrogate && (x >= 0xe000 || y >= 0xe000))
      return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
