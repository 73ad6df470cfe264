/** The alternate screen: the console draws there and leaves the shell's scrollback alone. */
export const ALT_SCREEN_ON = '\u001B[?1049h\u001B[H';
export const ALT_SCREEN_OFF = '\u001B[?1049l';
