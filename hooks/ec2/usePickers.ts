import { useCallback } from 'react';
import type { InstanceRow } from '../../source/aws/ec2/types.js';
import { isEnabledRegion } from '../../source/aws/regions.js';
import { describeError } from '../../source/lib/errors.js';
import { useCancellable } from '../actions/useCancellable.js';
import { useShellApi } from '../context/shell-context.js';

/** Pages read for a picker at the most: 10 pages are 2,000 instances. */
const MAX_PAGES = 10;

export interface Pickers {
  /** An instance of the session's region that passes `accept`, or undefined. */
  readonly instance: (
    title: string,
    accept: (row: InstanceRow) => boolean,
    empty: string,
  ) => Promise<InstanceRow | undefined>;
  /** An enabled region, or undefined. */
  readonly region: (title: string) => Promise<string | undefined>;
}

export function usePickers(): Pickers {
  const shell = useShellApi();
  const cancellable = useCancellable();
  const { report, pick, session } = shell;
  const instance = useCallback(
    async (
      title: string,
      accept: (row: InstanceRow) => boolean,
      empty: string,
    ) => {
      const rows: InstanceRow[] = [];
      try {
        let cursor: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          const result = await cancellable((signal) =>
            session.services.instances.list(cursor, signal),
          );
          rows.push(...result.rows);
          cursor = result.next;
          if (cursor === undefined) break;
        }
      } catch (error) {
        report(
          'error',
          'ec2',
          `cannot list instances: ${describeError(error)}`,
        );
        return undefined;
      }
      const candidates = rows.filter(accept);
      const id = await pick({
        title,
        empty,
        items: candidates.map((row) => ({
          id: row.id,
          label: row.name || row.id,
          detail: `${row.id} ${row.state} ${row.az} ${row.publicIp || row.privateIp}`,
        })),
      });
      return candidates.find((row) => row.id === id);
    },
    [session, pick, report, cancellable],
  );
  const region = useCallback(
    async (title: string) => {
      const list = await session.services.regions.listRegions();
      return pick({
        title,
        items: list.rows.filter(isEnabledRegion).map((row) => ({
          id: row.code,
          label: row.code,
          detail:
            row.name +
            (row.code === session.settings.region ? ' (this region)' : ''),
        })),
      });
    },
    [session, pick],
  );
  return { instance, region };
}
