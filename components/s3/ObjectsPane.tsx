import { useMemo } from 'react';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useObjectActions } from '../../hooks/s3/useObjectActions.js';
import {
  objectsSpec,
  placeUri,
  type BrowsePlace,
} from '../../source/panes/s3/objects-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { BucketPlaceGate } from './BucketPlaceGate.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';

/** One level of a bucket: prefixes like directories, then objects. */
export function ObjectsPane(props: PaneProps) {
  return (
    <BucketPlaceGate
      at={props.at}
      height={props.height}
      hint="Open a bucket first: :s3, then Enter on a bucket."
    >
      {(place) => <Browser {...props} place={place} />}
    </BucketPlaceGate>
  );
}

function Browser(props: PaneProps & { readonly place: BrowsePlace }) {
  const shell = useShellApi();
  const { place } = props;
  const spec = useMemo(() => objectsSpec(place), [place]);
  const actions = useObjectActions(place);
  return (
    <LoadedTablePane
      {...props}
      title={placeUri(place)}
      spec={spec}
      services={shell.session.services}
      emptyText="nothing here; p uploads a file or a directory"
      onOpen={actions.open}
      onCommand={actions.onCommand}
    />
  );
}
