import { Box, Text } from 'ink';
import type { FormField as Field } from '../../source/lib/form.js';
import { YES } from '../../source/lib/form.js';
import { wrapLines } from '../../source/lib/wrap-lines.js';
import { TextInput } from '../widgets/TextInput.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface FormFieldProps {
  readonly field: Field;
  readonly value: string;
  readonly focused: boolean;
  readonly error: string | undefined;
  readonly labelWidth: number;
  readonly width: number;
  /** Shown in place of the hint: the names Tab completion could not choose between. */
  readonly note?: string | undefined;
  readonly onChange: (value: string) => void;
}

/** One row of a form: label, the input (text, switch or choice), then its hint or error. */
export function FormField({
  field,
  value,
  focused,
  error,
  labelWidth,
  width,
  note,
  onChange,
}: FormFieldProps) {
  const theme = useTheme();
  const kind = field.kind ?? 'text';
  const inputWidth = width - labelWidth - 1;
  const pad = ' '.repeat(labelWidth + 1);
  const hint = field.liveHint?.(value) ?? field.hint;
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={focused ? theme.ui.accent : undefined}>
          {fitCell(field.label, labelWidth, {
            ellipsis: theme.glyphs.ellipsis,
          })}{' '}
        </Text>
        {kind === 'text' ? (
          <TextInput
            value={value}
            onChange={onChange}
            isActive={focused}
            mask={field.mask ?? false}
            placeholder={field.placeholder ?? ''}
            width={inputWidth}
          />
        ) : kind === 'toggle' ? (
          <Text inverse={focused}>{`[${value === YES ? 'x' : ' '}]`}</Text>
        ) : (
          <Text inverse={focused}>
            {fitCell(`< ${value} >`, inputWidth, {
              ellipsis: theme.glyphs.ellipsis,
            })}
          </Text>
        )}
      </Box>
      {error ? (
        <Text color={theme.tone('error')}>
          {wrapLines(error, width, {
            first: `${pad}${theme.glyphs.error} `,
            rest: `${pad}  `,
          }).join('\n')}
        </Text>
      ) : note ? (
        <Text color={theme.tone('info')}>
          {wrapLines(note, width, { first: pad }).join('\n')}
        </Text>
      ) : focused && hint ? (
        <Text color={theme.ui.muted}>
          {wrapLines(hint, width, { first: pad }).join('\n')}
        </Text>
      ) : null}
    </Box>
  );
}
