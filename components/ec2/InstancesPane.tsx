import { useAppDeps } from '../../hooks/context/app-context.js';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useInstanceActions } from '../../hooks/ec2/useInstanceActions.js';
import type { InstanceRow } from '../../source/aws/ec2/types.js';
import { describeError } from '../../source/lib/errors.js';
import {
  describeInstance,
  instancesSpec,
} from '../../source/panes/ec2/instances-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { TablePane } from '../widgets/TablePane.js';

/** EC2 instances of the session's region: the ElasticFox of opsdeck. */
export function InstancesPane(props: PaneProps) {
  const shell = useShellApi();
  const deps = useAppDeps();
  const onCommand = useInstanceActions();
  const service = shell.session.services.instances;

  // Details include the rules of the instance's security groups, looked up on demand.
  const describe = (row: InstanceRow) => {
    const title = `instance ${row.name || row.id}`;
    service.securityGroups(row.securityGroups.map((group) => group.id)).then(
      (rules) => shell.pushDetail(title, describeInstance(row, rules)),
      (error: unknown) => {
        deps.events.record(
          'warn',
          'ec2',
          `security-group rules of ${row.id}: ${describeError(error)}`,
        );
        shell.pushDetail(title, describeInstance(row));
      },
    );
  };

  return (
    <TablePane
      {...props}
      spec={instancesSpec}
      services={shell.session.services}
      emptyText="no instances in this region (:region switches)"
      onOpen={describe}
      onDescribe={describe}
      onCommand={onCommand}
    />
  );
}
