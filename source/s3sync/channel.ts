/**
 * An async queue between a producer and one consumer. With a capacity, the
 * producer's push waits while the queue is full, so memory stays bounded.
 */
export interface Channel<T> extends AsyncIterable<T> {
  push(value: T): Promise<void>;
  close(): void;
  fail(error: unknown): void;
  readonly isClosed: () => boolean;
}

export function createChannel<T>(capacity = Infinity): Channel<T> {
  const items: T[] = [];
  let closed = false;
  let failure: { error: unknown } | undefined;
  let wakeConsumer: (() => void) | undefined;
  const producers: (() => void)[] = [];

  const wake = () => {
    const wakeUp = wakeConsumer;
    wakeConsumer = undefined;
    wakeUp?.();
  };

  return {
    async push(value) {
      while (items.length >= capacity && !closed)
        await new Promise<void>((resolve) => producers.push(resolve));
      if (closed) return;
      items.push(value);
      wake();
    },
    close() {
      closed = true;
      wake();
      for (const resume of producers.splice(0)) resume();
    },
    isClosed: () => closed,
    fail(error) {
      failure ??= { error };
      this.close();
    },
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          if (items.length > 0) {
            const value = items.shift() as T;
            producers.shift()?.();
            yield value;
            continue;
          }
          if (failure) throw failure.error;
          if (closed) return;
          await new Promise<void>((resolve) => (wakeConsumer = resolve));
        }
      } finally {
        // The consumer stopped: release any producer that waits.
        closed = true;
        for (const resume of producers.splice(0)) resume();
      }
    },
  };
}

/**
 * Reads `source` ahead of its consumer into a bounded buffer, calling
 * `onItem` as each item is read (the remote listing learns its split keys
 * from the local walk this way) and `onEnd` when the source is done.
 */
export function readAhead<T>(
  source: AsyncIterable<T>,
  capacity: number,
  onItem: (item: T) => void,
  onEnd: (error?: unknown) => void,
): AsyncIterable<T> {
  const channel = createChannel<T>(capacity);
  void (async () => {
    try {
      for await (const item of source) {
        if (channel.isClosed()) return;
        onItem(item);
        await channel.push(item);
      }
      onEnd();
      channel.close();
    } catch (error) {
      onEnd(error);
      channel.fail(error);
    }
  })();
  return channel;
}
