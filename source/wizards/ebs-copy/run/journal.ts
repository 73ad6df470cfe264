/**
 * One JSON journal per run in the XDG state directory, rewritten after
 * every step by writing a temporary file and renaming it over the old one,
 * so a kill at any moment leaves either the old or the new journal, never
 * half of one. A lock file keeps two opsdeck processes off the same run.
 */
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../../../lib/errors.js';
import { isRunId } from '../tags.js';
import { processAlive } from '../../../lib/process-alive.js';
import type { Journal, ListedRunState, RunListing } from '../run-types.js';

export interface JournalStore {
  readonly dir: string;
  save(journal: Journal): Promise<void>;
  load(runId: string): Promise<Journal>;
  list(): Promise<RunListing[]>;
  /** Takes the run for this process; throws when another live process holds it. */
  lock(runId: string): Promise<() => Promise<void>>;
}

export function journalDir(stateDirectory: string): string {
  return join(stateDirectory, 'migrations');
}

function listing(journal: Journal, state: ListedRunState): RunListing {
  const records = Object.values(journal.steps);
  return {
    runId: journal.runId,
    state,
    source: journal.request.source,
    targetRegion: journal.request.target.region,
    updatedAt: journal.updatedAt,
    stepsDone: records.filter((record) => record.status === 'done').length,
    stepsTotal: journal.plan.length,
    ...(journal.error === undefined ? {} : { error: journal.error }),
  };
}

const isObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null;

/** The first field a run needs that the journal lacks (a hand edit, a cut). */
function missingField(journal: Journal): string | undefined {
  const fields: readonly [string, boolean][] = [
    ['state', typeof journal.state === 'string'],
    ['request.source', isObject(journal.request?.source)],
    ['request.target', isObject(journal.request?.target)],
    ['facts.tags', isObject(journal.facts?.tags)],
    ['plan', Array.isArray(journal.plan)],
    ['steps', isObject(journal.steps)],
  ];
  return fields.find(([, present]) => !present)?.[0];
}

export function createJournalStore(dir: string): JournalStore {
  // Saves of one store go out in order, even when callers do not await them.
  let queue: Promise<unknown> = Promise.resolve();
  const file = (runId: string) => {
    if (!isRunId(runId))
      throw new UserError(`"${runId}" is not a run ID`, {
        hint: 'run IDs look like mig-20261121-3f9a2c (opsdeck ebs-copy --list shows them)',
      });
    return join(dir, `${runId}.json`);
  };

  /** The live process (this one included) that holds the run's lock, if any. */
  const lockHolder = async (runId: string): Promise<number | undefined> => {
    const text = await readFile(`${file(runId)}.lock`, 'utf8').catch(() => '');
    const holder = Number(text);
    return Number.isInteger(holder) && holder > 0 && processAlive(holder)
      ? holder
      : undefined;
  };

  const store: JournalStore = {
    dir,
    save(journal) {
      const write = async () => {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const target = file(journal.runId);
        const temp = join(
          dir,
          `.${journal.runId}.${randomBytes(4).toString('hex')}.tmp`,
        );
        const handle = await open(temp, 'w', 0o600);
        try {
          await handle.writeFile(`${JSON.stringify(journal, null, 2)}\n`);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      };
      const next = queue.then(write, write);
      queue = next.catch(() => undefined);
      return next;
    },

    async load(runId) {
      let text: string;
      try {
        text = await readFile(file(runId), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new UserError(`no run ${runId} in ${dir}`, {
            hint: 'opsdeck ebs-copy --list shows the runs there are',
          });
        throw error;
      }
      const journal = JSON.parse(text) as Journal;
      if (journal.version !== 1 || journal.runId !== runId)
        throw new UserError(
          `the journal of ${runId} is not one this opsdeck can read`,
        );
      const missing = missingField(journal);
      if (missing !== undefined)
        throw new UserError(
          `the journal of ${runId} is damaged: ${missing} is missing`,
          {
            hint: `it was cut short or edited; move ${file(runId)} away to leave the run behind`,
          },
        );
      return journal;
    },

    async list() {
      const names = await readdir(dir).catch(() => [] as string[]);
      const runs: RunListing[] = [];
      for (const name of names) {
        const runId = name.replace(/\.json$/, '');
        if (name === runId || !isRunId(runId)) continue;
        try {
          const journal = await store.load(runId);
          // Running, as its journal says, only while a live process holds it.
          const state =
            journal.state === 'running' &&
            (await lockHolder(runId)) === undefined
              ? 'interrupted'
              : journal.state;
          runs.push(listing(journal, state));
        } catch {
          // A journal another version wrote, or a damaged one: not listed.
        }
      }
      return runs.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },

    async lock(runId) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = `${file(runId)}.lock`;
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const handle = await open(path, 'wx', 0o600);
          await handle.writeFile(String(process.pid));
          await handle.close();
          return () => rm(path, { force: true });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          const holder = await lockHolder(runId);
          if (holder !== undefined && holder !== process.pid)
            throw new UserError(
              `run ${runId} is in use by another opsdeck (process ${holder})`,
              {
                hint: 'wait for it to finish, or stop that process first',
              },
            );
          // Left behind by a process that is gone: take it over.
          await rm(path, { force: true });
        }
      }
      throw new UserError(`cannot lock run ${runId}`);
    },
  };
  return store;
}
