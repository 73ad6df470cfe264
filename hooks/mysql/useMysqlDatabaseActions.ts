import type { Command } from '../../source/keymap/index.js';
import { describeError } from '../../source/lib/errors.js';
import { isOn } from '../../source/lib/form.js';
import type { DatabaseRow } from '../../source/mysql/admin/databases.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import {
  createDatabaseForm,
  createDatabaseRequest,
  dropDatabaseRequest,
  dumpForm,
  newDatabaseFrom,
  restoreForm,
  restoreRequest,
} from '../../source/panes/mysql/database-dialogs.js';
import { dumpTarget } from '../../source/panes/mysql/dump-target.js';
import { formatBytes } from '../../source/panes/mysql/mysql-format.js';
import { useJob } from '../actions/useJob.js';
import { useReadOnlyRefusal } from '../actions/useReadOnlyRefusal.js';
import { resultOf, useConfirmedWrite } from '../actions/useWriteAction.js';
import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';

/** What the database keys do: create, drop (typed), dump and restore as jobs. */
export function useMysqlDatabaseActions(
  connection: MysqlConnection,
  reload: () => void,
): (command: Command, row: DatabaseRow | undefined) => void {
  const { home } = useAppDeps();
  const shell = useShellApi();
  const refuse = useReadOnlyRefusal();
  const confirmedWrite = useConfirmedWrite();
  const runJob = useJob();
  const { databases } = connection.services;

  const create = async () => {
    const charsets = await databases.charsets().catch((error: unknown) => {
      shell.report('error', 'mysql', describeError(error));
      return undefined;
    });
    if (!charsets) return;
    const values = await shell.ask(createDatabaseForm(charsets));
    if (!values) return;
    const database = newDatabaseFrom(values);
    const { name, charset, collation } = database;
    await confirmedWrite(createDatabaseRequest(database), () => ({
      what: `create database ${name}`,
      source: 'mysql',
      call: resultOf(() =>
        databases.create(name, {
          ...(charset ? { charset } : {}),
          ...(collation ? { collation } : {}),
        }),
      ),
      refresh: reload,
    }));
  };

  // A job: progress in the job strip, Ctrl+C cancels, the file appears only when complete.
  const dump = async (row: DatabaseRow) => {
    const values = await shell.ask(dumpForm(row.name, home));
    if (!values) return;
    const gzip = isOn(values, 'gzip');
    const target = dumpTarget(values['file'] ?? '', row.name, gzip);
    const path = target.kind === 'file' ? target.path : target.uri;
    const transfers = shell.session.services.s3Transfers;
    await runJob({
      title: `dump ${row.name}`,
      source: 'mysql',
      work: ({ signal, report }) =>
        connection.services.dump({
          database: row.name,
          to:
            target.kind === 'file'
              ? target
              : {
                  kind: 'upload',
                  upload: (body) =>
                    transfers.uploadStream(
                      target.bucket,
                      target.key,
                      body,
                      signal,
                    ),
                },
          gzip,
          signal,
          onProgress: (bytes) => report({ bytesDone: bytes, itemsDone: 0 }),
        }),
      done: (result) =>
        `dumped ${row.name}: ${formatBytes(result.bytes)} of SQL, ${formatBytes(result.storedBytes)} in ${path}`,
      failed: (error) => ({
        level: 'error',
        text: `dump of ${row.name}: ${describeError(error)}`,
      }),
    });
  };

  const restore = async (row: DatabaseRow | undefined) => {
    const values = await shell.ask(restoreForm(row?.name ?? ''));
    if (!values) return;
    const file = (values['file'] ?? '').trim();
    const database = (values['database'] ?? '').trim();
    const exists = await databases.exists(database).catch(() => false);
    const answer = await shell.confirm(restoreRequest(file, database, exists));
    if (!answer.confirmed) return;
    const what = `restore ${file} into ${database}`;
    const restored = await runJob({
      title: `restore ${database}`,
      source: 'mysql',
      work: ({ signal, report }) =>
        connection.services.restore({
          database,
          file,
          signal,
          onProgress: (bytes, total) =>
            report({ bytesDone: bytes, bytesTotal: total, itemsDone: 0 }),
        }),
      done: () => `${what}: done`,
      failed: (error) => ({
        level: 'error',
        text: `${what}: ${describeError(error)}`,
      }),
    });
    if (restored) reload();
  };

  return (command, row) => {
    if (refuse.command(command, 'mysql', connection.guard)) return;
    switch (command) {
      case 'mysql.databases.create':
        return void create();
      case 'mysql.databases.drop':
        if (!row) return;
        return void confirmedWrite(dropDatabaseRequest(row.name), () => ({
          what: `drop database ${row.name}`,
          source: 'mysql',
          call: resultOf(() => databases.drop(row.name)),
          refresh: reload,
        }));
      case 'mysql.databases.dump':
        if (row) void dump(row);
        return;
      case 'mysql.databases.restore':
        return void restore(row);

      // Commands of the other live scopes are not this handler's.
      default:
        break;
    }
  };
}
