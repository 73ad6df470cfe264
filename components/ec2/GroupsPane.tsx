import { useShellApi } from '../../hooks/context/shell-context.js';
import { useGroupActions } from '../../hooks/ec2/useGroupActions.js';
import { groupsSpec } from '../../source/panes/ec2/groups-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';

/** Security groups of the session's region, with open-to-the-world, unused and stale flagged. */
export function GroupsPane(props: PaneProps) {
  const shell = useShellApi();
  const onCommand = useGroupActions();
  return (
    <LoadedTablePane
      {...props}
      spec={groupsSpec}
      services={shell.session.services}
      emptyText="no security groups in this region (n creates one)"
      onOpen={(row) => shell.openAt('rules', row.id)}
      onCommand={onCommand}
    />
  );
}
