import { useMemo } from 'react';
import { useAppDeps } from '../../hooks/context/app-context.js';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useFailoverActions } from '../../hooks/ec2/useFailoverActions.js';
import { failoverSpec } from '../../source/panes/ec2/failover-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';

/** The failover pairs of the config file: where each EIP is, both instances' health, the history. */
export function FailoverPane(props: PaneProps) {
  const shell = useShellApi();
  const { config } = useAppDeps();
  const onCommand = useFailoverActions();
  const failover = shell.session.services.failover;
  const pairs = config.config.failover;
  const services = useMemo(
    () => ({ failover, pairs: pairs ?? {} }),
    [failover, pairs],
  );
  return (
    <LoadedTablePane
      {...props}
      spec={failoverSpec}
      services={services}
      emptyText="no failover pairs: add a failover: section to the config file (see the README)"
      onCommand={onCommand}
    />
  );
}
