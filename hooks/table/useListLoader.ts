import { useEffect, useRef, useState } from 'react';
import {
  createListLoader,
  type ListLoader,
  type ListLoaderOptions,
  type ListSnapshot,
} from '../../source/table/list-loader.js';
import { useStore } from '../context/useStore.js';

export interface LoadedList<Row> extends ListSnapshot<Row> {
  readonly loader: ListLoader<Row>;
}

/**
 * A pane's list: loaded on mount, refreshed when refreshToken changes, stopped
 * on unmount (which also aborts the fetch in flight).
 */
export function useListLoader<Row>(
  options: ListLoaderOptions<Row>,
  refreshToken: number,
): LoadedList<Row> {
  // The loader lives as long as the pane; options are read once, like a key.
  const [loader] = useState(() => createListLoader(options));
  useEffect(() => {
    loader.start();
    return () => loader.stop();
  }, [loader]);
  const firstToken = useRef(refreshToken);
  useEffect(() => {
    if (refreshToken !== firstToken.current) loader.refresh();
  }, [loader, refreshToken]);
  const snapshot = useStore(loader);
  return { ...snapshot, loader };
}
