/**
 * Outside text as an attacker would write it: each entry would act on the
 * operator's terminal if it reached it raw. The lab seeds the same kinds.
 */
export const OSC52 = 'web\u001b]52;c;cHduZWQ=\u0007';
export const CLEAR_SCREEN = 'db\u001b[2J\u001b[H';
export const BIDI = 'rm-\u202eprod';
export const TITLE = 'x\u001b]0;pwned\u001b\\';
export const CARRIAGE_RETURN = 'safe\rEVIL';
export const C1_CSI = 'c1\u009b31mred';
export const ZERO_WIDTH = 'adm\u200bin';

export const HOSTILE_TEXTS: readonly string[] = [
  OSC52,
  CLEAR_SCREEN,
  BIDI,
  TITLE,
  CARRIAGE_RETURN,
  C1_CSI,
  ZERO_WIDTH,
];

/** What must never appear in bytes written to a terminal from outside text. */
const FORBIDDEN_IN_OUTPUT: readonly string[] = [
  '\u001b]52;',
  '\u001b]0;',
  '\u001b[2J',
  '\u202e',
  '\u0007',
  '\u009b',
  '\u200b',
  '\r',
];

/** The forbidden sequences a text holds, for messages that say which. */
export function forbiddenIn(text: string): string[] {
  return FORBIDDEN_IN_OUTPUT.filter((sequence) => text.includes(sequence)).map(
    (sequence) => JSON.stringify(sequence),
  );
}

/**
 * Account names for the root-password reset that would put a line of their
 * own into the root script (a line break ends the SQL here-document) or
 * rewrite what the operator reads: each must be refused, naming the field.
 */
export const HOSTILE_ACCOUNTS: readonly {
  readonly field: 'user' | 'host';
  readonly value: string;
}[] = [
  { field: 'host', value: 'localhost\nOPSDECK_SQL\ntouch /tmp/pwned' },
  { field: 'host', value: 'localhost\rEVIL' },
  { field: 'user', value: 'root\n' },
  { field: 'user', value: OSC52 },
  { field: 'host', value: C1_CSI },
  { field: 'host', value: 'local\u2028host' },
];
