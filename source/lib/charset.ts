/**
 * The characters opsdeck draws with: Unicode glyphs, or ASCII only under
 * --ascii, for terminals and fonts that lack them. Pure data, so source/ can
 * make text for either (it takes a glyph set as a parameter) and hooks/ and
 * components/ share one choice.
 */

export interface Glyphs {
  readonly rule: string;
  readonly ellipsis: string;
  readonly error: string;
  readonly warn: string;
  readonly info: string;
  readonly ok: string;
  readonly mark: string;
  readonly up: string;
  readonly down: string;
  readonly separator: string;
  readonly barFull: string;
  readonly barEmpty: string;
  readonly cursor: string;
  /** Separates parts of a line: "Regions (3) · filter eu". */
  readonly dot: string;
  /** Masks a typed secret. */
  readonly secret: string;
  readonly upDown: string;
  /** The keys that change a choice: "←/→ change". */
  readonly leftRight: string;
  /** From one end to the other: "sync ./site → s3://www", "SSH → MySQL". */
  readonly arrow: string;
  /** More columns to one side of a wide result. */
  readonly moreLeft: string;
  readonly moreRight: string;
  /** Where typing goes at the end of the SQL editor's text. */
  readonly textCursor: string;
}

export interface Charset {
  readonly ascii: boolean;
  readonly glyphs: Glyphs;
}

const UNICODE: Glyphs = {
  rule: '─',
  ellipsis: '…',
  error: '✕',
  warn: '▲',
  info: '●',
  ok: '✓',
  mark: '●',
  up: '▲',
  down: '▼',
  separator: '│',
  barFull: '█',
  barEmpty: '░',
  cursor: '▏',
  dot: '·',
  secret: '•',
  upDown: '↑/↓',
  leftRight: '←/→',
  arrow: '→',
  moreLeft: '←',
  moreRight: '→',
  textCursor: '█',
};

const ASCII: Glyphs = {
  rule: '-',
  ellipsis: '~',
  error: 'x',
  warn: '!',
  info: '*',
  ok: '+',
  mark: '*',
  up: '^',
  down: 'v',
  separator: '|',
  barFull: '#',
  barEmpty: '.',
  cursor: '|',
  dot: '-',
  secret: '*',
  upDown: 'Up/Down',
  leftRight: 'Left/Right',
  arrow: '->',
  moreLeft: '<',
  moreRight: '>',
  textCursor: '_',
};

export function charset(ascii: boolean): Charset {
  return { ascii, glyphs: ascii ? ASCII : UNICODE };
}

/**
 * opsdeck's own words in plain letters under --ascii ("São Paulo" becomes
 * "Sao Paulo"); text from outside is never passed through this.
 */
export function plainLetters(text: string, chars: Charset): string {
  return chars.ascii ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
}
