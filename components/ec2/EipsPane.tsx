import { useShellApi } from '../../hooks/context/shell-context.js';
import { useAddressActions } from '../../hooks/ec2/useAddressActions.js';
import { eipsSpec } from '../../source/panes/ec2/eips-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';

/** Elastic IPs of the session's region, with the ones that cost money for nothing flagged. */
export function EipsPane(props: PaneProps) {
  const shell = useShellApi();
  const onCommand = useAddressActions();
  return (
    <LoadedTablePane
      {...props}
      spec={eipsSpec}
      services={shell.session.services}
      emptyText="no Elastic IPs in this region (a allocates one)"
      onCommand={onCommand}
    />
  );
}
