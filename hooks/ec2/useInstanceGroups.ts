import { useCallback } from 'react';
import type { InstanceRow } from '../../source/aws/ec2/types.js';
import { describeError } from '../../source/lib/errors.js';
import {
  changeGroupsRequest,
  instanceGroupsForm,
  parseGroupList,
} from '../../source/panes/ec2/instance-groups-dialogs.js';
import { useCancellable } from '../actions/useCancellable.js';
import { useConfirmedWrite } from '../actions/useWriteAction.js';
import { useShellApi } from '../context/shell-context.js';

/** F on an instance: a new set of security groups, confirmed with the rules gained and lost. */
export function useInstanceGroups(): (
  instance: InstanceRow,
  refresh: () => void,
) => Promise<void> {
  const shell = useShellApi();
  const confirmedWrite = useConfirmedWrite();
  const cancellable = useCancellable();
  const service = shell.session.services.securityGroups;
  const { ask, report } = shell;
  return useCallback(
    async (instance, refresh) => {
      const groups = await cancellable((signal) => service.list(signal)).catch(
        (error: unknown) => {
          report('error', 'ec2', `security groups: ${describeError(error)}`);
          return undefined;
        },
      );
      if (!groups) return;
      const values = await ask(instanceGroupsForm(instance, groups));
      if (!values) return;
      const parsed = parseGroupList(
        values['groups'] ?? '',
        groups,
        instance.vpcId,
      );
      if ('error' in parsed) return report('warn', 'ec2', parsed.error);
      const before = instance.securityGroups.flatMap(
        (ref) => groups.find((group) => group.id === ref.id) ?? [],
      );
      await confirmedWrite(
        changeGroupsRequest(instance, before, parsed.groups),
        ({ dryRun }) => ({
          what: `change the groups of ${instance.name || instance.id}`,
          source: 'ec2',
          call: () =>
            service.setInstanceGroups(
              instance.id,
              parsed.groups.map((group) => group.id),
              { dryRun },
            ),
          refresh,
        }),
      );
    },
    [ask, cancellable, confirmedWrite, report, service],
  );
}
