import { dumpTarget } from '../../source/panes/mysql/dump-target.js';
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
import { formatBytes } from '../../source/panes/mysql/mysql-format.js';
import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useMysqlRefuse } from './useMysqlRefuse.js';
import { useMysqlWrite } from './useMysqlWrite.js';

/** What the database keys do: create, drop (typed), dump and restore as jobs. */
export function useMysqlDatabaseActions(
  connection: MysqlConnection,
  reload: () => void,
): (command: string, row: DatabaseRow | undefined) => void {
  const deps = useAppDeps();
  const shell = useShellApi();
  const write = useMysqlWrite();
  const refuse = useMysqlRefuse(connection.guard);
  const { databases } = connection.services;

  return (command, row) => {
    if (refuse(command)) return;
    void (async () => {
      switch (command) {
        case 'mysql.databases.create': {
          const charsets = await databases
            .charsets()
            .catch((error: unknown) => {
              shell.report('error', 'mysql', describeError(error));
              return undefined;
            });
          if (!charsets) return;
          const values = await shell.ask(createDatabaseForm(charsets));
          if (!values) return;
          const database = newDatabaseFrom(values);
          const { name, charset, collation } = database;
          const answer = await shell.confirm(createDatabaseRequest(database));
          if (!answer.confirmed) return;
          await write(
            `create database ${name}`,
            () =>
              databases.create(name, {
                ...(charset ? { charset } : {}),
                ...(collation ? { collation } : {}),
              }),
            reload,
          );
          return;
        }
        case 'mysql.databases.drop': {
          if (!row) return;
          const answer = await shell.confirm(dropDatabaseRequest(row.name));
          if (answer.confirmed)
            await write(
              `drop database ${row.name}`,
              () => databases.drop(row.name),
              reload,
            );
          return;
        }
        case 'mysql.databases.dump': {
          if (!row) return;
          const values = await shell.ask(dumpForm(row.name, deps.home));
          if (!values) return;
          const gzip = isOn(values, 'gzip');
          const target = dumpTarget(values['file'] ?? '', row.name, gzip);
          const path = target.kind === 'file' ? target.path : target.uri;
          const transfers = shell.session.services.s3Transfers;
          // A job: progress in the job strip, Ctrl+C cancels, the file appears only when complete.
          const job = deps.jobs.start(
            `dump ${row.name}`,
            ({ signal, report }) =>
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
                onProgress: (bytes) =>
                  report({ bytesDone: bytes, itemsDone: 0 }),
              }),
          );
          try {
            const result = await job.result;
            shell.report(
              'info',
              'mysql',
              `dumped ${row.name}: ${formatBytes(result.bytes)} of SQL, ${formatBytes(result.storedBytes)} in ${path}`,
            );
          } catch (error) {
            shell.report(
              'error',
              'mysql',
              `dump of ${row.name}: ${describeError(error)}`,
            );
          }
          return;
        }
        case 'mysql.databases.restore': {
          const values = await shell.ask(restoreForm(row?.name ?? ''));
          if (!values) return;
          const file = (values['file'] ?? '').trim();
          const database = (values['database'] ?? '').trim();
          const exists = await databases.exists(database).catch(() => false);
          const answer = await shell.confirm(
            restoreRequest(file, database, exists),
          );
          if (!answer.confirmed) return;
          await write(
            `restore ${file} into ${database}`,
            () =>
              deps.jobs.start(`restore ${database}`, ({ signal, report }) =>
                connection.services.restore({
                  database,
                  file,
                  signal,
                  onProgress: (bytes, total) =>
                    report({
                      bytesDone: bytes,
                      bytesTotal: total,
                      itemsDone: 0,
                    }),
                }),
              ).result,
            reload,
          );
          return;
        }
      }
    })();
  };
}
