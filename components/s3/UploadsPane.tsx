import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useUploadActions } from '../../hooks/s3/useUploadActions.js';
import {
  parsePlace,
  placeUri,
  type BrowsePlace,
} from '../../source/panes/s3/objects-spec.js';
import { uploadsSpec } from '../../source/panes/s3/uploads-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';
import { useTheme } from '../theme.js';

/** A bucket's multipart uploads that were never completed, and aborting them. */
export function UploadsPane(props: PaneProps) {
  const theme = useTheme();
  const place = useMemo(() => parsePlace(props.at), [props.at]);
  if (!place)
    return (
      <Box height={props.height}>
        <Text color={theme.tone('info')}>
          Choose a bucket first: :s3, then u on a bucket.
        </Text>
      </Box>
    );
  return <Uploads {...props} place={place} />;
}

function Uploads(props: PaneProps & { readonly place: BrowsePlace }) {
  const shell = useShellApi();
  const { place } = props;
  const spec = useMemo(() => uploadsSpec(place), [place]);
  const onCommand = useUploadActions(place);
  return (
    <LoadedTablePane
      {...props}
      title={`pending uploads in ${placeUri(place)}`}
      spec={spec}
      services={shell.session.services}
      emptyText="no pending multipart uploads: nothing is billed for parts here"
      onCommand={onCommand}
    />
  );
}
