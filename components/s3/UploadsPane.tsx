import { useMemo } from 'react';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useUploadActions } from '../../hooks/s3/useUploadActions.js';
import {
  placeUri,
  type BrowsePlace,
} from '../../source/panes/s3/objects-spec.js';
import { uploadsSpec } from '../../source/panes/s3/uploads-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { BucketPlaceGate } from './BucketPlaceGate.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';

/** A bucket's multipart uploads that were never completed, and aborting them. */
export function UploadsPane(props: PaneProps) {
  return (
    <BucketPlaceGate
      at={props.at}
      height={props.height}
      hint="Choose a bucket first: :s3, then u on a bucket."
    >
      {(place) => <Uploads {...props} place={place} />}
    </BucketPlaceGate>
  );
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
