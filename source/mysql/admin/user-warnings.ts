/** Account checks the users view shows beside each account. */

export type AccountWarning =
  | { readonly kind: 'global-privileges'; readonly message: string }
  | { readonly kind: 'open-without-password'; readonly message: string };

/** Accounts that are meant to be administrators or internal to the server. */
const ADMIN_USERS = new Set([
  'root',
  'mysql.sys',
  'mysql.session',
  'mysql.infoschema',
  'mariadb.sys',
  'debian-sys-maint',
  'admin',
]);
/** Plugins that authenticate by a password (so an empty one means none). */
const PASSWORD_PLUGINS = new Set([
  '',
  'mysql_native_password',
  'caching_sha2_password',
  'sha256_password',
  'mysql_old_password',
]);
/** Privileges that do not let an account read or change data. */
const HARMLESS = new Set(['USAGE']);

export function accountWarnings(account: {
  user: string;
  host: string;
  plugin: string;
  hasPassword: boolean;
  locked: boolean;
  globalPrivileges: readonly string[];
}): AccountWarning[] {
  const warnings: AccountWarning[] = [];
  const global = account.globalPrivileges.filter((name) => !HARMLESS.has(name));
  if (!ADMIN_USERS.has(account.user) && global.length > 0)
    warnings.push({
      kind: 'global-privileges',
      message: `${account.user}@${account.host} has global privileges (${global.slice(0, 4).join(', ')}${global.length > 4 ? ', ...' : ''}); an application user needs grants on its own database only`,
    });
  if (
    account.host === '%' &&
    !account.locked &&
    !account.hasPassword &&
    PASSWORD_PLUGINS.has(account.plugin)
  )
    warnings.push({
      kind: 'open-without-password',
      message: `${account.user}@% can log in from any host without a password`,
    });
  return warnings;
}
