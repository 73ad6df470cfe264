import { useMemo } from 'react';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useKeys } from '../../hooks/input/useKeys.js';
import { useSmtpCredentials } from '../../hooks/ses/useSmtpCredentials.js';
import { sesLines } from '../../source/panes/ses/ses-view.js';
import type { PaneProps } from '../shell/pane-props.js';
import { ScrollView } from '../widgets/ScrollView.js';
import { useTheme } from '../theme.js';

/** SES SMTP credentials of the session's key, shown once on request and gone when the view closes. */
export function SesPane({ title, height, width, isActive }: PaneProps) {
  const { session } = useShellApi();
  const theme = useTheme();
  const { state, onCommand } = useSmtpCredentials();
  useKeys(['pane:ses'], onCommand, isActive);
  const lines = useMemo(
    () =>
      sesLines(state, {
        region: session.settings.region,
        profile: session.settings.profile ?? 'default',
        ellipsis: theme.glyphs.ellipsis,
      }),
    [state, session, theme.glyphs.ellipsis],
  );
  return (
    <ScrollView
      title={title}
      lines={lines}
      height={height}
      width={width}
      isActive={isActive}
    />
  );
}
