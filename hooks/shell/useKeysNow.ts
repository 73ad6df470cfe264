import { useLayoutEffect } from 'react';
import type { Command, Scope } from '../../source/keymap/index.js';
import { withKeysNow } from '../../source/keymap/keys-now.js';
import { useShellApi } from '../context/shell-context.js';

/**
 * Says which of the scope's keys do something now, for the footer and the
 * help, while the calling view is mounted; on unmount the scope has all its
 * keys again. Layout effects: the footer of the same frame already follows.
 */
export function useKeysNow(scope: Scope, commands: readonly Command[]): void {
  const { keysNow } = useShellApi();
  const key = commands.join(' ');
  useLayoutEffect(() => {
    keysNow.update((now) =>
      withKeysNow(now, scope, key === '' ? [] : key.split(' ')),
    );
  }, [keysNow, scope, key]);
  useLayoutEffect(
    () => () => keysNow.update((now) => withKeysNow(now, scope, undefined)),
    [keysNow, scope],
  );
}
