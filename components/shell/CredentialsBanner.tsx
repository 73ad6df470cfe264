import { Box, Text } from 'ink';
import type { IdentityState } from '../../hooks/shell/useIdentity.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface CredentialsBannerProps {
  readonly identity: IdentityState;
  readonly width: number;
}

/** Lines the banner takes, so the shell can size the pane below it. */
export function bannerHeight(identity: IdentityState): number {
  return identity.status === 'problem' ? 2 : 0;
}

/** When the session has no usable identity: what is wrong and what to run. */
export function CredentialsBanner({ identity, width }: CredentialsBannerProps) {
  const theme = useTheme();
  if (identity.status !== 'problem') return null;
  const fit = (text: string) =>
    fitCell(text, width, { ellipsis: theme.glyphs.ellipsis });
  return (
    <Box flexDirection="column">
      <Text color={theme.tone('error')} bold>
        {fit(
          `${theme.glyphs.error} ${identity.message} ${theme.glyphs.dot} :whoami explains, Ctrl+R retries`,
        )}
      </Text>
      <Text color={theme.tone('warn')}>
        {fit(`  ${identity.hint ?? 'see :whoami'}`)}
      </Text>
    </Box>
  );
}
