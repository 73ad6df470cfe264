import { Text, type Key } from 'ink';
import { useLayoutEffect, useRef, useState } from 'react';
import { useInputEvent } from '../../hooks/input/useInputEvent.js';
import { inputMode } from '../../source/terminal/input-mode.js';
import { safeLine } from '../../source/lib/terminal-text.js';
import { useTheme } from '../theme.js';

export interface TextInputProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
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
export function TextInput({
  value,
  onChange,
  isActive,
  mask = false,
  placeholder = '',
  width = 60,
}: TextInputProps) {
  const theme = useTheme();
  // The cursor belongs to the value it was placed in; a value set from outside
  // (completion, history) puts the cursor at its end.
  const [edit, setEdit] = useState({ cursor: value.length, value });
  // Keys of a burst can arrive before the render of the one before: each edits
  // what the last key left, kept here, not the value of the last render.
  const live = useRef({ cursor: value.length, value, sent: [] as string[] });
  useLayoutEffect(() => {
    const state = live.current;
    if (value === state.value) state.sent = [];
    // A value this field sent itself, overtaken by later keys: not news.
    else if (!state.sent.includes(value))
      live.current = { cursor: value.length, value, sent: [] };
  }, [value]);
  const cursor =
    edit.value === value ? Math.min(edit.cursor, value.length) : value.length;
  const setCursor = (next: number) => {
    live.current = { ...live.current, cursor: next };
    setEdit({ cursor: next, value: live.current.value });
  };
  const change = (next: string, nextCursor: number) => {
    live.current = {
      cursor: nextCursor,
      value: next,
      sent: [...live.current.sent, next],
    };
    onChange(next);
    setEdit({ cursor: nextCursor, value: next });
  };

  // While this field has the keyboard, typed and pasted text arrives in runs.
  useLayoutEffect(
    () => (isActive ? inputMode.enterText() : undefined),
    [isActive],
  );

  useInputEvent((input: string, key: Key) => {
    const { value: current, cursor: at } = live.current;
    if (
      key.return ||
      key.escape ||
      key.tab ||
      key.upArrow ||
      key.downArrow ||
      key.pageUp ||
      key.pageDown
    )
      return;
    if (key.leftArrow) return setCursor(Math.max(0, at - 1));
    if (key.rightArrow) return setCursor(Math.min(current.length, at + 1));
    // Terminals send DEL for Backspace, which Ink reports as delete.
    if (key.backspace || key.delete) {
      if (at === 0) return;
      return change(current.slice(0, at - 1) + current.slice(at), at - 1);
    }
    if (key.ctrl) {
      if (input === 'a') return setCursor(0);
      if (input === 'e') return setCursor(current.length);
      if (input === 'u') return change(current.slice(at), 0);
      if (input === 'k') return change(current.slice(0, at), at);
      if (input === 'w') {
        const start = current.slice(0, at).replace(/\S+\s*$/, '').length;
        return change(current.slice(0, start) + current.slice(at), start);
      }
      return;
    }
    if (key.meta || input === '') return;
    // Pasted text arrives in one piece; line breaks become spaces.
    const text = input.replace(/[\r\n]+/g, ' ').replace(/\p{Cc}/gu, '');
    change(current.slice(0, at) + text + current.slice(at), at + text.length);
  }, isActive);

  const shown = mask ? theme.glyphs.secret.repeat(value.length) : value;
  if (shown === '' && !isActive)
    return <Text color={theme.ui.muted}>{placeholder}</Text>;
  // The cursor sits on the placeholder's first letter, so the hint starts in
  // the column the text will, focused or not.
  if (shown === '' && placeholder !== '')
    return (
      <Text color={theme.ui.muted}>
        <Text inverse>{placeholder.slice(0, 1)}</Text>
        {placeholder.slice(1)}
      </Text>
    );
  const start = Math.max(0, cursor - width + 1);
  // A value can start from outside (a tag line): its controls are shown, not sent.
  const before = safeLine(shown.slice(start, cursor));
  const at = safeLine(shown[cursor] ?? ' ');
  const after = safeLine(shown.slice(cursor + 1, start + width));
  return (
    <Text>
      {before}
      {isActive ? <Text inverse>{at}</Text> : at}
      {after}
    </Text>
  );
}
