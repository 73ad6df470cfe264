import { describe, expect, it } from 'vitest';
import {
  needsEscaping,
  safeLine,
  safeLines,
} from '../../../source/lib/terminal-text.js';
import {
  BIDI,
  CARRIAGE_RETURN,
  CLEAR_SCREEN,
  C1_CSI,
  HOSTILE_TEXTS,
  OSC52,
  TITLE,
  ZERO_WIDTH,
  forbiddenIn,
} from '../../helpers/hostile.js';

describe('outside text on a terminal', () => {
  it.each(HOSTILE_TEXTS.map((text) => [JSON.stringify(text), text]))(
    'shows %s visibly, with nothing a terminal acts on',
    (_name, text) => {
      const shown = safeLine(text);
      expect(forbiddenIn(shown)).toEqual([]);
      expect(shown).toMatch(/^[\x20-\x7e]*$/);
      expect(needsEscaping(text)).toBe(true);
    },
  );

  it('writes controls as escapes a person can read', () => {
    expect(safeLine(OSC52)).toBe('web\\x1b]52;c;cHduZWQ=\\x07');
    expect(safeLine(CLEAR_SCREEN)).toBe('db\\x1b[2J\\x1b[H');
    expect(safeLine(TITLE)).toBe('x\\x1b]0;pwned\\x1b\\');
    expect(safeLine(CARRIAGE_RETURN)).toBe('safe\\x0dEVIL');
    expect(safeLine(C1_CSI)).toBe('c1\\u009b31mred');
  });

  it('names bidi and invisible characters instead of obeying them', () => {
    expect(safeLine(BIDI)).toBe('rm-<U+202E>prod');
    expect(safeLine(ZERO_WIDTH)).toBe('adm<U+200B>in');
    expect(safeLine('a\u2066b\u2069c\ufeff')).toBe(
      'a<U+2066>b<U+2069>c<U+FEFF>',
    );
    expect(safeLine('line\u2028break')).toBe('line<U+2028>break');
  });

  it('leaves ordinary text alone, wide characters and emoji included', () => {
    for (const text of ['web-1', 'Köln', '東京', 'café 🚀', '', 'a b']) {
      expect(safeLine(text)).toBe(text);
      expect(needsEscaping(text)).toBe(false);
    }
  });

  it('replaces a lone surrogate and keeps a pair', () => {
    expect(safeLine('a\ud800b')).toBe('a\ufffdb');
    expect(safeLine('a\udc00')).toBe('a\ufffd');
    expect(safeLine('🚀')).toBe('🚀');
  });

  it('expands tabs to the next stop and splits lines', () => {
    expect(safeLine('a\tb')).toBe('a       b');
    expect(safeLine('abcdefgh\tx')).toBe('abcdefgh        x');
    expect(safeLines('one\r\ntwo\n\u001b[31mthree')).toEqual([
      'one',
      'two',
      '\\x1b[31mthree',
    ]);
  });

  it('is idempotent, so showing shown text again changes nothing', () => {
    for (const text of HOSTILE_TEXTS) {
      const once = safeLine(text);
      expect(safeLine(once)).toBe(once);
    }
  });
});
