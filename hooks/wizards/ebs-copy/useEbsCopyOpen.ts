import { useCallback } from 'react';
import type { CopySource } from '../../../source/wizards/ebs-copy/types.js';
import { initialState } from '../../../source/wizards/ebs-copy/views/wizard-state.js';
import { useShellApi } from '../../context/shell-context.js';
import { useEbsCopyChoices } from './useEbsCopyChoices.js';

/**
 * Opens the region-copy wizard with a pane's row as its source, and goes
 * straight on to the target picker. A running copy is shown instead.
 */
export function useEbsCopyOpen(): (source: CopySource) => void {
  const { session, openPane, report } = useShellApi();
  const { pickTarget } = useEbsCopyChoices();
  return useCallback(
    (source) => {
      const store = session.services.ebsCopy.wizard;
      openPane('ebs-copy');
      if (store.getSnapshot().jobId !== undefined) {
        report(
          'warn',
          'ebs-copy',
          'a region copy is running: start another when it ends',
        );
        return;
      }
      store.reset(initialState(source));
      void pickTarget();
    },
    [session, openPane, report, pickTarget],
  );
}
