/** Privilege checklists and the GRANT/REVOKE object clause. */
import { UserError } from '../../lib/errors.js';
import { grantDatabase, quoteTable } from '../sql-quote.js';

/** What a checklist offers; names as GRANT spells them. */
export const DATABASE_PRIVILEGES = [
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'CREATE',
  'DROP',
  'ALTER',
  'INDEX',
  'REFERENCES',
  'CREATE TEMPORARY TABLES',
  'LOCK TABLES',
  'EXECUTE',
  'CREATE VIEW',
  'SHOW VIEW',
  'CREATE ROUTINE',
  'ALTER ROUTINE',
  'EVENT',
  'TRIGGER',
  'ALL PRIVILEGES',
] as const;
export const TABLE_PRIVILEGES = [
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'CREATE',
  'DROP',
  'ALTER',
  'INDEX',
  'REFERENCES',
  'CREATE VIEW',
  'SHOW VIEW',
  'TRIGGER',
  'ALL PRIVILEGES',
] as const;

/** Host choices the create form offers; any other text is a custom host. */
export const HOST_CHOICES = [
  'localhost',
  '%',
  '10.%',
  '192.168.%',
  '172.16.%',
] as const;

/** A grant target: every table of a database, or one table. */
export interface GrantTarget {
  readonly database: string;
  readonly table?: string | undefined;
}

export function privilegeList(
  privileges: readonly string[],
  on: GrantTarget,
): string {
  const allowed: readonly string[] =
    on.table === undefined ? DATABASE_PRIVILEGES : TABLE_PRIVILEGES;
  const chosen = privileges.map((name) => name.trim().toUpperCase());
  if (chosen.length === 0) throw new UserError('choose at least one privilege');
  const unknown = chosen.filter((name) => !allowed.includes(name));
  if (unknown.length > 0)
    throw new UserError(
      `not a ${on.table === undefined ? 'database' : 'table'} privilege: ${unknown.join(', ')}`,
    );
  return chosen.join(', ');
}

export function grantObject(on: GrantTarget): string {
  // Only database-level grants treat _ and % as wildcards.
  return on.table === undefined
    ? `${grantDatabase(on.database)}.*`
    : quoteTable(on.database, on.table);
}
