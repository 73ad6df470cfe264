import { Box, Text } from 'ink';
import { useMemo, type ReactNode } from 'react';
import {
  parsePlace,
  type BrowsePlace,
} from '../../source/panes/s3/objects-spec.js';
import { useTheme } from '../theme.js';

/** A pane that lives inside a bucket: shows `hint` until a bucket is chosen. */
export function BucketPlaceGate({
  at,
  height,
  hint,
  children,
}: {
  readonly at: string | undefined;
  readonly height: number;
  readonly hint: string;
  readonly children: (place: BrowsePlace) => ReactNode;
}) {
  const theme = useTheme();
  const place = useMemo(() => parsePlace(at), [at]);
  if (!place)
    return (
      <Box height={height}>
        <Text color={theme.tone('info')}>{hint}</Text>
      </Box>
    );
  return children(place);
}
