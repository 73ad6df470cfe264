import { useShellApi } from '../../hooks/context/shell-context.js';
import { useBucketActions } from '../../hooks/s3/useBucketActions.js';
import { bucketsSpec } from '../../source/panes/s3/buckets-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';

/** The account's S3 buckets; Enter browses one. */
export function BucketsPane(props: PaneProps) {
  const shell = useShellApi();
  const onCommand = useBucketActions();
  return (
    <LoadedTablePane
      {...props}
      spec={bucketsSpec}
      services={shell.session.services}
      emptyText="no buckets in this account; n makes one"
      onOpen={(row) => shell.openAt('objects', `${row.name}/`)}
      onCommand={onCommand}
    />
  );
}
