import { Text } from 'ink';
import { useAppDeps } from '../../hooks/context/app-context.js';
import { fitCell } from '../../source/lib/fit-cell.js';
import { type Scope } from '../../source/keymap/index.js';
import { useTheme } from '../theme.js';

/** The keys of the view on screen, from the keymap (the footer shows the pane's). */
export function MysqlHints({
  scopes,
  readOnly,
  width,
  prefix,
}: {
  readonly scopes: readonly Scope[];
  readonly readOnly: boolean;
  readonly width: number;
  readonly prefix?: string;
}) {
  const { keymap } = useAppDeps();
  const theme = useTheme();
  const hints = keymap
    .bindingsIn(scopes)
    .filter((binding) => binding.hint && !(readOnly && binding.write))
    .map(
      (binding) =>
        `${theme.keys.key(binding.keys[0] ?? '')} ${binding.hint ?? ''}`,
    );
  return (
    <Text color={theme.ui.muted}>
      {fitCell([prefix, ...hints].filter(Boolean).join('  '), width, {
        ellipsis: theme.glyphs.ellipsis,
      })}
    </Text>
  );
}
