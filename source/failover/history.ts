/**
 * The failover history: one JSON line per decision worth keeping (every
 * switch and refusal, and each change of verdict), appended by the guard,
 * the console and `opsdeck eip failover`, read by the pane and by the guard
 * for its cooldown. The file is the operator's own: mode 0600 in a 0700
 * directory. A broken line is skipped, never fatal.
 */
import { appendFile, chmod, mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface HistoryEntry {
  /** ISO time. */
  readonly at: string;
  /** The pair's name, or '' for a switch of an address no pair names. */
  readonly pair: string;
  readonly source: 'guard' | 'console' | 'command';
  readonly kind: 'stay' | 'switch' | 'refuse' | 'error';
  readonly reason: string;
  readonly eip?: string;
  readonly from?: string;
  readonly to?: string;
  /** How long the AssociateAddress call took. */
  readonly callMillis?: number;
  /** From the call until the check through the EIP passed on the new instance. */
  readonly answeredMillis?: number;
  readonly dryRun?: boolean;
}

/** How much of the end of the file is read: weeks of decisions, not years. */
const TAIL_BYTES = 512 * 1024;

export function historyFile(stateDirectory: string): string {
  return join(stateDirectory, 'failover-history.jsonl');
}

export async function appendHistory(
  file: string,
  entry: HistoryEntry,
): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await appendFile(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  // A file created earlier by something else keeps its mode: make it ours.
  await chmod(file, 0o600);
}

function isEntry(value: unknown): value is HistoryEntry {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['at'] === 'string' &&
    typeof record['pair'] === 'string' &&
    typeof record['kind'] === 'string' &&
    typeof record['reason'] === 'string'
  );
}

/** The newest entries last; an absent file is an empty history. */
export async function readHistory(file: string): Promise<HistoryEntry[]> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    // The first line of a tail is probably cut.
    if (start > 0) lines.shift();
    const entries: HistoryEntry[] = [];
    for (const line of lines) {
      if (line.trim() === '') continue;
      try {
        const parsed: unknown = JSON.parse(line);
        if (isEntry(parsed)) entries.push(parsed);
      } catch {
        // A line cut by a crash mid-write: skipped.
      }
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** When the pair (or its address) last switched for real. */
export function lastSwitchAt(
  entries: readonly HistoryEntry[],
  pair: string,
  eip?: readonly string[],
): number | undefined {
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index];
    if (entry?.kind !== 'switch' || entry.dryRun === true) continue;
    const matches =
      (pair !== '' && entry.pair === pair) ||
      (entry.eip !== undefined && eip?.includes(entry.eip) === true);
    if (matches) return Date.parse(entry.at);
  }
  return undefined;
}
