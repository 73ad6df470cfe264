import { Text } from 'ink';
import { useAppDeps } from '../../hooks/context/app-context.js';
import { type Binding, type Scope } from '../../source/keymap/index.js';
import { appliesNow, type KeysNow } from '../../source/keymap/keys-now.js';
import { useTheme } from '../theme.js';

export interface FooterProps {
  readonly scopes: readonly Scope[];
  readonly width: number;
  /** Replaces the generic "open" label with what Enter does on this pane. */
  readonly openLabel?: string | undefined;
  readonly readOnly: boolean;
  /** What the open dialog is: y/n only mean yes/no on buttons, not in a text field. */
  readonly dialog?: FooterDialog | undefined;
  /** Keys a view said do nothing now are left out. */
  readonly keysNow: KeysNow;
}

export type FooterDialog = 'buttons' | 'typed' | 'form' | 'pick';

/** The dialog keys that apply to each kind of dialog, and what Enter does there. */
const DIALOG_KEYS: Record<
  FooterDialog,
  { commands?: readonly string[]; accept: string }
> = {
  buttons: { accept: 'press' },
  typed: { commands: ['dialog.accept', 'dialog.cancel'], accept: 'confirm' },
  form: {
    commands: ['dialog.next', 'dialog.accept', 'dialog.cancel'],
    accept: 'submit',
  },
  pick: { commands: ['dialog.accept', 'dialog.cancel'], accept: 'choose' },
};

/** Help first, then what this pane does, then the keys that work everywhere, then table keys. */
function hintRank(binding: Binding): number {
  if (binding.command === 'shell.help') return 0;
  if (binding.scope.startsWith('pane:')) return 1;
  if (
    binding.scope === 'global' ||
    binding.scope === 'prompt' ||
    binding.scope === 'dialog'
  )
    return 2;
  return 3;
}

/** Key hints for what is on screen, drawn from the keymap, as many as fit. */
export function Footer({
  scopes,
  width,
  openLabel,
  readOnly,
  dialog,
  keysNow,
}: FooterProps) {
  const { keymap } = useAppDeps();
  const theme = useTheme();
  const hints = [...keymap.bindingsIn(scopes)]
    .sort((a, b) => hintRank(a) - hintRank(b))
    .filter(
      (binding) =>
        binding.hint !== undefined &&
        !(readOnly && binding.write === true) &&
        appliesNow(binding, keysNow) &&
        (dialog === undefined ||
          binding.scope !== 'dialog' ||
          (DIALOG_KEYS[dialog].commands?.includes(binding.command) ?? true)),
    )
    .map((binding) => {
      const keys =
        binding.command === 'table.sort'
          ? '1-9'
          : theme.keys.key(binding.keys[0] ?? '');
      const label =
        binding.command === 'table.open' && openLabel
          ? openLabel
          : binding.command === 'dialog.accept' && dialog
            ? DIALOG_KEYS[dialog].accept
            : (binding.hint ?? '');
      return { keys, label };
    });
  const shown: typeof hints = [];
  let used = 0;
  for (const hint of hints) {
    if (shown.some((other) => other.label === hint.label)) continue;
    const cost = hint.keys.length + 1 + hint.label.length + 2;
    if (used + cost > width) break;
    shown.push(hint);
    used += cost;
  }
  return (
    <Text wrap="truncate-end">
      {shown.map((hint) => (
        <Text key={`${hint.keys}${hint.label}`}>
          <Text color={theme.ui.key} bold>
            {hint.keys}
          </Text>
          {/* A string, so formatting cannot fold the two-space gap. */}
          <Text color={theme.ui.muted}>{` ${hint.label}  `}</Text>
        </Text>
      ))}
    </Text>
  );
}
