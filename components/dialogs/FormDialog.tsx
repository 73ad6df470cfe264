import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import { useKeys } from '../../hooks/input/useKeys.js';
import { useKeysNow } from '../../hooks/shell/useKeysNow.js';
import {
  firstInvalid,
  stepValue,
  validateForm,
  type FormSpec,
  type FormValues,
} from '../../source/lib/form.js';
import { FormField } from './FormField.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface FormDialogProps {
  readonly form: FormSpec;
  readonly width: number;
  readonly onSubmit: (values: FormValues) => void;
  readonly onCancel: () => void;
}

/**
 * Fields with labels and a message under each field that is wrong. Tab and
 * ↓/↑ move between fields (in a path field Tab first completes, then lists what
 * still matches, then moves on); Space flips a switch; ←/→ change a choice (in a text field
 * they move the cursor); Enter submits only when every field is valid.
 */
export function FormDialog({
  form,
  width,
  onSubmit,
  onCancel,
}: FormDialogProps) {
  const theme = useTheme();
  const [values, setValues] = useState<FormValues>(() =>
    Object.fromEntries(
      form.fields.map((field) => [
        field.name,
        field.initial ??
          (field.kind === 'choice' ? (field.choices?.[0] ?? '') : ''),
      ]),
    ),
  );
  // Enter can come in the same burst as the last letters, before their render:
  // it submits what was typed, not what was last drawn.
  const live = useRef(values);
  const update = (change: (current: FormValues) => FormValues) => {
    live.current = change(live.current);
    setValues(live.current);
  };
  const [focus, setFocus] = useState(0);
  const [showErrors, setShowErrors] = useState(false);
  // What Tab completion found when it could not pick one; shown under the field.
  const [choices, setChoices] = useState('');
  const errors = validateForm(form, values);
  const inner = Math.max(20, width - 4);
  const labelWidth = Math.min(
    22,
    Math.max(...form.fields.map((field) => field.label.length)) + 1,
  );
  const focused = form.fields[focus];
  // In a path field Tab completes first: the shell's footer must not say "Tab next".
  useKeysNow(
    'dialog',
    focused?.complete
      ? ['dialog.accept', 'dialog.cancel']
      : ['dialog.next', 'dialog.accept', 'dialog.cancel'],
  );

  const step = (direction: 1 | -1) => {
    if (!focused || (focused.kind ?? 'text') === 'text') return false;
    update((current) => ({
      ...current,
      [focused.name]: stepValue(
        focused,
        current[focused.name] ?? '',
        direction,
      ),
    }));
    return true;
  };

  useKeys(
    ['dialog'],
    (command, key) => {
      const count = form.fields.length;
      switch (command) {
        case 'dialog.cancel':
          return onCancel();
        case 'dialog.toggle':
          return void step(1);
        case 'dialog.next':
        case 'dialog.previous': {
          const direction = command === 'dialog.next' ? 1 : -1;
          // ←/→ belong to the focused field: the cursor, or the choice.
          if (key === 'left' || key === 'right') return void step(direction);
          // Tab completes while that adds to the path, then lists the names
          // that still match, then moves on: it never traps the focus.
          if (key === 'tab' && focused?.complete) {
            const current = live.current[focused.name] ?? '';
            const completion = focused.complete(current);
            const listed = completion.choices.join('  ');
            if (
              completion.value !== current ||
              (listed !== '' && listed !== choices)
            ) {
              setChoices(listed);
              update((all) => ({
                ...all,
                [focused.name]: completion.value,
              }));
              return;
            }
          }
          setChoices('');
          return setFocus((current) => (current + direction + count) % count);
        }
        case 'dialog.scrollDown':
        case 'dialog.scrollUp': {
          // ↓/↑ always move between fields, whatever Tab does in this one.
          const direction = command === 'dialog.scrollDown' ? 1 : -1;
          setChoices('');
          return setFocus((current) => (current + direction + count) % count);
        }
        case 'dialog.accept': {
          const invalid = firstInvalid(form, validateForm(form, live.current));
          if (invalid === -1) return onSubmit(live.current);
          setShowErrors(true);
          return setFocus(invalid);
        }

        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    },
    true,
  );

  return (
    <Box
      flexDirection="column"
      borderStyle={theme.ascii ? 'classic' : 'round'}
      borderColor={theme.ui.accent}
      paddingX={1}
      width={width}
    >
      <Text bold>
        {fitCell(form.title, inner, { ellipsis: theme.glyphs.ellipsis })}
      </Text>
      {form.fields.map((field, index) => {
        const value = values[field.name] ?? '';
        const error = errors[field.name];
        return (
          <FormField
            key={field.name}
            field={field}
            value={value}
            focused={index === focus}
            note={index === focus && choices !== '' ? choices : undefined}
            error={
              error !== undefined &&
              (showErrors || (value !== '' && field.kind !== 'toggle'))
                ? error
                : undefined
            }
            labelWidth={labelWidth}
            width={inner}
            onChange={(next) => {
              setChoices('');
              update((current) => ({ ...current, [field.name]: next }));
            }}
          />
        );
      })}
      <Text color={theme.ui.muted}>
        {fitCell(
          [
            focused?.complete
              ? 'Tab completes, then next field'
              : 'Tab next field',
            focused?.kind === 'toggle'
              ? 'Space flips'
              : focused?.kind === 'choice'
                ? `${theme.glyphs.leftRight} change`
                : '',
            `Enter ${form.submitLabel.toLowerCase()}`,
            'Esc cancel',
          ]
            .filter(Boolean)
            .join(` ${theme.glyphs.dot} `),
          inner,
          { ellipsis: theme.glyphs.ellipsis },
        )}
      </Text>
    </Box>
  );
}
