/**
 * Fetches in progress (listings, describes), so the first Ctrl+C can cancel
 * them the way it cancels jobs.
 */
export interface InFlight {
  /** Registers a controller; call the result when the work ends. */
  readonly track: (controller: AbortController) => () => void;
  readonly cancelAll: () => number;
  readonly count: () => number;
}

export function createInFlight(): InFlight {
  const live = new Set<AbortController>();
  return {
    track(controller) {
      live.add(controller);
      return () => live.delete(controller);
    },
    cancelAll() {
      const count = live.size;
      for (const controller of live) controller.abort();
      live.clear();
      return count;
    },
    count: () => live.size,
  };
}
