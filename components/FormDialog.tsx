import { Box, Text } from 'ink';
import { useState } from 'react';
import { useKeys } from '../hooks/useKeys.js';
import {
  firstInvalid,
  validateForm,
  type FormSpec,
  type FormValues,
} from '../source/form.js';
import { fitCell } from '../source/table-layout.js';
import { TextInput } from './TextInput.js';
import { useTheme } from './theme.js';

export interface FormDialogProps {
  readonly form: FormSpec;
  readonly width: number;
  readonly onSubmit: (values: FormValues) => void;
  readonly onCancel: () => void;
}

/**
 * Fields with labels and a message under each field that is wrong. Tab moves
 * between fields; Enter submits only when every field is valid.
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
      form.fields.map((field) => [field.name, field.initial ?? '']),
    ),
  );
  const [focus, setFocus] = useState(0);
  const [showErrors, setShowErrors] = useState(false);
  const errors = validateForm(form, values);
  const inner = Math.max(20, width - 4);
  const labelWidth = Math.min(
    20,
    Math.max(...form.fields.map((field) => field.label.length)) + 1,
  );

  useKeys(
    ['dialog'],
    (command) => {
      const count = form.fields.length;
      switch (command) {
        case 'dialog.cancel':
          return onCancel();
        case 'dialog.next':
          return setFocus((focus + 1) % count);
        case 'dialog.previous':
          return setFocus((focus - 1 + count) % count);
        case 'dialog.accept': {
          const invalid = firstInvalid(form, errors);
          if (invalid === -1) return onSubmit(values);
          setShowErrors(true);
          return setFocus(invalid);
        }
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
      <Text bold>{fitCell(form.title, inner)}</Text>
      {form.fields.map((field, index) => {
        const error = errors[field.name];
        const shownError =
          error !== undefined &&
          (showErrors || (values[field.name] ?? '') !== '')
            ? error
            : undefined;
        return (
          <Box key={field.name} flexDirection="column">
            <Box>
              <Text color={index === focus ? theme.ui.accent : undefined}>
                {fitCell(field.label, labelWidth)}{' '}
              </Text>
              <TextInput
                value={values[field.name] ?? ''}
                onChange={(value) =>
                  setValues({ ...values, [field.name]: value })
                }
                isActive={index === focus}
                mask={field.mask ?? false}
                placeholder={field.placeholder ?? ''}
                width={inner - labelWidth - 1}
              />
            </Box>
            {shownError ? (
              <Text color={theme.tone('error')}>
                {fitCell(
                  `${' '.repeat(labelWidth + 1)}${theme.glyphs.error} ${shownError}`,
                  inner,
                )}
              </Text>
            ) : null}
          </Box>
        );
      })}
      <Text color={theme.ui.muted}>
        {fitCell(
          [
            'Tab next field',
            `Enter ${form.submitLabel.toLowerCase()}`,
            'Esc cancel',
          ].join(` ${theme.glyphs.dot} `),
          inner,
        )}
      </Text>
    </Box>
  );
}
