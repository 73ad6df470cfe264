/**
 * The query console's current database: the one chosen in the panes, made
 * current with USE on the console's own connection (again after a reconnect),
 * and a USE typed in the console moves the panes' choice along.
 */
import type { RowDataPacket } from 'mysql2/promise';
import { text } from '../cells.js';
import type { MysqlLink } from '../mysql-link.js';
import type { MysqlPlace } from '../mysql-place.js';
import { quoteId } from '../sql-quote.js';
import { mysqlError } from '../mysql-errors.js';

export function consoleDatabase(place: MysqlPlace | undefined) {
  /** The database the link is in, as far as this console set or read it. */
  let current: { link: MysqlLink; name: string | undefined } | undefined;
  return {
    /** Makes the chosen database current on the link, once per choice. */
    async useChosen(link: MysqlLink): Promise<void> {
      const wanted = place?.getSnapshot().database;
      if (wanted === undefined) return;
      if (current?.link === link && current.name === wanted) return;
      await link.connection
        .query(`USE ${quoteId(wanted)}`)
        .catch((error: unknown) => {
          throw mysqlError(error, 'the console connection');
        });
      current = { link, name: wanted };
    },
    /** After a USE typed in the console: the panes follow the new database. */
    async followUse(link: MysqlLink): Promise<void> {
      const [rows] = await link.connection.query<RowDataPacket[]>(
        'SELECT DATABASE() AS db',
      );
      const found: unknown = rows[0]?.['db'];
      const name =
        found === null || found === undefined ? undefined : text(found);
      current = { link, name };
      if (place && name !== place.getSnapshot().database)
        place.set({ database: name, table: undefined });
    },
  };
}
