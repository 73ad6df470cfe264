import { useMemo } from 'react';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useS3JobActions } from '../../hooks/s3/useS3JobActions.js';
import { s3JobsSpec } from '../../source/panes/s3/s3-jobs-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';
import { useTheme } from '../theme.js';

/** Copies handed to S3 Batch Operations and DataSync: status, progress, failures, cancel. */
export function S3JobsPane(props: PaneProps) {
  const shell = useShellApi();
  const { dot } = useTheme().glyphs;
  const spec = useMemo(() => s3JobsSpec(dot), [dot]);
  const onCommand = useS3JobActions();
  return (
    <LoadedTablePane
      {...props}
      spec={spec}
      services={shell.session.services}
      emptyText="no S3 Batch Operations or DataSync copy jobs in this region"
      onCommand={onCommand}
    />
  );
}
