/** POSIX shell single-quoting: any string becomes one word. */
import { UserError } from '../lib/errors.js';

export function shellQuote(value: string): string {
  if (value.includes('\0'))
    throw new UserError('a value for a remote command holds a NUL character');
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
