/**
 * A here-document delimiter nobody can predict, checked against the body: a
 * fixed one could be closed early by a line in the body, and what follows
 * would run as script.
 */
import { randomBytes } from 'node:crypto';

export function heredocDelimiter(
  prefix: string,
  body: string,
  random: () => string = () => randomBytes(12).toString('hex'),
): string {
  for (;;) {
    const delimiter = `${prefix}_${random()}`;
    if (!body.includes(delimiter)) return delimiter;
  }
}
