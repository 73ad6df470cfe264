import { Box, Text } from 'ink';
import { useState } from 'react';
import { useKeys } from '../../hooks/input/useKeys.js';
import {
  typedMatches,
  typedPrefixLength,
  type ConfirmAnswer,
  type ConfirmOption,
  type ConfirmRequest,
} from '../../source/safety/confirm.js';
import {
  lineCount,
  optionLines,
  warningLines,
} from '../../source/safety/confirm-lines.js';
import { useAppDeps } from '../../hooks/context/app-context.js';
import { ConfirmOptions } from './ConfirmOptions.js';
import { TextInput } from '../widgets/TextInput.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';
import { cellWidth } from '../../source/lib/wrap-width.js';

export interface ConfirmDialogProps {
  readonly request: ConfirmRequest;
  readonly width: number;
  readonly height: number;
  readonly onResolve: (answer: ConfirmAnswer) => void;
}

const OPTION_COMMANDS: Readonly<Record<string, ConfirmOption['id']>> = {
  'dialog.dryRun': 'dryRun',
  'dialog.force': 'force',
};

/**
 * Yes/No with the focus on No, or typed confirmation: the exact ID or name
 * must be typed before Enter does anything. Every target is listed; a long
 * list scrolls with ↑/↓. Switches (dry run, force) flip with their keys.
 */
export function ConfirmDialog({
  request,
  width,
  height,
  onResolve,
}: ConfirmDialogProps) {
  const theme = useTheme();
  const { keymap } = useAppDeps();
  const typed = request.level === 'typed';
  const [focusYes, setFocusYes] = useState(false);
  const [text, setText] = useState('');
  const [top, setTop] = useState(0);
  const [nudge, setNudge] = useState('');
  const [options, setOptions] = useState<ConfirmAnswer['options']>(() =>
    Object.fromEntries(
      (request.options ?? []).map((option) => [
        option.id,
        option.initial ?? false,
      ]),
    ),
  );
  const inner = Math.max(20, width - 4);
  const warnings = warningLines(
    request.warnings ?? [],
    inner,
    theme.glyphs.warn,
  );
  const switches = optionLines(
    request.options ?? [],
    options,
    inner,
    (id) => {
      const key = keymap.binding(`dialog.${id}`)?.keys[0];
      return key === undefined ? undefined : theme.keys.key(key);
    },
    theme.glyphs.warn,
  );
  // Title, warnings, switches, prompt or buttons, borders.
  const listHeight = Math.max(
    1,
    height - 6 - warnings.length - lineCount(switches) - (typed ? 2 : 0),
  );
  const maxTop = Math.max(0, request.targets.length - listHeight);
  const dryRun = options.dryRun === true;
  const answer = (confirmed: boolean) =>
    onResolve({ confirmed, options: confirmed ? options : {} });

  useKeys(
    ['dialog'],
    (command) => {
      const option = OPTION_COMMANDS[command];
      if (option && request.options?.some((offered) => offered.id === option)) {
        return setOptions((current) => ({
          ...current,
          [option]: !current[option],
        }));
      }
      if (command === 'dialog.cancel') return answer(false);
      if (command === 'dialog.scrollUp')
        return setTop((current) => Math.max(0, current - 1));
      if (command === 'dialog.scrollDown')
        return setTop((current) => Math.min(maxTop, current + 1));
      if (typed) {
        if (command !== 'dialog.accept') return;
        // A dry run changes nothing, so it needs no typed name.
        if (
          dryRun ||
          typedMatches(request.expected, text, request.alsoAccepted)
        )
          return answer(true);
        return setNudge(
          `type exactly ${[request.expected ?? '', ...(request.alsoAccepted ?? [])].join(' or ')} to confirm, or Esc to cancel`,
        );
      }
      switch (command) {
        case 'dialog.yes':
          return answer(true);
        case 'dialog.no':
          return answer(false);
        case 'dialog.next':
        case 'dialog.previous':
          return setFocusYes((current) => !current);
        case 'dialog.accept':
          return answer(focusYes);

        // Commands of the other live scopes are not this handler's.
        default:
          break;
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
  // Green while what is typed can still become one of the accepted texts.
  const onTrack = [request.expected, ...(request.alsoAccepted ?? [])].some(
    (accepted) =>
      accepted !== undefined &&
      typedPrefixLength(accepted, text) === text.length,
  );
  const action = dryRun ? `Dry run: ${request.action}` : request.action;
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
        {/* A long title is cut, never the count of what is not shown. */}
        {more === ''
          ? fit(request.title)
          : `${fitCell(request.title, Math.max(1, inner - cellWidth(more)), {
              ellipsis: theme.glyphs.ellipsis,
            }).trimEnd()}${more}`}
      </Text>
      {shown.map((target) => (
        <Text key={target}>{fit(`  ${target}`)}</Text>
      ))}
      {warnings.length > 0 ? (
        <Text color={theme.tone('warn')}>{warnings.join('\n')}</Text>
      ) : null}
      <ConfirmOptions groups={switches} />
      {typed ? (
        <Box flexDirection="column">
          <Text>
            {dryRun ? 'Dry run: Enter asks EC2; ' : 'Type '}
            {dryRun ? null : <Text bold>{request.expected}</Text>}
            {dryRun || !request.alsoAccepted?.length
              ? null
              : ` (or ${request.alsoAccepted.join(', ')})`}
            {dryRun
              ? 'Esc cancels'
              : ` to ${request.action.toLowerCase()}, Esc cancels:`}
          </Text>
          <Box>
            <Text color={onTrack ? theme.tone('ok') : theme.tone('error')}>
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
          {button(action, focusYes, true)}
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
