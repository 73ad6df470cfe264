/**
 * What `v` shows of an object: its text, or a hex dump when the bytes are not
 * text. Both bounded, so no object can make the view slow to build. Pure.
 */
import { formatBytes } from '../../lib/byte-size.js';
import { hexDumpLines, looksBinary } from '../../lib/binary-content.js';
import type { DetailSection } from '../../lib/view-types.js';

/** A binary object shows this much as hex (4,096 lines). */
const HEX_BYTES = 64 * 1024;
/** A longer text line is cut: the rest is a download away. */
const LINE_CHARS = 16 * 1024;

export interface ObjectStart {
  /** The first bytes of the object. */
  readonly bytes: Uint8Array;
  /** The object is longer than `bytes`. */
  readonly truncated: boolean;
}

function size(bytes: number): string {
  return formatBytes(bytes);
}

export function objectViewSections(
  start: ObjectStart,
  ellipsis: string,
): DetailSection[] {
  const { bytes, truncated } = start;
  if (looksBinary(bytes)) {
    const shown = bytes.subarray(0, HEX_BYTES);
    const more = truncated || shown.length < bytes.length;
    return [
      {
        title: `binary: hex of the first ${size(shown.length)}${more ? '' : ' (all of it)'}; Esc then D downloads it`,
        rows: hexDumpLines(shown).map((line) => ['', line] as const),
      },
    ];
  }
  if (bytes.length === 0)
    return [{ title: 'an empty object (0 bytes)', rows: [] }];
  const text = new TextDecoder('utf-8').decode(bytes);
  // A final newline ends the last line; it does not start another.
  const lines = text.replace(/\n$/, '').split('\n');
  let cut = 0;
  const rows = lines.map((line) => {
    if (line.length <= LINE_CHARS) return ['', line] as const;
    cut++;
    return [
      '',
      `${line.slice(0, LINE_CHARS)} ${ellipsis} (${String(line.length - LINE_CHARS)} more characters)`,
    ] as const;
  });
  const notes = [
    truncated ? `the first ${size(bytes.length)} only` : '',
    cut > 0 ? `${String(cut)} long line${cut === 1 ? '' : 's'} cut` : '',
  ].filter(Boolean);
  return [
    {
      title: `${String(lines.length)} line${lines.length === 1 ? '' : 's'}${notes.length > 0 ? `, ${notes.join(', ')}` : ''}`,
      rows,
    },
  ];
}
