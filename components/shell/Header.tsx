import { Text } from 'ink';
import type { IdentityState } from '../../hooks/shell/useIdentity.js';
import { shortPrincipal } from '../../source/aws/identity.js';
import type { SessionSettings } from '../../source/session/session-settings.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';
import { safeLine } from '../../source/lib/terminal-text.js';

export interface HeaderProps {
  readonly settings: SessionSettings;
  readonly profileLabel: string;
  readonly identity: IdentityState;
  readonly width: number;
}

interface Segment {
  readonly text: string;
  readonly color?: string | undefined;
  readonly bold?: boolean;
}

/** One line: who and where every action will go. */
export function Header({
  settings,
  profileLabel,
  identity,
  width,
}: HeaderProps) {
  const theme = useTheme();
  // Order is importance: what is cut for width comes last, READ-ONLY never goes.
  const segments: Segment[] = [
    { text: 'opsdeck', color: theme.ui.accent, bold: true },
    { text: profileLabel, bold: true },
    { text: settings.region, bold: true },
  ];
  if (settings.readOnly)
    segments.push({ text: 'READ-ONLY', color: theme.tone('warn'), bold: true });
  if (identity.status === 'ok') {
    segments.push({ text: identity.identity.account });
    // Room to spare shows the whole ARN; otherwise the principal is enough.
    segments.push({
      text:
        width >= 140
          ? identity.identity.arn
          : shortPrincipal(identity.identity.arn),
      color: theme.ui.muted,
    });
  } else if (identity.status === 'loading') {
    segments.push({
      text: `checking identity${theme.glyphs.ellipsis}`,
      color: theme.ui.muted,
    });
  } else {
    const label =
      identity.kind === 'no-credentials'
        ? 'no credentials'
        : identity.kind === 'sso-login'
          ? 'SSO login needed'
          : 'identity unknown';
    segments.push({
      text: `${theme.glyphs.error} ${label}`,
      color: theme.tone('error'),
    });
  }
  if (settings.endpoint !== undefined && width >= 100)
    segments.push({ text: settings.endpoint, color: theme.ui.muted });

  const separator = ` ${theme.glyphs.separator} `;
  let used = 0;
  const shown: Segment[] = [];
  // The profile's name and the ARN come from outside: shown safe.
  for (const segment of segments.map((raw) => ({
    ...raw,
    text: safeLine(raw.text),
  }))) {
    const cost =
      (shown.length > 0 ? separator.length : 0) + segment.text.length;
    const room = width - used - (shown.length > 0 ? separator.length : 0);
    if (cost > width - used) {
      if (room > 4)
        shown.push({
          ...segment,
          text: fitCell(segment.text, room, {
            ellipsis: theme.glyphs.ellipsis,
          }).trimEnd(),
        });
      break;
    }
    shown.push(segment);
    used += cost;
  }
  return (
    <Text wrap="truncate-end">
      {shown.map((segment, index) => (
        <Text key={segment.text}>
          {index > 0 ? <Text color={theme.ui.muted}>{separator}</Text> : null}
          <Text color={segment.color} bold={segment.bold ?? false}>
            {segment.text}
          </Text>
        </Text>
      ))}
    </Text>
  );
}
