import { Box, Text } from 'ink';
import { useState } from 'react';
import { useKeys } from '../hooks/useKeys.js';
import {
  typedMatches,
  typedPrefixLength,
  type ConfirmRequest,
} from '../source/safety/confirm.js';
import { fitCell } from '../source/table-layout.js';
import { TextInput } from './TextInput.js';
import { useTheme } from './theme.js';

export interface ConfirmDialogProps {
  readonly request: ConfirmRequest;
  readonly width: number;
  readonly height: number;
  readonly onResolve: (confirmed: boolean) => void;
}

/**
 * Yes/No with the focus on No, or typed confirmation: the exact ID or name
 * must be typed before Enter does anything. Every target is listed; a long
 * list scrolls with ↑/↓.
 */
export function ConfirmDialog({
  request,
  width,
  height,
  onResolve,
}: ConfirmDialogProps) {
  const theme = useTheme();
  const typed = request.level === 'typed';
  const [focusYes, setFocusYes] = useState(false);
  const [text, setText] = useState('');
  const [top, setTop] = useState(0);
  const [nudge, setNudge] = useState('');
  const inner = Math.max(20, width - 4);
  const warnings = request.warnings ?? [];
  // Title, blank, warnings, blank, prompt/buttons, borders.
  const listHeight = Math.max(
    1,
    height - 6 - warnings.length - (typed ? 2 : 0),
  );
  const maxTop = Math.max(0, request.targets.length - listHeight);

  useKeys(
    ['dialog'],
    (command) => {
      if (command === 'dialog.cancel') return onResolve(false);
      if (command === 'dialog.scrollUp')
        return setTop((current) => Math.max(0, current - 1));
      if (command === 'dialog.scrollDown')
        return setTop((current) => Math.min(maxTop, current + 1));
      if (typed) {
        if (command !== 'dialog.accept') return;
        if (typedMatches(request.expected, text)) return onResolve(true);
        return setNudge(
          `type exactly ${request.expected ?? ''} to confirm, or Esc to cancel`,
        );
      }
      switch (command) {
        case 'dialog.yes':
          return onResolve(true);
        case 'dialog.no':
          return onResolve(false);
        case 'dialog.next':
        case 'dialog.previous':
          return setFocusYes((current) => !current);
        case 'dialog.accept':
          return onResolve(focusYes);
      }
    },
    true,
  );

  const shown = request.targets.slice(top, top + listHeight);
  const more =
    request.targets.length > listHeight
      ? ` (${top + 1}-${top + shown.length} of ${request.targets.length}, ${theme.glyphs.upDown} scroll)`
      : '';
  const fit = (line: string) =>
    fitCell(line, inner, { ellipsis: theme.glyphs.ellipsis });
  const matched =
    request.expected === undefined
      ? 0
      : typedPrefixLength(request.expected, text);
  const button = (label: string, focused: boolean, danger: boolean) => (
    <Text
      inverse={focused}
      bold={focused}
      color={danger ? theme.ui.danger : undefined}
    >{` ${label} `}</Text>
  );
  return (
    <Box
      flexDirection="column"
      borderStyle={theme.ascii ? 'classic' : 'round'}
      borderColor={typed ? theme.ui.danger : theme.ui.accent}
      paddingX={1}
      width={width}
    >
      <Text bold color={typed ? theme.ui.danger : undefined}>
        {fit(`${request.title}${more}`)}
      </Text>
      {shown.map((target) => (
        <Text key={target}>{fit(`  ${target}`)}</Text>
      ))}
      {warnings.map((warning) => (
        <Text key={warning} color={theme.tone('warn')}>
          {fit(`${theme.glyphs.warn} ${warning}`)}
        </Text>
      ))}
      {typed ? (
        <Box flexDirection="column">
          <Text>
            {'Type '}
            <Text bold>{request.expected}</Text>
            {` to ${request.action.toLowerCase()}, Esc cancels:`}
          </Text>
          <Box>
            <Text
              color={
                matched === text.length ? theme.tone('ok') : theme.tone('error')
              }
            >
              {'> '}
            </Text>
            <TextInput
              value={text}
              onChange={(value) => {
                setText(value);
                setNudge('');
              }}
              isActive
              width={inner - 2}
            />
          </Box>
          <Text color={theme.tone('error')}>{fit(nudge)}</Text>
        </Box>
      ) : (
        <Box gap={2} marginTop={1}>
          {button('No', !focusYes, false)}
          {button(request.action, focusYes, true)}
          <Text color={theme.ui.muted}>
            {['y/n', 'Tab switches', 'Enter presses'].join(
              ` ${theme.glyphs.dot} `,
            )}
          </Text>
        </Box>
      )}
    </Box>
  );
}
