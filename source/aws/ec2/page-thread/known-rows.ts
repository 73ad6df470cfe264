/**
 * The console's half of the worker's memory of sent rows (page-worker.ts):
 * every row received, by region and ID, so a row the worker marks unchanged
 * is the same object as before. Fed every rows message in order, including
 * those of pages cancelled meanwhile, so both halves stay in step.
 */
import type { InstanceRow } from '../types.js';
import type { FromWorker } from './wire.js';

type RowsMessage = Extract<FromWorker, { kind: 'rows' }>;

export function createKnownRows() {
  const rows = new Map<string, InstanceRow>();
  return {
    /** The page's rows, or undefined when a row marked unchanged is unknown here. */
    take(message: RowsMessage): InstanceRow[] | undefined {
      if (message.reset) rows.clear();
      const page: InstanceRow[] = [];
      for (const entry of message.rows) {
        const key = `${message.region} ${'same' in entry ? entry.same : entry.id}`;
        const row = 'same' in entry ? rows.get(key) : entry;
        if (row === undefined) return undefined;
        rows.set(key, row);
        page.push(row);
      }
      return page;
    },
  };
}
