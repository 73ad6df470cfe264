/**
 * Outside text as an attacker would write it, seeded into the lab so the
 * demo and the tests show it harmless: an OSC 52 that would write the
 * operator's clipboard, a CSI 2J that would clear the screen, and a bidi
 * override that would reverse what follows it.
 */
export const HOSTILE = '\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u202e';

export const HOSTILE_INSTANCE_NAME = `pwn${HOSTILE}ppa-dorp`;
export const HOSTILE_OBJECT_KEY = `uploads/evil${HOSTILE}.txt`;
export const HOSTILE_OBJECT_BODY = `first line\n${HOSTILE}second line\r\u001b]0;title\u0007\n`;
export const HOSTILE_CELL = `note ${HOSTILE} end`;
