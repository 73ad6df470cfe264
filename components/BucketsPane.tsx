import { useShellApi } from '../hooks/shell-context.js';
import { useBucketActions } from '../hooks/useBucketActions.js';
import { bucketsSpec } from '../source/panes/buckets-spec.js';
import type { PaneProps } from './pane-props.js';
import { TablePane } from './TablePane.js';

/** The account's S3 buckets; Enter browses one. */
export function BucketsPane(props: PaneProps) {
  const shell = useShellApi();
  const onCommand = useBucketActions();
  return (
    <TablePane
      {...props}
      spec={bucketsSpec}
      services={shell.session.services}
      emptyText="no buckets in this account; n makes one"
      onOpen={(row) => shell.openAt('objects', `${row.name}/`)}
      onCommand={onCommand}
    />
  );
}
