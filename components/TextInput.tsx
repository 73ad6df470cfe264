import { Text, type Key } from 'ink';
import { useLayoutEffect, useState } from 'react';
import { useInputEvent } from '../hooks/useInputEvent.js';
import { inputMode } from '../source/terminal/input-mode.js';
import { useTheme } from './theme.js';

export interface TextInputProps {
  readonly value: string;
  onChange(value: string): void;
  readonly isActive: boolean;
  /** Shown as bullets: passwords, passphrases. */
  readonly mask?: boolean;
  readonly placeholder?: string;
  /** Width the text may take; the view scrolls to keep the cursor in it. */
  readonly width?: number;
}

/**
 * One line of editable text. Enter, Esc, Tab and the vertical arrows belong
 * to the parent (prompt or dialog); this handles editing only.
 */
export function TextInput({ value, onChange, isActive, mask = false, placeholder = '', width = 60 }: TextInputProps) {
  const theme = useTheme();
  const [cursorState, setCursor] = useState(value.length);
  const cursor = Math.min(cursorState, value.length);

  // While this field has the keyboard, typed and pasted text arrives in runs.
  useLayoutEffect(() => (isActive ? inputMode.enterText() : undefined), [isActive]);

  useInputEvent(
    (input: string, key: Key) => {
      if (key.return || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return;
      if (key.leftArrow) return setCursor(Math.max(0, cursor - 1));
      if (key.rightArrow) return setCursor(Math.min(value.length, cursor + 1));
      // Terminals send DEL for Backspace, which Ink reports as delete.
      if (key.backspace || key.delete) {
        if (cursor === 0) return;
        onChange(value.slice(0, cursor - 1) + value.slice(cursor));
        return setCursor(cursor - 1);
      }
      if (key.ctrl) {
        if (input === 'a') return setCursor(0);
        if (input === 'e') return setCursor(value.length);
        if (input === 'u') {
          onChange(value.slice(cursor));
          return setCursor(0);
        }
        if (input === 'k') return onChange(value.slice(0, cursor));
        if (input === 'w') {
          const start = value.slice(0, cursor).replace(/\S+\s*$/, '').length;
          onChange(value.slice(0, start) + value.slice(cursor));
          return setCursor(start);
        }
        return;
      }
      if (key.meta || input === '') return;
      // Pasted text arrives in one piece; line breaks become spaces.
      const text = input.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001F\u007F]/g, '');
      onChange(value.slice(0, cursor) + text + value.slice(cursor));
      setCursor(cursor + text.length);
    },
    isActive,
  );

  const shown = mask ? '•'.repeat(value.length) : value;
  if (shown === '' && !isActive) return <Text color={theme.ui.muted}>{placeholder}</Text>;
  const start = Math.max(0, cursor - width + 1);
  const before = shown.slice(start, cursor);
  const at = shown[cursor] ?? ' ';
  const after = shown.slice(cursor + 1, start + width);
  return (
    <Text>
      {before}
      {isActive ? <Text inverse>{at}</Text> : at}
      {after}
      {shown === '' && placeholder ? <Text color={theme.ui.muted}>{placeholder}</Text> : null}
    </Text>
  );
}
