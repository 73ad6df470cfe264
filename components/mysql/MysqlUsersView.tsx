import { Box } from 'ink';
import { useMysqlUsers } from '../../hooks/mysql/useMysqlUsers.js';
import { MYSQL_VIEW_SCOPE } from '../../source/keymap/mysql.js';
import type { AccountRow } from '../../source/mysql/admin/users.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import { userColumns } from '../../source/panes/mysql/mysql-columns.js';
import { accountId } from '../../source/panes/mysql/mysql-format.js';
import { MysqlChecklist } from './MysqlChecklist.js';
import { MysqlListTable } from './MysqlListTable.js';

export interface MysqlUsersViewProps {
  readonly connection: MysqlConnection;
  readonly database: string | undefined;
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
  readonly filter: string;
}

/** Accounts with warnings; Enter shows the grants. */
export function MysqlUsersView(props: MysqlUsersViewProps) {
  const users = useMysqlUsers(props.connection, props.database);
  const { checklist } = users;
  // The list stays mounted (hidden) under the checklist: its cursor is still on
  // the account the grant was for when the list comes back.
  return (
    <Box flexDirection="column">
      {checklist ? (
        <MysqlChecklist
          title={checklist.title}
          items={checklist.items}
          height={props.height}
          width={props.width}
          isActive={props.isActive}
          onDone={checklist.resolve}
        />
      ) : null}
      <Box display={checklist ? 'none' : 'flex'} flexDirection="column">
        <MysqlListTable<AccountRow>
          title="Users"
          columns={userColumns}
          rowId={accountId}
          list={users.list}
          scope={MYSQL_VIEW_SCOPE('users')}
          filter={props.filter}
          height={props.height}
          width={props.width}
          isActive={props.isActive && !checklist}
          emptyText="no accounts visible to this user"
          onOpen={users.showGrants}
          onCommand={users.onCommand}
        />
      </Box>
    </Box>
  );
}
