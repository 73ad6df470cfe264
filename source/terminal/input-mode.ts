/**
 * Whether a text field has the keyboard. The paced input reads it to decide
 * between one key at a time (commands) and whole runs of text (typing, paste).
 */
let textFields = 0;

export const inputMode = {
  enterText(): () => void {
    textFields++;
    let released = false;
    return () => {
      if (!released) textFields--;
      released = true;
    };
  },
  get text(): boolean {
    return textFields > 0;
  },
};
