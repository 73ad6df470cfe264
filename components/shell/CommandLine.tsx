import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import { useKeys } from '../../hooks/input/useKeys.js';
import {
  complete,
  type CompletionContext,
} from '../../source/shell/command-line.js';
import { TextInput } from '../widgets/TextInput.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface CommandLineProps {
  readonly width: number;
  readonly completion: CompletionContext;
  /** Earlier commands, oldest first. */
  readonly history: readonly string[];
  readonly onRun: (text: string) => void;
  readonly onCancel: () => void;
}

/** The `:` prompt: Tab completes, ↑/↓ walk the history, candidates show beside it. */
export function CommandLine({
  width,
  completion,
  history,
  onRun,
  onCancel,
}: CommandLineProps) {
  const theme = useTheme();
  const [text, setShownText] = useState('');
  // Enter can come in the same burst as the last letters, before their render:
  // it runs what was typed, not what was last drawn.
  const typed = useRef('');
  const setText = (next: string) => {
    typed.current = next;
    setShownText(next);
  };
  const [historyIndex, setHistoryIndex] = useState(history.length);

  useKeys(
    ['prompt'],
    (command) => {
      switch (command) {
        case 'prompt.complete':
          return setText(complete(typed.current, completion).text);
        case 'prompt.accept':
          return onRun(typed.current);
        case 'prompt.cancel':
          return onCancel();
        case 'prompt.previous': {
          const index = Math.max(0, historyIndex - 1);
          setHistoryIndex(index);
          return setText(history[index] ?? typed.current);
        }
        case 'prompt.next': {
          const index = Math.min(history.length, historyIndex + 1);
          setHistoryIndex(index);
          return setText(history[index] ?? '');
        }

        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    },
    true,
  );

  const candidates = complete(text, completion).candidates;
  const inputWidth = Math.max(10, Math.min(width - 20, text.length + 2));
  const listWidth = Math.max(0, width - inputWidth - 4);
  const list =
    text === ''
      ? ['Tab completes', 'Enter runs', 'Esc cancels'].join(
          ` ${theme.glyphs.dot} `,
        )
      : candidates.slice(0, 12).join(' ');
  return (
    <Box>
      <Text color={theme.ui.accent} bold>
        :
      </Text>
      <TextInput value={text} onChange={setText} isActive width={inputWidth} />
      <Text
        color={theme.ui.muted}
      >{`  ${fitCell(list, listWidth, { ellipsis: theme.glyphs.ellipsis })}`}</Text>
    </Box>
  );
}
