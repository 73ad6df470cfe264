/**
 * Which scopes of the keymap are live: the one place that decides what a key
 * press can reach now, for the handlers, the footer and the help alike.
 */
import type { Scope } from './bindings.js';
import { MYSQL_VIEW_SCOPE } from './mysql.js';

/** Where the keyboard is: an open dialog or prompt owns it; else the view on top. */
export type KeyFocus =
  | { readonly kind: 'dialog' }
  | { readonly kind: 'prompt' }
  | {
      readonly kind: 'pane';
      readonly pane: string;
      /** A table's keys (the default) or a plain list's (a wizard). */
      readonly keys: 'table' | 'list';
    }
  /** A detail, help or log view: a scrolled list. */
  | { readonly kind: 'view' };

/** The shell's live scopes, for the footer and the help. */
export function liveScopes(focus: KeyFocus): Scope[] {
  switch (focus.kind) {
    case 'dialog':
      return ['dialog'];
    case 'prompt':
      return ['prompt'];
    case 'pane':
      return ['global', focus.keys, `pane:${focus.pane}`];
    case 'view':
      return ['global', 'list'];
  }
}

/** A table's own handler: moving, the table keys, then the pane's keys. */
export function tableScopes(paneScope: Scope | undefined): Scope[] {
  return paneScope ? ['list', 'table', paneScope] : ['list', 'table'];
}

/** The MySQL pane's view keys, shown on its hint line. */
export function mysqlViewScopes(view: string, connected: boolean): Scope[] {
  if (view === 'connections' || !connected)
    return [MYSQL_VIEW_SCOPE('connections')];
  if (view === 'query')
    return [MYSQL_VIEW_SCOPE('editor'), MYSQL_VIEW_SCOPE('query')];
  return [MYSQL_VIEW_SCOPE(view)];
}
