/**
 * The one keymap: every key opsdeck reacts to is bound here, with the text that
 * the footer and the help overlay show. Panes add their own scope
 * (`pane:<name>`) in a file of their own beside this one.
 */
export type Scope =
  'global' | 'list' | 'table' | 'dialog' | 'prompt' | `pane:${string}`;

export interface Binding<C extends string = string> {
  readonly command: C;
  readonly keys: readonly string[];
  readonly scope: Scope;
  readonly description: string;
  /** Short label for the footer; bindings without one appear only in help. */
  readonly hint?: string;
  /** Writes; hidden in read-only mode. */
  readonly write?: boolean;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export const SHELL_BINDINGS = [
  {
    command: 'shell.command',
    keys: [':'],
    scope: 'global',
    hint: 'cmd',
    description:
      'command line: :regions, :profile, :region, :help; Tab completes',
  },
  {
    command: 'shell.filter',
    keys: ['/'],
    scope: 'global',
    hint: 'filter',
    description:
      'filter rows: text, /regex/, !inverse, key=value (column or tag)',
  },
  {
    command: 'shell.help',
    keys: ['?'],
    scope: 'global',
    hint: 'help',
    description: 'this help',
  },
  {
    command: 'shell.log',
    keys: ['!'],
    scope: 'global',
    hint: 'log',
    description: 'event log: every write, error and message, in full',
  },
  {
    command: 'shell.back',
    keys: ['escape'],
    scope: 'global',
    hint: 'back',
    description:
      'back: clear the marks, then the filter, then the previous view',
  },
  {
    command: 'shell.refresh',
    keys: ['ctrl+r'],
    scope: 'global',
    description: 'refresh the current view now',
  },
  {
    command: 'shell.redraw',
    keys: ['ctrl+l'],
    scope: 'global',
    description: 'redraw the whole screen',
  },
  {
    command: 'shell.quit',
    keys: ['q'],
    scope: 'global',
    hint: 'quit',
    description: 'quit (asks first while work is running)',
  },
  {
    command: 'shell.cancel',
    keys: ['ctrl+c'],
    scope: 'global',
    description: 'cancel running work; a second press quits',
  },

  { command: 'list.up', keys: ['k', 'up'], scope: 'list', description: 'up' },
  {
    command: 'list.down',
    keys: ['j', 'down'],
    scope: 'list',
    description: 'down',
  },
  {
    command: 'list.top',
    keys: ['g', 'home'],
    scope: 'list',
    description: 'first row',
  },
  {
    command: 'list.bottom',
    keys: ['G', 'end'],
    scope: 'list',
    description: 'last row',
  },
  {
    command: 'list.pageUp',
    keys: ['pageup', 'ctrl+b'],
    scope: 'list',
    description: 'page up',
  },
  {
    command: 'list.pageDown',
    keys: ['pagedown', 'ctrl+f'],
    scope: 'list',
    description: 'page down',
  },

  {
    command: 'table.open',
    keys: ['enter'],
    scope: 'table',
    hint: 'open',
    description: 'open the row (what it does depends on the pane)',
  },
  {
    command: 'table.describe',
    keys: ['d'],
    scope: 'table',
    hint: 'describe',
    description: 'describe: every field of the row',
  },
  {
    command: 'table.sort',
    keys: DIGITS,
    scope: 'table',
    hint: 'sort',
    description: 'sort by column N; again reverses',
  },
  {
    command: 'table.mark',
    keys: ['space'],
    scope: 'table',
    description:
      'mark or unmark the row for a bulk action and move down; Esc clears the marks',
  },
  {
    command: 'table.more',
    keys: ['m'],
    scope: 'table',
    description: 'load the next page of a partial list',
  },
  {
    command: 'table.copy',
    keys: ['c'],
    scope: 'table',
    hint: 'copy',
    description: 'copy the row ID to the clipboard (OSC 52, works over SSH)',
  },

  {
    command: 'dialog.yes',
    keys: ['y'],
    scope: 'dialog',
    hint: 'yes',
    description: 'yes',
  },
  {
    command: 'dialog.no',
    keys: ['n'],
    scope: 'dialog',
    hint: 'no',
    description: 'no',
  },
  {
    command: 'dialog.next',
    keys: ['tab', 'right'],
    scope: 'dialog',
    hint: 'next',
    description: 'next button or field',
  },
  {
    command: 'dialog.previous',
    keys: ['shift+tab', 'left'],
    scope: 'dialog',
    description: 'previous button or field',
  },
  {
    command: 'dialog.accept',
    keys: ['enter'],
    scope: 'dialog',
    hint: 'press',
    description: 'press the focused button',
  },
  {
    command: 'dialog.scrollUp',
    keys: ['up'],
    scope: 'dialog',
    description: 'scroll a long list of targets up; previous form field',
  },
  {
    command: 'dialog.scrollDown',
    keys: ['down'],
    scope: 'dialog',
    description: 'scroll a long list of targets down; next form field',
  },
  {
    command: 'dialog.toggle',
    keys: ['space'],
    scope: 'dialog',
    description:
      'flip the focused switch, or the next choice of the focused field',
  },
  {
    command: 'dialog.dryRun',
    keys: ['ctrl+d'],
    scope: 'dialog',
    description:
      'dry run on/off: EC2 only checks whether the call would be allowed',
  },
  {
    command: 'dialog.force',
    keys: ['ctrl+f'],
    scope: 'dialog',
    description:
      'force on/off (stop without OS shutdown, detach without unmount)',
  },
  {
    command: 'dialog.filter',
    keys: ['/'],
    scope: 'dialog',
    description:
      'in a list to choose from: type to narrow it (↑/↓ still move, Esc ends the filter)',
  },
  {
    command: 'dialog.cancel',
    keys: ['escape'],
    scope: 'dialog',
    hint: 'cancel',
    description: 'cancel',
  },

  {
    command: 'prompt.complete',
    keys: ['tab'],
    scope: 'prompt',
    hint: 'complete',
    description: 'complete (command line)',
  },
  {
    command: 'prompt.accept',
    keys: ['enter'],
    scope: 'prompt',
    hint: 'run',
    description: 'run the command / keep the filter',
  },
  {
    command: 'prompt.cancel',
    keys: ['escape'],
    scope: 'prompt',
    hint: 'cancel',
    description: 'cancel (the filter goes back to what it was)',
  },
  {
    command: 'prompt.previous',
    keys: ['up'],
    scope: 'prompt',
    hint: 'history',
    description: 'previous entry in history (command line)',
  },
  {
    command: 'prompt.next',
    keys: ['down'],
    scope: 'prompt',
    description: 'next entry in history',
  },
] as const satisfies readonly Binding[];
