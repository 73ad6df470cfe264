/**
 * The account whose password is reset, checked wherever it comes from (the
 * form, --account) and again where the script is built: a line break in the
 * host would end the SQL heredoc and put a line of its own into a root shell.
 */
import { UserError } from '../../lib/errors.js';

type AccountField = 'user' | 'host';

/** C0, DEL, C1, and the Unicode line and paragraph separators. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029
  );
}

function shown(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why this user or host cannot be used, naming the field; undefined when it can. */
export function accountFieldProblem(
  field: AccountField,
  value: string,
): string | undefined {
  if (value.trim() === '') return `the account ${field} is required`;
  const control = [...value].find(isControl);
  if (control !== undefined)
    return `the account ${field} cannot hold a control character (${shown(control)}, e.g. a line break)`;
  return undefined;
}

export function checkAccount(account: {
  readonly user: string;
  readonly host: string;
}): void {
  for (const field of ['user', 'host'] as const) {
    const problem = accountFieldProblem(field, account[field]);
    if (problem)
      throw new UserError(problem, {
        hint: "e.g. root@localhost or 'admin@%'",
      });
  }
}
