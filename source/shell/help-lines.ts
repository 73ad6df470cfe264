/**
 * The help overlay's text, generated from the keymap, the commands and the
 * pane catalog, so help can never disagree with what the keys do.
 */
import { BUILTINS } from './command-line.js';
import type { Binding, KeyLabels, Keymap, Scope } from '../keymap/index.js';
import { appliesNow, EVERY_KEY, type KeysNow } from '../keymap/keys-now.js';
import { wrapLines } from '../lib/wrap-lines.js';
import { PANES } from './pane-catalog.js';

export interface HelpLine {
  readonly text: string;
  readonly heading?: boolean;
}

const SECTIONS: readonly { scope: Scope; title: string }[] = [
  { scope: 'global', title: 'Everywhere' },
  { scope: 'list', title: 'Lists and views' },
  { scope: 'table', title: 'Tables' },
  { scope: 'dialog', title: 'Dialogs' },
  { scope: 'prompt', title: 'Command and filter lines' },
];

/** The column a description starts at: two spaces, a 14-wide key, a space. */
const INDENT = ' '.repeat(17);

export function helpLines(
  keymap: Keymap,
  labels: KeyLabels,
  paneScope: Scope | undefined,
  /** The width of a help column: descriptions wrap under themselves, never cut. */
  width: number,
  /** What the pane said applies now: the rest is listed apart. */
  keysNow: KeysNow = EVERY_KEY,
): HelpLine[] {
  const lines: HelpLine[] = [];
  const entry = (head: string, description: string) => {
    for (const text of wrapLines(description, width, {
      first: `${head} `,
      rest: INDENT,
    }))
      lines.push({ text });
  };
  const section = (title: string, bindings: readonly Binding[]) => {
    if (bindings.length === 0) return;
    lines.push({ text: title, heading: true });
    for (const binding of bindings) {
      const keys =
        binding.command === 'table.sort'
          ? '1-9'
          : binding.keys.map(labels.key).join(' ');
      entry(`  ${keys.padEnd(14)}`, labels.text(binding.description));
    }
    lines.push({ text: '' });
  };
  if (paneScope) {
    const own = keymap.bindingsIn([paneScope]);
    section(
      `This pane (${paneScope.slice(5)})`,
      own.filter((binding) => appliesNow(binding, keysNow)),
    );
    section(
      'This pane, not at this step',
      own.filter((binding) => !appliesNow(binding, keysNow)),
    );
    // A pane with views binds each view's keys in `pane:<name>/<view>`.
    for (const scope of keymap.scopes())
      if (scope.startsWith(`${paneScope}/`))
        section(
          `This pane: ${scope.slice(paneScope.length + 1)}`,
          keymap.bindingsIn([scope]),
        );
  }
  for (const { scope, title } of SECTIONS)
    section(title, keymap.bindingsIn([scope]));
  lines.push({ text: 'Commands (type : then Tab)', heading: true });
  for (const pane of PANES) {
    const aliases =
      pane.aliases.length > 0 ? ` (${pane.aliases.join(', ')})` : '';
    entry(`  :${pane.name.padEnd(13)}`, `${pane.description}${aliases}`);
  }
  for (const builtin of BUILTINS) {
    const aliases =
      builtin.aliases.length > 0 ? ` (${builtin.aliases.join(', ')})` : '';
    entry(`  :${builtin.name.padEnd(13)}`, `${builtin.description}${aliases}`);
  }
  lines.push({ text: '' });
  lines.push({ text: 'Filter grammar', heading: true });
  lines.push({ text: '  web            rows containing "web" in any column' });
  lines.push({
    text: '  /^i-0a/        a regular expression (case-insensitive)',
  });
  lines.push({
    text: '  state=running  a column or tag equals a value; * is a wildcard',
  });
  lines.push({ text: '  env!=prod      a column or tag differs' });
  lines.push({ text: '  !stopped       inverts the whole filter' });
  return lines;
}
