/**
 * The session's event log: every write call, every error, timestamped. An
 * external store (subscribe/getSnapshot) so the UI reads it without owning it.
 * Messages are built by opsdeck's own code from names and IDs, never from
 * request bodies, so no secret reaches it.
 */
import { createStore } from '../lib/store.js';
export type EventLevel = 'info' | 'warn' | 'error' | 'write';

export interface LogEvent {
  readonly id: number;
  readonly at: Date;
  readonly level: EventLevel;
  /** Where it happened: 'ec2', 's3', 'config', 'session', ... */
  readonly source: string;
  readonly message: string;
}

export type EventSink = (event: LogEvent) => void;

export interface EventLog {
  readonly record: (
    level: EventLevel,
    source: string,
    message: string,
  ) => LogEvent;
  readonly subscribe: (listener: () => void) => () => void;
  /** Newest last; the same array until something is recorded. */
  readonly getSnapshot: () => readonly LogEvent[];
}

export function createEventLog(
  options: { capacity?: number; sink?: EventSink; now?: () => Date } = {},
): EventLog {
  const capacity = options.capacity ?? 1000;
  const now = options.now ?? (() => new Date());
  const store = createStore<readonly LogEvent[]>([]);
  let nextId = 1;
  return {
    record(level, source, message) {
      const event: LogEvent = {
        id: nextId++,
        at: now(),
        level,
        source,
        message,
      };
      const events = store.getSnapshot();
      const kept =
        events.length >= capacity
          ? events.slice(events.length - capacity + 1)
          : events;
      store.setQuietly([...kept, event]);
      try {
        options.sink?.(event);
      } catch {
        // A full disk must not take the console down; the event is still in memory.
      }
      store.notify();
      return event;
    },
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
  };
}
