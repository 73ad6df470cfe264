/**
 * The wrapped lines of a confirmation dialog's warnings and switches. The
 * dialog needs their count before it draws, to size the target list.
 */
import { wrapLines } from '../lib/wrap-lines.js';
import type { ConfirmAnswer, ConfirmOption } from './confirm.js';

export interface OptionLines {
  readonly key: string;
  readonly lines: readonly string[];
  /** `on`: the switch is set; `warn`: the set switch's warning. */
  readonly tone: 'plain' | 'on' | 'warn';
}

export function warningLines(
  warnings: readonly string[],
  width: number,
  glyph: string,
): string[] {
  return warnings.flatMap((warning) =>
    wrapLines(warning, width, { first: `${glyph} ` }),
  );
}

export function optionLines(
  options: readonly ConfirmOption[],
  values: ConfirmAnswer['options'],
  width: number,
  keyOf: (id: ConfirmOption['id']) => string | undefined,
  glyph: string,
): OptionLines[] {
  return options.flatMap((option) => {
    const on = values[option.id] === true;
    const key = keyOf(option.id);
    const label = `${option.label}${key ? ` (${key})` : ''}${option.hint ? `: ${option.hint}` : ''}`;
    const groups: OptionLines[] = [
      {
        key: option.id,
        tone: on ? 'on' : 'plain',
        lines: wrapLines(label, width, { first: `[${on ? 'x' : ' '}] ` }),
      },
    ];
    if (on && option.warning)
      groups.push({
        key: `${option.id}-warning`,
        tone: 'warn',
        lines: wrapLines(option.warning, width, { first: `    ${glyph} ` }),
      });
    return groups;
  });
}

export function lineCount(groups: readonly OptionLines[]): number {
  return groups.reduce((sum, group) => sum + group.lines.length, 0);
}
