/** The reset command's flags turned into reset options, checked before anything connects. */
import { UserError } from '../../lib/errors.js';
import { defaultOptions } from '../../wizards/root-reset/plan.js';
import { checkAccount } from '../../wizards/root-reset/account.js';
import type {
  Detection,
  Method,
  ResetOptions,
} from '../../wizards/root-reset/types.js';

export interface ResetRootFlags {
  readonly method?: string;
  /** user@host; the last @ splits them. */
  readonly account?: string;
  /** false with --no-socket-login. */
  readonly socketLogin?: boolean;
}

const METHODS: readonly Method[] = [
  'session',
  'init-file',
  'skip-grant-tables',
];

export function resetOptionsFrom(
  flags: ResetRootFlags,
): (detection: Detection) => ResetOptions {
  const method = flags.method;
  if (method !== undefined && !METHODS.includes(method as Method))
    throw new UserError(`unknown method "${method}"`, {
      hint: `use ${METHODS.join(', ')}`,
    });
  let account: { user: string; host: string } | undefined;
  if (flags.account !== undefined) {
    const at = flags.account.lastIndexOf('@');
    if (at <= 0 || at === flags.account.length - 1)
      throw new UserError(
        `--account ${JSON.stringify(flags.account)} is not user@host`,
        {
          hint: "e.g. root@localhost or 'admin@%'",
        },
      );
    account = {
      user: flags.account.slice(0, at),
      host: flags.account.slice(at + 1),
    };
    checkAccount(account);
  }
  return (detection) => ({
    ...defaultOptions(detection),
    ...(method === undefined ? {} : { method: method as Method }),
    ...account,
    ...(flags.socketLogin === false ? { keepSocketLogin: false } : {}),
  });
}
