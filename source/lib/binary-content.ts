/**
 * Whether bytes are text a person can read, and a hex dump when they are not.
 * A gzip shown as text is a screen of control characters; shown as hex it is
 * something an operator can recognise (1f 8b). Pure.
 */

/** More than this share of control bytes makes text binary (a coloured log has a tenth). */
const CONTROL_SHARE = 0.3;

export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  if (bytes.includes(0)) return true;
  try {
    // `stream` leaves a sequence cut by the end of a partial read alone.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return true;
  }
  let controls = 0;
  for (const byte of bytes) {
    // Tab, newline, form feed and carriage return are at home in text.
    if ((byte < 0x20 && ![9, 10, 12, 13].includes(byte)) || byte === 0x7f)
      controls++;
  }
  return controls / bytes.length > CONTROL_SHARE;
}

const BYTES_PER_LINE = 16;

/** `000000  1f 8b 08 00 …  ........`: 16 bytes a line, 73 columns. */
export function hexDumpLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += BYTES_PER_LINE) {
    const chunk = bytes.subarray(offset, offset + BYTES_PER_LINE);
    const hex = Array.from(chunk, (byte) => byte.toString(16).padStart(2, '0'))
      .join(' ')
      .padEnd(BYTES_PER_LINE * 3 - 1);
    const ascii = Array.from(chunk, (byte) =>
      byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.',
    ).join('');
    lines.push(`${offset.toString(16).padStart(6, '0')}  ${hex}  ${ascii}`);
  }
  return lines;
}
