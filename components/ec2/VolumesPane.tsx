import { useShellApi } from '../../hooks/context/shell-context.js';
import { useVolumeActions } from '../../hooks/ec2/useVolumeActions.js';
import { volumesSpec } from '../../source/panes/ec2/volumes-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';

/** EBS volumes of the session's region, forgotten and unencrypted ones flagged. */
export function VolumesPane(props: PaneProps) {
  const shell = useShellApi();
  const onCommand = useVolumeActions();
  return (
    <LoadedTablePane
      {...props}
      spec={volumesSpec}
      services={shell.session.services}
      emptyText="no volumes in this region (n creates one)"
      onCommand={onCommand}
    />
  );
}
