/**
 * Appends events to a JSON-lines file in the state directory, so the writes
 * of a session can be read after it ended. Rotates once at maxBytes.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventSink } from './event-log.js';

export function createFileSink(
  path: string,
  maxBytes = 5 * 1024 * 1024,
): EventSink {
  let ready = false;
  return (event) => {
    if (event.level === 'info') return;
    if (!ready) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      ready = true;
    }
    try {
      if (statSync(path).size > maxBytes) renameSync(path, `${path}.1`);
    } catch {
      // No file yet.
    }
    const line = JSON.stringify({
      at: event.at.toISOString(),
      level: event.level,
      source: event.source,
      message: event.message,
    });
    appendFileSync(path, `${line}\n`, { mode: 0o600 });
  };
}
