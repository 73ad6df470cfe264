import type { AccountRow } from '../../source/mysql/admin/users.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import type { LoadedList } from '../table/useListLoader.js';
import {
  useMysqlChecklist,
  type ChecklistRequest,
} from './useMysqlChecklist.js';
import { useMysqlList } from './useMysqlList.js';
import {
  useMysqlUserActions,
  type MysqlUserActions,
} from './useMysqlUserActions.js';

export interface MysqlUsers extends MysqlUserActions {
  readonly list: LoadedList<AccountRow>;
  /** The privilege checklist, shown in place of the list while it is open. */
  readonly checklist: ChecklistRequest | undefined;
}

/** The users view: accounts, their keys, and the privilege checklist they open. */
export function useMysqlUsers(
  connection: MysqlConnection,
  database: string | undefined,
): MysqlUsers {
  const { users } = connection.services;
  const list = useMysqlList((signal) => users.list(signal), connection.name);
  const checklist = useMysqlChecklist();
  const actions = useMysqlUserActions(
    connection,
    () => list.loader.refresh(),
    checklist.choose,
    database,
  );
  return { list, checklist: checklist.request, ...actions };
}
