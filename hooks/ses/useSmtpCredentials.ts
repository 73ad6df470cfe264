import { useCallback, useEffect, useRef, useState } from 'react';
import type { Command } from '../../source/keymap/index.js';
import { describeError } from '../../source/lib/errors.js';
import type { SesViewState } from '../../source/panes/ses/ses-view.js';
import { useShellApi } from '../context/shell-context.js';

/**
 * The :ses view's state: derived on request, held only while the view is
 * open (its state dies with it), never sent to the event log.
 */
export function useSmtpCredentials(): {
  readonly state: SesViewState;
  readonly onCommand: (command: Command) => void;
} {
  const shell = useShellApi();
  const [state, setState] = useState<SesViewState>({ kind: 'idle' });
  const open = useRef(true);
  useEffect(
    () => () => {
      open.current = false;
    },
    [],
  );
  const show = useCallback(() => {
    setState({ kind: 'deriving' });
    shell.session.services.ses.smtpCredentials().then(
      (credentials) => {
        if (open.current) setState({ kind: 'shown', credentials });
      },
      (error: unknown) => {
        if (open.current)
          setState({ kind: 'refused', message: describeError(error) });
      },
    );
  }, [shell.session]);
  const onCommand = useCallback(
    (command: Command) => {
      if (command === 'ses.show' && state.kind !== 'deriving') show();
      if (command === 'ses.copy') {
        if (state.kind === 'shown')
          shell.copy(state.credentials.password, 'the SMTP password');
        else
          shell.report(
            'warn',
            'ses',
            'nothing to copy: Enter shows the credentials first',
          );
      }
    },
    [state, show, shell],
  );
  return { state, onCommand };
}
