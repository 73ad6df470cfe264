import { useEffect, useState } from 'react';
import type { ServerSummary } from '../../source/mysql/admin/server-status.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';

const SUMMARY_MS = 5000;

/**
 * The server's figures, sampled every 5 s while the view is open (QPS needs
 * two samples). A failed sample keeps the figures before it, silently: the
 * process list below reports the connection's errors.
 */
export function useMysqlServerSummary(
  connection: MysqlConnection,
): ServerSummary | undefined {
  const [summary, setSummary] = useState<ServerSummary | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    const sample = () =>
      void connection.services.server
        .summary({ signal: controller.signal })
        .then(
          (next) => !controller.signal.aborted && setSummary(next),
          () => undefined,
        );
    sample();
    const timer = setInterval(sample, SUMMARY_MS);
    return () => (controller.abort(), clearInterval(timer));
  }, [connection]);
  return summary;
}
