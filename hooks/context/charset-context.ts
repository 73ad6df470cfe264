/**
 * The characters the screen may use, for hooks that make text (job titles,
 * dialogs): the theme is a component concern, its charset is not.
 */
import { createContext, useContext } from 'react';
import { charset, type Charset } from '../../source/lib/charset.js';

export const CharsetContext = createContext<Charset>(charset(false));

export function useCharset(): Charset {
  return useContext(CharsetContext);
}
