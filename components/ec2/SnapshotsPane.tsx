import { useShellApi } from '../../hooks/context/shell-context.js';
import { useSnapshotActions } from '../../hooks/ec2/useSnapshotActions.js';
import { snapshotsSpec } from '../../source/panes/ec2/snapshots-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';

/** The account's own EBS snapshots in the session's region; pending ones refresh live. */
export function SnapshotsPane(props: PaneProps) {
  const shell = useShellApi();
  const onCommand = useSnapshotActions();
  return (
    <LoadedTablePane
      {...props}
      spec={snapshotsSpec}
      services={shell.session.services}
      emptyText="no snapshots of this account in this region"
      onCommand={onCommand}
    />
  );
}
