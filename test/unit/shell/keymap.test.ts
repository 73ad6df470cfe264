import { describe, expect, it } from 'vitest';
import {
  ALL_BINDINGS,
  SCOPE_STACKS,
  createKeymap,
  findConflicts,
  keyLabels,
  keyName,
  type KeyFlags,
} from '../../../source/keymap/index.js';
import {
  liveScopes,
  mysqlViewScopes,
  tableScopes,
} from '../../../source/keymap/live-scopes.js';
import { findPane } from '../../../source/shell/pane-catalog.js';
import {
  MYSQL_VIEWS,
  viewOfCommand,
} from '../../../source/panes/mysql/mysql-views.js';

const none: KeyFlags = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
};

describe('keymap', () => {
  it.each(Object.entries(SCOPE_STACKS))(
    'binds no key twice in the %s stack',
    (_name, scopes) => {
      expect(findConflicts(ALL_BINDINGS, scopes)).toEqual([]);
    },
  );

  const paneScopes = [
    ...new Set(
      ALL_BINDINGS.map((binding) => binding.scope).filter((scope) =>
        scope.startsWith('pane:'),
      ),
    ),
  ];

  it.each(paneScopes)('binds no key twice with the %s keys', (scope) => {
    // A pane that is not a table (a wizard) takes the list keys only.
    const shared =
      findPane(scope.slice(5))?.keys === 'list'
        ? SCOPE_STACKS.detail
        : SCOPE_STACKS.pane;
    expect(findConflicts(ALL_BINDINGS, [...shared, scope])).toEqual([]);
  });

  it('makes live together only scopes the conflict check covers', () => {
    expect(liveScopes({ kind: 'dialog' })).toEqual(SCOPE_STACKS.dialog);
    expect(liveScopes({ kind: 'prompt' })).toEqual(SCOPE_STACKS.prompt);
    expect(liveScopes({ kind: 'view' })).toEqual(SCOPE_STACKS.detail);
    const table = new Set([
      ...liveScopes({ kind: 'pane', pane: 'instances', keys: 'table' }),
      ...tableScopes('pane:instances'),
    ]);
    expect([...table].sort()).toEqual(
      [...SCOPE_STACKS.pane, 'pane:instances'].sort(),
    );
    expect(
      liveScopes({ kind: 'pane', pane: 'ebs-copy', keys: 'list' }),
    ).toEqual([...SCOPE_STACKS.detail, 'pane:ebs-copy']);
    expect(mysqlViewScopes('rows', true)).toEqual(['pane:mysql/rows']);
    expect(mysqlViewScopes('rows', false)).toEqual(['pane:mysql/connections']);
    expect(mysqlViewScopes('query', true)).toEqual([
      'pane:mysql/editor',
      'pane:mysql/query',
    ]);
  });

  it('opens a MySQL view with each view key, and nothing with other keys', () => {
    const views = ALL_BINDINGS.map((binding) =>
      viewOfCommand(binding.command),
    ).filter((view) => view !== undefined);
    expect([...views].sort()).toEqual([...MYSQL_VIEWS].sort());
    expect(viewOfCommand('mysql.view.nothing')).toBeUndefined();
    expect(viewOfCommand('mysql.nextView')).toBeUndefined();
  });

  it('has the EC2 panes in it', () => {
    expect(paneScopes).toEqual(
      expect.arrayContaining([
        'pane:instances',
        'pane:eips',
        'pane:volumes',
        'pane:snapshots',
      ]),
    );
  });

  it('finds a conflict when one is introduced', () => {
    const broken = [
      ...ALL_BINDINGS,
      {
        command: 'table.other',
        keys: ['j'],
        scope: 'table' as const,
        description: 'x',
      },
    ];
    expect(findConflicts(broken, SCOPE_STACKS.pane)).toEqual([
      'j: list.down and table.other',
    ]);
  });

  it('gives every binding a description and at least one key', () => {
    for (const binding of ALL_BINDINGS) {
      expect(binding.description.length, binding.command).toBeGreaterThan(1);
      expect(binding.keys.length, binding.command).toBeGreaterThan(0);
    }
  });

  it('resolves keys in scope order and ignores other scopes', () => {
    const keymap = createKeymap(ALL_BINDINGS);
    expect(keymap.resolve('j', ['global', 'list'])).toBe('list.down');
    expect(keymap.resolve('j', ['global'])).toBeUndefined();
    expect(keymap.resolve('escape', ['prompt'])).toBe('prompt.cancel');
    expect(keymap.resolve('escape', ['global', 'list'])).toBe('shell.back');
    expect(keymap.resolve('3', ['table'])).toBe('table.sort');
    expect(keymap.resolve(undefined, ['global'])).toBeUndefined();
  });

  it('names Ink key events', () => {
    expect(keyName('j', none)).toBe('j');
    expect(keyName('G', { ...none, shift: true })).toBe('G');
    expect(keyName('c', { ...none, ctrl: true })).toBe('ctrl+c');
    expect(keyName('', { ...none, downArrow: true })).toBe('down');
    expect(keyName('', { ...none, tab: true, shift: true })).toBe('shift+tab');
    expect(keyName('', { ...none, return: true })).toBe('enter');
    expect(keyName(' ', none)).toBe('space');
    // A paste is not a key press.
    expect(keyName('jjj', none)).toBeUndefined();
  });
});

describe('key labels', () => {
  it('shows arrows as glyphs, or as words under --ascii, in labels and in descriptions', () => {
    const unicode = keyLabels(false);
    const ascii = keyLabels(true);
    expect(['up', 'right', 'pagedown', 'ctrl+r'].map(unicode.key)).toEqual([
      '↑',
      '→',
      'PgDn',
      'Ctrl+R',
    ]);
    expect(['up', 'right', 'pagedown', 'ctrl+r'].map(ascii.key)).toEqual([
      'Up',
      'Right',
      'PgDn',
      'Ctrl+R',
    ]);
    const described = ALL_BINDINGS.map((binding) => binding.description);
    expect(described.map(unicode.text)).toEqual(described);
    for (const text of described.map(ascii.text))
      expect(text).toMatch(/^[\u0020-\u007E]*$/);
  });
});
