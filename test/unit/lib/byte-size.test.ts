import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../source/lib/byte-size.js';

describe('byte sizes', () => {
  it('are IEC binary units everywhere, as the AWS console shows them', () => {
    expect(formatBytes(56_520)).toBe('55.2 KiB');
    expect(formatBytes(1024 * 1024)).toBe('1 MiB');
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(56_520, { compact: true })).toBe('55.2KiB');
    expect(formatBytes(1_610_613)).toBe('1.54 MiB');
    expect(formatBytes(1_610_613, { fractionDigits: 1 })).toBe('1.5 MiB');
  });
});
