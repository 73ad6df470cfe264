import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { createListLoader } from '../../source/table/list-loader.js';
import type {
  ListLoader,
  ListLoaderOptions,
  ListSnapshot,
} from '../../source/table/list-loader-types.js';
import { useStore } from '../context/useStore.js';

export interface LoadedList<Row, Cursor = string> extends ListSnapshot<
  Row,
  Cursor
> {
  readonly loader: ListLoader<Row, Cursor>;
}

/**
 * A pane's list: loaded on mount, refreshed when refreshToken changes, stopped
 * on unmount (which also aborts the fetch in flight). Options are read once,
 * like a key; `key` names what is listed: when it changes, the list loads
 * again with the `load` given with it.
 */
export function useListLoader<Row, Cursor = string>(
  options: ListLoaderOptions<Row, Cursor>,
  refreshToken: number,
  key?: string,
): LoadedList<Row, Cursor> {
  const [loader] = useState(() => createListLoader(options));
  useEffect(() => {
    loader.start();
    return () => loader.stop();
  }, [loader]);
  const loadedKey = useRef(key);
  const reload = useEffectEvent(() => loader.reload(options.load));
  useEffect(() => {
    if (key === loadedKey.current) return;
    loadedKey.current = key;
    reload();
  }, [key]);
  const firstToken = useRef(refreshToken);
  useEffect(() => {
    if (refreshToken !== firstToken.current) loader.refresh();
  }, [loader, refreshToken]);
  const snapshot = useStore(loader);
  return { ...snapshot, loader };
}
