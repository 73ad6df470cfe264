import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../source/lib/errors.js';
import type { QueryResult } from '../../source/mysql/query/query-console.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import { consoleWriteRequest } from '../../source/panes/mysql/server-dialogs.js';
import { useShellApi } from '../context/shell-context.js';

export interface MysqlQuery {
  readonly text: string;
  /** The text as the last key left it, ahead of the render when keys come in a burst. */
  readonly liveText: () => string;
  readonly setText: (text: string | ((current: string) => string)) => void;
  readonly running: boolean;
  /** The last good result; an error does not replace it. */
  readonly result: QueryResult | undefined;
  readonly error: string | undefined;
  readonly run: () => void;
  readonly cancel: () => void;
  readonly history: (step: 1 | -1) => void;
}

/**
 * The query console's state: the text, one running statement, the last good
 * result, the error in place. A statement that writes (as the server will
 * lex it, with the functions it calls) asks first; read-only mode refuses it
 * before it is sent, and the service refuses again.
 */
export function useMysqlQuery(connection: MysqlConnection): MysqlQuery {
  const shell = useShellApi();
  const [text, setShownText] = useState('');
  // Keys of a burst arrive before the render of the one before: each edits
  // what the last key left, and Enter runs it.
  const live = useRef('');
  const setText = useCallback(
    (next: string | ((current: string) => string)) => {
      live.current = typeof next === 'function' ? next(live.current) : next;
      setShownText(live.current);
    },
    [],
  );
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<QueryResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const historyIndex = useRef<number | undefined>(undefined);
  const { console: sql } = connection.services;
  // Earlier runs' statements, for ↑.
  useEffect(() => {
    void connection.history.load().catch(() => undefined);
  }, [connection.history]);

  // A statement on its way (classified, asked about or running). Keys of a
  // burst arrive before any render, so this is a ref: a second Enter in the
  // same burst must see it. Such an Enter is kept as one run to come.
  const busy = useRef(false);
  const queued = useRef(false);

  /** One statement, from the text the last key left; true when it ran. */
  const runOnce = useCallback(async (): Promise<boolean> => {
    const sent = live.current;
    const statement = sent.trim();
    if (statement === '') return false;
    let verdict;
    try {
      verdict = await sql.classify(statement);
    } catch (failure) {
      setError(describeError(failure));
      return false;
    }
    if (!verdict.read) {
      if (connection.guard.readOnly) {
        setError(
          `read-only: ${verdict.reason}; only reads run here (${connection.guard.reason})`,
        );
        return false;
      }
      const answer = await shell.confirm(consoleWriteRequest(statement));
      if (!answer.confirmed) return false;
    }
    setRunning(true);
    setError(undefined);
    try {
      const next = await sql.run(statement, { maxRows: 1000 });
      setResult(next);
      setError(undefined);
      historyIndex.current = undefined;
      // What was typed while it ran stays: only the statement that ran goes.
      setText((current) =>
        current.startsWith(sent)
          ? current.slice(sent.length).trimStart()
          : current,
      );
      return true;
    } catch (failure) {
      setError(describeError(failure));
      return false;
    } finally {
      setRunning(false);
    }
  }, [connection.guard, shell, sql, setText]);

  const run = useCallback(() => {
    if (busy.current) {
      queued.current = true;
      return;
    }
    busy.current = true;
    void (async () => {
      try {
        let again = true;
        while (again) {
          queued.current = false;
          // A run asked for meanwhile runs what is left, if anything is.
          again =
            (await runOnce()) && queued.current && live.current.trim() !== '';
        }
      } finally {
        busy.current = false;
        queued.current = false;
      }
    })();
  }, [runOnce]);

  const cancel = useCallback(() => {
    void sql.cancel().then(
      (sent) => sent && shell.report('info', 'mysql', 'KILL QUERY sent'),
      (failure: unknown) =>
        shell.report('error', 'mysql', describeError(failure)),
    );
  }, [sql, shell]);

  const history = useCallback(
    (step: 1 | -1) => {
      const entries = connection.history.entries();
      if (entries.length === 0) return;
      const from = historyIndex.current ?? entries.length;
      const next = Math.min(entries.length, Math.max(0, from + step));
      historyIndex.current = next;
      setText(entries[next] ?? '');
    },
    [connection.history, setText],
  );
  const liveText = useCallback(() => live.current, []);
  return {
    text,
    liveText,
    setText,
    running,
    result,
    error,
    run,
    cancel,
    history,
  };
}
