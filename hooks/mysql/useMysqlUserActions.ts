import { describeError } from '../../source/lib/errors.js';
import {
  DATABASE_PRIVILEGES,
  TABLE_PRIVILEGES,
  type AccountRow,
  type GrantTarget,
} from '../../source/mysql/admin/users.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import {
  accountFrom,
  createUserForm,
  dropUserRequest,
  grantTargetForm,
  passwordForm,
} from '../../source/panes/mysql/mysql-dialogs.js';
import { accountId } from '../../source/panes/mysql/mysql-format.js';
import { useCharset } from '../context/charset-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useMysqlRefuse } from './useMysqlRefuse.js';
import { useMysqlWrite } from './useMysqlWrite.js';

type Choose = (
  title: string,
  items: readonly string[],
) => Promise<string[] | undefined>;

/** What the user keys do: create, password, grant/revoke from a checklist, show grants, drop. */
export function useMysqlUserActions(
  connection: MysqlConnection,
  reload: () => void,
  choose: Choose,
  database: string | undefined,
): {
  onCommand: (command: string, row: AccountRow | undefined) => void;
  showGrants: (row: AccountRow) => void;
} {
  const shell = useShellApi();
  const { glyphs } = useCharset();
  const write = useMysqlWrite();
  const refuse = useMysqlRefuse(connection.guard);
  const { users, databases } = connection.services;

  const target = async (row: AccountRow, verb: 'Grant' | 'Revoke') => {
    const names = await databases.list().then(
      (rows) =>
        rows.filter((entry) => !entry.system).map((entry) => entry.name),
      (error: unknown) => (
        shell.report('error', 'mysql', describeError(error)),
        undefined
      ),
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
      `${verb} on ${where} ${verb === 'Grant' ? 'to' : 'from'} ${accountId(row)}`,
      table ? TABLE_PRIVILEGES : DATABASE_PRIVILEGES,
    );
    if (!privileges || privileges.length === 0) return undefined;
    return { on, where, privileges };
  };

  const showGrants = (row: AccountRow) =>
    void users.showGrants(row).then(
      (grants) =>
        shell.pushDetail(`Grants of ${accountId(row)}`, [
          { title: 'SHOW GRANTS', rows: grants.map((grant) => ['', grant]) },
          ...(row.warnings.length > 0
            ? [
                {
                  title: 'Warnings',
                  rows: row.warnings.map((warning): [string, string] => [
                    '!',
                    warning.message,
                  ]),
                },
              ]
            : []),
        ]),
      (error: unknown) => shell.report('error', 'mysql', describeError(error)),
    );

  const onCommand = (command: string, row: AccountRow | undefined) => {
    if (refuse(command)) return;
    void (async () => {
      switch (command) {
        case 'mysql.users.create': {
          const values = await shell.ask(createUserForm(glyphs));
          if (!values) return;
          const account = accountFrom(values);
          const answer = await shell.confirm({
            level: 'yes-no',
            title: `Create user ${accountId(account)}`,
            targets: [accountId(account)],
            ...(account.host === '%'
              ? { warnings: ['% lets it log in from any host.'] }
              : {}),
            action: 'Create',
          });
          if (answer.confirmed)
            await write(
              `create user ${accountId(account)}`,
              () => users.create(account, values['password']),
              reload,
            );
          return;
        }
        case 'mysql.users.password': {
          if (!row) return;
          const values = await shell.ask(passwordForm(row));
          if (values)
            await write(
              `set the password of ${accountId(row)}`,
              () => users.setPassword(row, values['password'] ?? ''),
              reload,
            );
          return;
        }
        case 'mysql.users.grant':
        case 'mysql.users.revoke': {
          if (!row) return;
          const verb = command === 'mysql.users.grant' ? 'Grant' : 'Revoke';
          const chosen = await target(row, verb);
          if (!chosen) return;
          const answer = await shell.confirm({
            level: 'yes-no',
            title: `${verb} on ${chosen.where}`,
            targets: [
              `${chosen.privileges.join(', ')} ${verb === 'Grant' ? 'to' : 'from'} ${accountId(row)}`,
            ],
            action: verb,
          });
          if (!answer.confirmed) return;
          await write(
            `${verb.toLowerCase()} ${chosen.privileges.join(', ')} on ${chosen.where}`,
            () =>
              verb === 'Grant'
                ? users.grant(row, chosen.privileges, chosen.on)
                : users.revoke(row, chosen.privileges, chosen.on),
            reload,
          );
          return;
        }
        case 'mysql.users.drop': {
          if (!row) return;
          const answer = await shell.confirm(dropUserRequest(row));
          if (answer.confirmed)
            await write(
              `drop user ${accountId(row)}`,
              () => users.drop(row),
              reload,
            );
          return;
        }
      }
    })();
  };
  return { onCommand, showGrants };
}
