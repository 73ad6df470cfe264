import { useCallback } from 'react';
import type { InstanceRow } from '../../source/aws/ec2/types.js';
import { describeError } from '../../source/lib/errors.js';
import { describeInstance } from '../../source/panes/ec2/instances-spec.js';
import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';

/**
 * `d` and Enter on an instance: its details with the rules of its security
 * groups, looked up on demand; without them (and a warning in the log) when
 * the lookup fails.
 */
export function useInstanceDescribe(): (row: InstanceRow) => void {
  const { events } = useAppDeps();
  const { session, pushDetail } = useShellApi();
  const service = session.services.instances;
  return useCallback(
    (row: InstanceRow) => {
      const title = `instance ${row.name || row.id}`;
      service.securityGroups(row.securityGroups.map((group) => group.id)).then(
        (rules) => pushDetail(title, describeInstance(row, rules)),
        (error: unknown) => {
          events.record(
            'warn',
            'ec2',
            `security-group rules of ${row.id}: ${describeError(error)}`,
          );
          pushDetail(title, describeInstance(row));
        },
      );
    },
    [events, pushDetail, service],
  );
}
