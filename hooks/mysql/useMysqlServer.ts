import type { Command } from '../../source/keymap/index.js';
import type {
  ProcessRow,
  ServerSummary,
} from '../../source/mysql/admin/server-status.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import {
  killForm,
  killRequest,
} from '../../source/panes/mysql/server-dialogs.js';
import { useReadOnlyRefusal } from '../actions/useReadOnlyRefusal.js';
import { resultOf, useConfirmedWrite } from '../actions/useWriteAction.js';
import { useShellApi } from '../context/shell-context.js';
import type { LoadedList } from '../table/useListLoader.js';
import { useMysqlList } from './useMysqlList.js';
import { useMysqlServerSummary } from './useMysqlServerSummary.js';

export interface MysqlServer {
  readonly summary: ServerSummary | undefined;
  readonly processes: LoadedList<ProcessRow>;
  readonly onCommand: (command: Command, row: ProcessRow | undefined) => void;
}

/** The server view: its figures, the process list, and K, which kills a process after asking. */
export function useMysqlServer(connection: MysqlConnection): MysqlServer {
  const shell = useShellApi();
  const refuse = useReadOnlyRefusal();
  const confirmedWrite = useConfirmedWrite();
  const { server } = connection.services;
  const summary = useMysqlServerSummary(connection);
  const processes = useMysqlList(
    (signal) => server.processes(signal),
    connection.name,
  );
  const onCommand = (command: Command, row: ProcessRow | undefined) => {
    if (command !== 'mysql.server.kill' || !row) return;
    if (refuse.command(command, 'mysql', connection.guard)) return;
    void (async () => {
      const values = await shell.ask(killForm(row));
      if (!values) return;
      const what = values['what'] === 'connection' ? 'connection' : 'query';
      await confirmedWrite(killRequest(row, what), () => ({
        what: `kill ${what} ${row.id}`,
        source: 'mysql',
        call: resultOf(() => server.kill(row.id, what)),
        refresh: () => processes.loader.refresh(),
      }));
    })();
  };
  return { summary, processes, onCommand };
}
