import { useEffect, useRef } from 'react';
import type { MysqlConnectionControl } from './useMysqlConnection.js';
import { useMysqlOneOff } from './useMysqlOneOff.js';

/**
 * Opened for an instance (`at`, an SSH target such as its DNS name): asks
 * once for the MySQL user, then connects.
 */
export function useMysqlConnectAt(
  at: string | undefined,
  connect: MysqlConnectionControl['connect'],
  onConnected: () => void,
): void {
  const connectOnce = useMysqlOneOff(connect);
  const asked = useRef(false);
  useEffect(() => {
    if (!at || asked.current) return;
    asked.current = true;
    void connectOnce(at).then((ok) => ok && onConnected());
  }, [at, connectOnce, onConnected]);
}
