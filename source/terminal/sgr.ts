/**
 * Text attributes (SGR) as values: parsed from what Ink writes, interned to
 * small numbers so cells compare cheaply, and turned back into the shortest
 * sequence that moves a terminal from one attribute set to another.
 */

export interface Style {
  /** Bits of FLAGS below. */
  readonly flags: number;
  /** The SGR parameters of the colour as written ('31', '38;5;208'), '' for default. */
  readonly fg: string;
  readonly bg: string;
}

/** [bit, on code, off code]; bold and dim share their off code. */
const FLAGS: readonly (readonly [number, string, string])[] = [
  [1, '1', '22'],
  [2, '2', '22'],
  [4, '3', '23'],
  [8, '4', '24'],
  [16, '5', '25'],
  [32, '7', '27'],
  [64, '8', '28'],
  [128, '9', '29'],
  [256, '53', '55'],
];
const BOLD_DIM = 3;

export const PLAIN: Style = { flags: 0, fg: '', bg: '' };

/** Applies one SGR parameter string (what sits between `ESC [` and `m`). */
export function applySgr(style: Style, params: string): Style {
  let { flags, fg, bg } = style;
  const parts = params === '' ? ['0'] : params.split(';');
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? '';
    const [head = '', sub] = part.split(':');
    const code = head === '' ? 0 : Number(head);
    if (code === 38 || code === 48 || code === 58) {
      // Extended colour: `38;5;n`, `38;2;r;g;b`, or the colon form in one part.
      let colour = part;
      if (sub === undefined) {
        const take =
          parts[index + 1] === '5' ? 2 : parts[index + 1] === '2' ? 4 : 0;
        colour = parts.slice(index, index + 1 + take).join(';');
        index += take;
      }
      if (code === 38) fg = colour;
      else if (code === 48) bg = colour;
      continue;
    }
    if (code === 0) ({ flags, fg, bg } = PLAIN);
    else if (code === 4 && sub !== undefined)
      flags = sub === '0' ? flags & ~8 : flags | 8;
    else if (code === 21) flags |= 8;
    else if (code === 22) flags &= ~BOLD_DIM;
    else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97))
      fg = head;
    else if (code === 39) fg = '';
    else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107))
      bg = head;
    else if (code === 49) bg = '';
    else {
      const on = FLAGS.find(([, onCode]) => onCode === head);
      const off = FLAGS.find(([, , offCode]) => offCode === head);
      if (on) flags |= on[0];
      else if (off) flags &= ~off[0];
    }
  }
  return { flags, fg, bg };
}

function onCodes(flags: number): string[] {
  return FLAGS.filter(([bit]) => flags & bit).map(([, on]) => on);
}

function sgr(parts: readonly string[]): string {
  return `\u001B[${parts.join(';')}m`;
}

/** Sets `to` from any state: a reset, then what `to` has. */
export function sgrReset(to: Style): string {
  const wanted = [...onCodes(to.flags), to.fg, to.bg].filter(Boolean);
  return wanted.length > 0 ? sgr(['0', ...wanted]) : '\u001B[m';
}

/** The shortest SGR that turns `from` into `to`; '' when they are the same. */
export function sgrTransition(from: Style, to: Style): string {
  if (from.flags === to.flags && from.fg === to.fg && from.bg === to.bg)
    return '';
  const reset = sgrReset(to);
  const removed = from.flags & ~to.flags;
  const parts: string[] = [];
  let added = to.flags & ~from.flags;
  for (const [bit, , off] of FLAGS)
    if (removed & bit & ~BOLD_DIM) parts.push(off);
  if (removed & BOLD_DIM) {
    parts.push('22');
    // 22 ends bold and dim together: turn back on the one that stays.
    added |= to.flags & BOLD_DIM;
  }
  if (from.fg !== to.fg) parts.push(to.fg || '39');
  if (from.bg !== to.bg) parts.push(to.bg || '49');
  parts.push(...onCodes(added));
  const partial = sgr(parts);
  return partial.length < reset.length ? partial : reset;
}

/** Styles by number: cells keep the number, so comparing two cells is cheap. */
export class StyleTable {
  private readonly byKey = new Map<string, number>([['0||', 0]]);
  private readonly styles: Style[] = [PLAIN];

  id(style: Style): number {
    const key = `${String(style.flags)}|${style.fg}|${style.bg}`;
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push(style);
      this.byKey.set(key, id);
    }
    return id;
  }

  style(id: number): Style {
    return this.styles[id] ?? PLAIN;
  }
}
