/**
 * One value that changes over time and the listeners that want to know:
 * what React reads with useSyncExternalStore (jobs, the event log, list
 * loaders, SSH and MySQL session states, the wizards' state holders).
 */
export interface Store<T> {
  readonly getSnapshot: () => T;
  readonly subscribe: (listener: () => void) => () => void;
  /** Replaces the value and tells every listener. */
  readonly set: (next: T) => void;
  readonly update: (change: (current: T) => T) => void;
  /** Replaces the value without telling anyone yet: for batched updates. */
  readonly setQuietly: (next: T) => void;
  /** Tells every listener (after quiet updates, or a change kept elsewhere). */
  readonly notify: () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    getSnapshot: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      value = next;
      notify();
    },
    update(change) {
      value = change(value);
      notify();
    },
    setQuietly(next) {
      value = next;
    },
    notify,
  };
}
