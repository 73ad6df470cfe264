/** Password forms for the server and the client, and the mask shown instead of them. */
import { createHash } from 'node:crypto';

export const MASK = '********';

/** MariaDB/MySQL `mysql_native_password` hash: '*' + upper hex SHA1(SHA1(utf8)). */
export function nativePasswordHash(password: string): string {
  const inner = createHash('sha1').update(password, 'utf8').digest();
  return `*${createHash('sha1').update(inner).digest('hex').toUpperCase()}`;
}

/** Why a new password cannot be used, or undefined. */
export function passwordProblem(
  password: string,
  confirmation: string,
): string | undefined {
  if (password.length === 0) return 'the new password is empty';
  if (/[\0\r\n]/.test(password))
    return 'a password cannot hold a line break or NUL';
  if (password !== confirmation) return 'the two passwords differ';
  return undefined;
}

/** A short strength hint for the form; advisory, never blocking. */
export function strengthHint(password: string): string {
  if (password.length === 0) return '';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) =>
    re.test(password),
  ).length;
  if (password.length < 8) return 'weak: under 8 characters';
  if (password.length < 12 || classes < 3)
    return 'fair: 12+ characters of 3 kinds resist guessing better (MySQL validate_password may refuse it)';
  return 'strong';
}
