import { useShellApi } from '../../hooks/context/shell-context.js';
import { useInstanceActions } from '../../hooks/ec2/useInstanceActions.js';
import { useInstanceDescribe } from '../../hooks/ec2/useInstanceDescribe.js';
import { instancesSpec } from '../../source/panes/ec2/instances-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';

/** EC2 instances of the session's region: the ElasticFox of opsdeck. */
export function InstancesPane(props: PaneProps) {
  const shell = useShellApi();
  const onCommand = useInstanceActions();
  const describe = useInstanceDescribe();
  return (
    <LoadedTablePane
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
