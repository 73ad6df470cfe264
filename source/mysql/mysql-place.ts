/**
 * Where the person is in one connection: the chosen database and table. It
 * lives as long as the connection (the pane remounts; this stays), and the
 * query console works in the same database: choosing `shop` in Databases
 * makes it current there, and a USE typed in the console moves the panes.
 */
import { createStore, type Store } from '../lib/store.js';

export interface MysqlPlaceValue {
  readonly database: string | undefined;
  readonly table: string | undefined;
}

export type MysqlPlace = Store<MysqlPlaceValue>;

export function createMysqlPlace(): MysqlPlace {
  return createStore<MysqlPlaceValue>({
    database: undefined,
    table: undefined,
  });
}
