import { useMemo } from 'react';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useKeysNow } from '../../hooks/shell/useKeysNow.js';
import { useWizardKeys } from '../../hooks/wizards/useWizardKeys.js';
import { rootResetKeysNow } from '../../source/wizards/root-reset/views/keys-now.js';
import { useRootResetWizard } from '../../hooks/wizards/root-reset/useRootResetWizard.js';
import {
  screenLines,
  stepLabel,
} from '../../source/wizards/root-reset/views/screen-view.js';
import type { PaneProps } from '../shell/pane-props.js';
import { WizardScreen } from './WizardScreen.js';
import { useTheme } from '../theme.js';

/**
 * The root-password reset wizard: connection, server found, plan, run,
 * result. Choices open pickers and forms over it; the state lives in a
 * run-wide service, so leaving and coming back loses nothing and a run
 * keeps reporting while the screen is closed.
 */
export function RootResetWizard({ title, height, width, isActive }: PaneProps) {
  const theme = useTheme();
  const { session } = useShellApi();
  const { snapshot, onCommand } = useRootResetWizard();
  useWizardKeys('pane:reset-root', onCommand, isActive);
  useKeysNow('pane:reset-root', rootResetKeysNow(snapshot));
  const lines = useMemo(
    () =>
      screenLines(snapshot, {
        width,
        height,
        glyphs: theme.glyphs,
        readOnly: session.guard.readOnly,
        readOnlyReason: session.guard.reason,
      }),
    [snapshot, width, height, theme.glyphs, session],
  );
  const { state } = snapshot;
  return (
    <WizardScreen
      step={state.step}
      title={`${title} ${theme.glyphs.dot} ${stepLabel(state)}`}
      lines={lines}
      height={height}
      width={width}
      isActive={isActive}
    />
  );
}
