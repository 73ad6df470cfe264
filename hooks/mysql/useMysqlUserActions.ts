import type { Command } from '../../source/keymap/index.js';
import { describeError } from '../../source/lib/errors.js';
import {
  DATABASE_PRIVILEGES,
  TABLE_PRIVILEGES,
  type AccountRow,
  type GrantTarget,
} from '../../source/mysql/admin/users.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import { accountId } from '../../source/panes/mysql/mysql-format.js';
import {
  accountFrom,
  createUserForm,
  createUserRequest,
  dropUserRequest,
  grantsSections,
  grantTargetForm,
  passwordForm,
  privilegesRequest,
  privilegesTitle,
  type GrantVerb,
} from '../../source/panes/mysql/user-dialogs.js';
import { useCancellable } from '../actions/useCancellable.js';
import { useReadOnlyRefusal } from '../actions/useReadOnlyRefusal.js';
import {
  resultOf,
  useConfirmedWrite,
  useWriteAction,
} from '../actions/useWriteAction.js';
import { useCharset } from '../context/charset-context.js';
import { useShellApi } from '../context/shell-context.js';

type Choose = (
  title: string,
  items: readonly string[],
) => Promise<string[] | undefined>;

export interface MysqlUserActions {
  readonly onCommand: (command: Command, row: AccountRow | undefined) => void;
  readonly showGrants: (row: AccountRow) => void;
}

/** What the user keys do: create, password, grant/revoke from a checklist, show grants, drop. */
export function useMysqlUserActions(
  connection: MysqlConnection,
  reload: () => void,
  choose: Choose,
  database: string | undefined,
): MysqlUserActions {
  const shell = useShellApi();
  const { glyphs } = useCharset();
  const refuse = useReadOnlyRefusal();
  const write = useWriteAction();
  const confirmedWrite = useConfirmedWrite();
  const cancellable = useCancellable();
  const { users, databases } = connection.services;
  const reportError = (error: unknown) =>
    shell.report('error', 'mysql', describeError(error));

  /** Where and which privileges: a form, then a checklist. */
  const target = async (row: AccountRow, verb: GrantVerb) => {
    const names = await cancellable((signal) => databases.list(signal)).then(
      (rows) =>
        rows.filter((entry) => !entry.system).map((entry) => entry.name),
      (error: unknown) => (reportError(error), undefined),
    );
    if (!names) return undefined;
    const values = await shell.ask(grantTargetForm(row, verb, names, database));
    if (!values) return undefined;
    const table = (values['table'] ?? '').trim();
    const on: GrantTarget = {
      database: values['database'] ?? '',
      ...(table ? { table } : {}),
    };
    const where = table ? `${on.database}.${table}` : `${on.database}.*`;
    const privileges = await choose(
      privilegesTitle(row, verb, where),
      table ? TABLE_PRIVILEGES : DATABASE_PRIVILEGES,
    );
    if (!privileges || privileges.length === 0) return undefined;
    return { on, where, privileges };
  };

  const create = async () => {
    const values = await shell.ask(createUserForm(glyphs));
    if (!values) return;
    const account = accountFrom(values);
    await confirmedWrite(createUserRequest(account), () => ({
      what: `create user ${accountId(account)}`,
      source: 'mysql',
      call: resultOf(() => users.create(account, values['password'])),
      refresh: reload,
    }));
  };

  const setPassword = async (row: AccountRow) => {
    const values = await shell.ask(passwordForm(row));
    if (!values) return;
    await write({
      what: `set the password of ${accountId(row)}`,
      source: 'mysql',
      call: resultOf(() => users.setPassword(row, values['password'] ?? '')),
      refresh: reload,
    });
  };

  const changePrivileges = async (row: AccountRow, verb: GrantVerb) => {
    const chosen = await target(row, verb);
    if (!chosen) return;
    const { on, where, privileges } = chosen;
    await confirmedWrite(
      privilegesRequest(row, verb, where, privileges),
      () => ({
        what: `${verb.toLowerCase()} ${privileges.join(', ')} on ${where}`,
        source: 'mysql',
        call: resultOf(() =>
          verb === 'Grant'
            ? users.grant(row, privileges, on)
            : users.revoke(row, privileges, on),
        ),
        refresh: reload,
      }),
    );
  };

  const showGrants = (row: AccountRow) =>
    void users
      .showGrants(row)
      .then(
        (grants) =>
          shell.pushDetail(
            `Grants of ${accountId(row)}`,
            grantsSections(row, grants),
          ),
        reportError,
      );

  const onCommand = (command: Command, row: AccountRow | undefined) => {
    if (refuse.command(command, 'mysql', connection.guard)) return;
    if (command === 'mysql.users.create') return void create();
    if (!row) return;
    switch (command) {
      case 'mysql.users.password':
        return void setPassword(row);
      case 'mysql.users.grant':
        return void changePrivileges(row, 'Grant');
      case 'mysql.users.revoke':
        return void changePrivileges(row, 'Revoke');
      case 'mysql.users.drop':
        return void confirmedWrite(dropUserRequest(row), () => ({
          what: `drop user ${accountId(row)}`,
          source: 'mysql',
          call: resultOf(() => users.drop(row)),
          refresh: reload,
        }));

      // Commands of the other live scopes are not this handler's.
      default:
        break;
    }
  };
  return { onCommand, showGrants };
}
