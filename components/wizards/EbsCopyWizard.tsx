import { useMemo } from 'react';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useEbsCopyWizard } from '../../hooks/wizards/ebs-copy/useEbsCopyWizard.js';
import { useKeysNow } from '../../hooks/shell/useKeysNow.js';
import { useWizardKeys } from '../../hooks/wizards/useWizardKeys.js';
import { ebsCopyKeysNow } from '../../source/wizards/ebs-copy/views/keys-now.js';
import { screenLines } from '../../source/wizards/ebs-copy/views/screen-view.js';
import { stepLabel } from '../../source/wizards/ebs-copy/views/wizard-view.js';
import type { PaneProps } from '../shell/pane-props.js';
import { WizardScreen } from './WizardScreen.js';
import { useTheme } from '../theme.js';

/**
 * The region-copy wizard: one screen per step (source, target, options,
 * pre-flight, plan, run, finish). Choices open pickers and forms over it;
 * the state lives in the session, so leaving and coming back loses nothing.
 */
export function EbsCopyWizard({ title, height, width, isActive }: PaneProps) {
  const theme = useTheme();
  const { session } = useShellApi();
  const { snapshot, onCommand } = useEbsCopyWizard();
  useWizardKeys('pane:ebs-copy', onCommand, isActive);
  useKeysNow('pane:ebs-copy', ebsCopyKeysNow(snapshot));
  const lines = useMemo(
    () =>
      screenLines(snapshot, {
        width,
        glyphs: theme.glyphs,
        region: session.settings.region,
        readOnly: session.guard.readOnly,
      }),
    [snapshot, width, theme.glyphs, session],
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
