import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJournalStore } from '../../../source/wizards/ebs-copy/run/journal.js';
import type { Journal } from '../../../source/wizards/ebs-copy/run-types.js';

const runId = 'mig-20261206-0a1b2c';

/** A journal of one planned step; `overrides` change its top-level fields. */
function journalOf(overrides: Partial<Journal> = {}): Journal {
  return {
    version: 1,
    runId,
    createdAt: '2026-12-06T10:00:00Z',
    updatedAt: '2026-12-06T10:05:00Z',
    state: 'running',
    request: {
      source: { kind: 'volume', id: 'vol-1', region: 'us-east-1' },
      target: { region: 'eu-west-1', encryption: { mode: 'keep' } },
      tags: { mode: 'all' },
    },
    facts: { tags: {} },
    plan: [
      { id: 'copy-snapshot', region: 'eu-west-1', title: 'Copy', creates: [] },
    ],
    steps: {},
    ...overrides,
  } as unknown as Journal;
}

/** A process ID that was alive a moment ago and is not any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
  return child.pid ?? 4_194_999;
}

/** The region copy's journal store: atomic saves, listing, locks, damage. */
describe('region copy runs as listed', () => {
  it('says interrupted for a running journal whose process is gone, and running while one holds it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opsdeck-journal-'));
    try {
      const store = createJournalStore(dir);
      await store.save(journalOf());
      const state = async () => (await store.list())[0]?.state;

      // No lock at all: the process that ran it was killed before it could leave one.
      expect(await state()).toBe('interrupted');

      const unlock = await store.lock(runId);
      expect(await state()).toBe('running');
      await unlock();

      // A lock left behind by a process that has exited.
      await writeFile(join(dir, `${runId}.json.lock`), String(deadPid()));
      expect(await state()).toBe('interrupted');

      // A finished run keeps its own state, lock or not.
      await store.save(journalOf({ state: 'failed' }));
      expect(await state()).toBe('failed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a damaged journal by name instead of failing deep inside the run, and leaves it as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opsdeck-journal-'));
    try {
      const store = createJournalStore(dir);
      const path = join(dir, `${runId}.json`);
      const damaged = JSON.stringify({ ...journalOf(), facts: {} });
      await writeFile(path, damaged);
      await expect(store.load(runId)).rejects.toThrow(
        `the journal of ${runId} is damaged: facts.tags is missing`,
      );
      expect(await store.list()).toEqual([]);
      expect(await readFile(path, 'utf8')).toBe(damaged);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the journal store', () => {
  it('writes atomically, lists runs, and takes over the lock of a dead process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opsdeck-journal-'));
    const store = createJournalStore(dir);
    const journal = journalOf({ state: 'failed', error: 'boom' });
    await Promise.all([
      store.save(journal),
      store.save({ ...journal, state: 'cancelled' }),
    ]);
    expect((await readdir(dir)).sort()).toEqual([`${runId}.json`]);
    expect(await store.list()).toEqual([
      expect.objectContaining({
        runId: journal.runId,
        state: 'cancelled',
        stepsDone: 0,
        stepsTotal: 1,
        error: 'boom',
      }),
    ]);
    const unlock = await store.lock(journal.runId);
    await writeFile(
      join(dir, `${journal.runId}.json.lock`),
      String(process.ppid),
    );
    await expect(store.lock(journal.runId)).rejects.toThrow(
      `run ${journal.runId} is in use by another opsdeck`,
    );
    await unlock();
    await writeFile(join(dir, `${journal.runId}.json.lock`), '4194999');
    await (
      await store.lock(journal.runId)
    )();
    await expect(store.load('mig-20990101-000000')).rejects.toThrow(
      'no run mig-20990101-000000',
    );
    await rm(dir, { recursive: true, force: true });
  });
});
