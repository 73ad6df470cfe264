import { Box, Text } from 'ink';
import { useAppDeps } from '../../hooks/context/app-context.js';
import { useInputEvent } from '../../hooks/input/useInputEvent.js';
import type { MysqlQuery } from '../../hooks/mysql/useMysqlQuery.js';
import { keyName } from '../../source/keymap/index.js';
import { MYSQL_VIEW_SCOPE } from '../../source/keymap/mysql.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface MysqlEditorProps {
  readonly query: MysqlQuery;
  readonly lines: number;
  readonly width: number;
  readonly isActive: boolean;
  readonly onLeave: () => void;
}

const SCOPES = ['prompt', MYSQL_VIEW_SCOPE('editor'), 'global'] as const;

/**
 * SQL input that takes the whole keyboard while it is active: Enter adds a
 * line, or runs once the text ends with `;`; ↑/↓ walk the history; Esc leaves
 * it; Ctrl+C cancels a running statement (KILL QUERY), else clears the text.
 */
export function MysqlEditor({
  query,
  lines,
  width,
  isActive,
  onLeave,
}: MysqlEditorProps) {
  const { keymap } = useAppDeps();
  const theme = useTheme();
  useInputEvent(
    (input, key) => {
      const name = keyName(input, key);
      const command = keymap.resolve(name, SCOPES);
      switch (command) {
        case 'prompt.accept': {
          const text = query.liveText();
          if (text.trim() === '') return;
          return /;\s*$/.test(text) ? query.run() : query.setText(`${text}\n`);
        }
        case 'mysql.editor.run':
          return query.run();
        case 'mysql.editor.clear':
          return query.setText('');
        case 'prompt.cancel':
          return onLeave();
        case 'prompt.previous':
          return query.history(-1);
        case 'prompt.next':
          return query.history(1);
        case 'shell.cancel':
          return query.running ? query.cancel() : query.setText('');
        case undefined:
        default:
          break;
      }
      if (key.backspace || key.delete)
        return query.setText((text) => text.slice(0, -1));
      if (
        key.ctrl ||
        key.meta ||
        key.tab ||
        key.upArrow ||
        key.downArrow ||
        key.leftArrow ||
        key.rightArrow
      )
        return;
      // Typed text or a paste; pasted line breaks become new lines.
      if (input.length > 0)
        query.setText((text) => text + input.replace(/\r\n?/g, '\n'));
    },
    isActive,
    true,
  );
  const all = query.text.split('\n');
  const shown = all.slice(-lines);
  const border = isActive ? theme.ui.accent : theme.ui.muted;
  return (
    <Box
      flexDirection="column"
      borderStyle={theme.ascii ? 'classic' : 'round'}
      borderColor={border}
      width={width}
    >
      {Array.from({ length: lines }, (_, index) => {
        const line = shown[index];
        const last = index === shown.length - 1;
        const prefix = index === 0 && all.length <= lines ? 'sql> ' : '  -> ';
        return (
          <Text key={index} wrap="truncate-end">
            {line === undefined
              ? ' '
              : fitCell(
                  `${prefix}${line}${last && isActive ? theme.glyphs.textCursor : ''}`,
                  width - 2,
                  { ellipsis: theme.glyphs.ellipsis },
                )}
          </Text>
        );
      })}
    </Box>
  );
}
