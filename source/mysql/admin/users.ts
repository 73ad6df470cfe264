/**
 * Accounts and grants: list user@host, create, set password, grant and
 * revoke from a fixed privilege list on db.* or one table, show grants,
 * drop. Passwords go into the statement as literals (the server needs them)
 * and never into the event log or history.
 */
import { UserError } from '../../lib/errors.js';
import { count, text } from '../cells.js';
import type { MysqlSession } from '../mysql-session.js';
import { quoteAccount, quoteString } from '../sql-quote.js';
import { grantObject, privilegeList, type GrantTarget } from './grants.js';

export {
  DATABASE_PRIVILEGES,
  HOST_CHOICES,
  TABLE_PRIVILEGES,
  type GrantTarget,
} from './grants.js';
import { accountWarnings, type AccountWarning } from './user-warnings.js';

export interface Account {
  readonly user: string;
  readonly host: string;
}

export interface AccountRow extends Account {
  readonly plugin: string;
  readonly hasPassword: boolean;
  readonly locked: boolean;
  /** Global privileges (from mysql.user's *_priv columns), e.g. SELECT, SUPER. */
  readonly globalPrivileges: readonly string[];
  readonly warnings: readonly AccountWarning[];
}

export interface UserService {
  readonly list: (signal?: AbortSignal) => Promise<AccountRow[]>;
  readonly create: (
    account: Account,
    password: string | undefined,
  ) => Promise<void>;
  readonly setPassword: (account: Account, password: string) => Promise<void>;
  readonly grant: (
    account: Account,
    privileges: readonly string[],
    on: GrantTarget,
  ) => Promise<void>;
  readonly revoke: (
    account: Account,
    privileges: readonly string[],
    on: GrantTarget,
  ) => Promise<void>;
  /** SHOW GRANTS, with password hashes replaced by <hash>. */
  readonly showGrants: (account: Account) => Promise<string[]>;
  readonly drop: (account: Account) => Promise<void>;
}

function checkAccount(account: Account): void {
  if (account.user.length === 0 || account.user.length > 128)
    throw new UserError('a user name needs 1 to 128 characters');
  if (account.host.length === 0 || account.host.length > 255)
    throw new UserError('a host needs 1 to 255 characters', {
      hint: 'use % for any host',
    });
}

const describeAccount = (account: Account) =>
  `'${account.user}'@'${account.host}'`;

export function createUserService(session: MysqlSession): UserService {
  const who = (account: Account) => {
    checkAccount(account);
    return quoteAccount(account, session.literalMode());
  };
  const literal = (value: string) => quoteString(value, session.literalMode());
  const write = async (
    operation: string,
    description: string,
    sql: () => string,
  ) => {
    await session.connect();
    const statement = sql();
    await session.write(operation, description, () => session.run(statement));
  };
  return {
    async list(signal) {
      await session.connect(signal);
      const rows = await session.rows(
        'SELECT * FROM mysql.user ORDER BY User, Host',
        signal,
      );
      return rows
        .filter((row) => text(row['is_role']) !== 'Y')
        .map((row) => {
          const globalPrivileges = Object.keys(row)
            .filter(
              (column) => column.endsWith('_priv') && text(row[column]) === 'Y',
            )
            .map((column) =>
              column
                .replace(/_priv$/, '')
                .replaceAll('_', ' ')
                .toUpperCase(),
            );
          const plugin = text(row['plugin']);
          const auth = text(row['authentication_string'] ?? row['Password']);
          const base = {
            user: text(row['User']),
            host: text(row['Host']),
            plugin,
            hasPassword: auth !== '' && auth !== 'invalid',
            locked:
              text(row['account_locked']) === 'Y' ||
              count(row['max_user_connections']) < 0,
            globalPrivileges,
          };
          return { ...base, warnings: accountWarnings(base) };
        });
    },
    create: async (account, password) =>
      write(
        'CreateUser',
        `create user ${describeAccount(account)}`,
        () =>
          `CREATE USER ${who(account)}${password === undefined ? '' : ` IDENTIFIED BY ${literal(password)}`}`,
      ),
    setPassword: async (account, password) =>
      write(
        'SetPassword',
        `set password of ${describeAccount(account)}`,
        () => `ALTER USER ${who(account)} IDENTIFIED BY ${literal(password)}`,
      ),
    grant: async (account, privileges, on) =>
      write(
        'Grant',
        `grant ${privilegeList(privileges, on)} on ${grantObject(on)} to ${describeAccount(account)}`,
        () =>
          `GRANT ${privilegeList(privileges, on)} ON ${grantObject(on)} TO ${who(account)}`,
      ),
    revoke: async (account, privileges, on) =>
      write(
        'Revoke',
        `revoke ${privilegeList(privileges, on)} on ${grantObject(on)} from ${describeAccount(account)}`,
        () =>
          `REVOKE ${privilegeList(privileges, on)} ON ${grantObject(on)} FROM ${who(account)}`,
      ),
    async showGrants(account) {
      await session.connect();
      const rows = await session.arrays(`SHOW GRANTS FOR ${who(account)}`);
      return rows.rows.map((row) =>
        text(row[0]).replace(/PASSWORD '[^']*'/gi, "PASSWORD '<hash>'"),
      );
    },
    drop: async (account) =>
      write(
        'DropUser',
        `drop user ${describeAccount(account)}`,
        () => `DROP USER ${who(account)}`,
      ),
  };
}
