import { useCallback, useSyncExternalStore } from 'react';
import type { MysqlPlaceValue } from '../../source/mysql/mysql-place.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';

export interface MysqlPlaceControl extends MysqlPlaceValue {
  readonly openDatabase: (database: string) => void;
  readonly openTable: (table: string) => void;
}

const NOWHERE: MysqlPlaceValue = { database: undefined, table: undefined };
const NONE = () => () => undefined;

/**
 * The chosen database and table of the connection on screen: kept with the
 * connection, so leaving `:mysql` and coming back finds them again.
 */
export function useMysqlPlace(
  connection: MysqlConnection | undefined,
): MysqlPlaceControl {
  const place = connection?.services.place;
  const value = useSyncExternalStore(
    place ? place.subscribe : NONE,
    place ? place.getSnapshot : () => NOWHERE,
  );
  const openDatabase = useCallback(
    (database: string) => place?.set({ database, table: undefined }),
    [place],
  );
  const openTable = useCallback(
    (table: string) => place?.update((current) => ({ ...current, table })),
    [place],
  );
  return { ...value, openDatabase, openTable };
}
