/**
 * Kill the run at every point and resume it: after each write that reached
 * EC2 (its answer lost), and after each finished step. Whatever the point,
 * the resumed run ends with each resource made exactly once, and the
 * journal knows every one of them.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CopyRequest } from '../../../source/wizards/ebs-copy/types.js';
import { seedSource, worldEngine, type Thing } from './ebs-copy-world.js';
import { useWorld } from './ebs-copy-use-world.js';
import type { Journal } from '../../../source/wizards/ebs-copy/run-types.js';

const lab = useWorld('resume');

/** A process ID that no process has any more, as a kill leaves in the lock file. */
const deadPid = spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;

const PATHS: Record<
  string,
  (seed: ReturnType<typeof seedSource>) => CopyRequest
> = {
  volume: (seed) => ({
    source: { kind: 'volume', id: seed.volume.id, region: 'us-west-2' },
    target: {
      region: 'ap-southeast-2',
      az: 'ap-southeast-2b',
      encryption: { mode: 'keep' },
    },
    tags: { mode: 'all' },
  }),
  snapshot: (seed) => ({
    source: { kind: 'snapshot', id: seed.snapshot.id, region: 'us-west-2' },
    target: { region: 'ap-southeast-2', encryption: { mode: 'default' } },
    tags: { mode: 'all' },
  }),
  image: (seed) => ({
    source: { kind: 'image', id: seed.image.id, region: 'us-west-2' },
    target: { region: 'ap-southeast-2', encryption: { mode: 'keep' } },
    tags: { mode: 'all' },
  }),
  'image, registered from snapshots': (seed) => ({
    source: { kind: 'image', id: seed.image.id, region: 'us-west-2' },
    target: { region: 'ap-southeast-2', encryption: { mode: 'keep' } },
    tags: { mode: 'all' },
    registerFromSnapshots: true,
  }),
  'instance, registered from snapshots': (seed) => ({
    source: { kind: 'instance', id: seed.instance.id, region: 'us-west-2' },
    target: {
      region: 'ap-southeast-2',
      az: 'ap-southeast-2a',
      encryption: { mode: 'keep' },
    },
    tags: { mode: 'all' },
    registerFromSnapshots: true,
    instance: {
      consistency: 'reboot',
      launch: true,
      importKeyPair: false,
      copySecurityGroups: false,
      elasticIp: false,
    },
  }),
  instance: (seed) => ({
    source: { kind: 'instance', id: seed.instance.id, region: 'us-west-2' },
    target: {
      region: 'ap-southeast-2',
      az: 'ap-southeast-2a',
      encryption: { mode: 'keep' },
    },
    tags: { mode: 'all' },
    instance: {
      consistency: 'reboot',
      launch: true,
      importKeyPair: true,
      copySecurityGroups: true,
      elasticIp: true,
    },
  }),
};

async function planned(path: string) {
  const seed = seedSource(lab.world);
  const { engine, journals } = await worldEngine(lab.dir);
  const request = PATHS[path]?.(seed) as CopyRequest;
  const preflight = await engine.preflight(request);
  expect(
    preflight.problems.filter((problem) => problem.severity === 'blocker'),
  ).toEqual([]);
  const journal = await engine.create(request, preflight);
  return {
    engine,
    journals,
    journal,
    file: join(lab.dir, `${journal.runId}.json`),
  };
}

const counts = (things: readonly Thing[]) => {
  const result: Record<string, number> = {};
  for (const thing of things)
    result[thing.kind] = (result[thing.kind] ?? 0) + 1;
  return result;
};

/** The clean run: how many writes it makes, and what it leaves tagged. */
async function cleanRun(path: string) {
  const { engine, journal } = await planned(path);
  const summary = await engine.run(journal.runId);
  expect(summary.state).toBe('done');
  return {
    writes: lab.world.writes.length,
    made: counts(lab.world.tagged(journal.runId)),
    steps: journal.plan.length,
  };
}

async function expectExactlyOnce(
  path: string,
  journal: Journal,
  expected: Record<string, number>,
) {
  const { engine, journals } = await worldEngine(lab.dir);
  const summary = await engine.run(journal.runId);
  expect(summary.state).toBe('done');
  const made = lab.world.tagged(journal.runId);
  expect(counts(made), path).toEqual(expected);
  const final = await journals.load(journal.runId);
  const known = new Set(
    Object.values(final.steps).flatMap((record) =>
      record.created.map((resource) => resource.id),
    ),
  );
  for (const thing of made.filter((entry) => entry.kind !== 'key-pair'))
    expect(known, `${thing.kind} ${thing.id}`).toContain(thing.id);
}

describe.each(Object.keys(PATHS))('the %s path, killed and resumed', (path) => {
  it('makes each resource once whichever write the kill follows', async () => {
    const clean = await cleanRun(path);
    expect(clean.writes).toBeGreaterThan(0);
    for (let kill = 1; kill <= clean.writes; kill++) {
      lab.renew();
      const { engine, journal, file } = await planned(path);
      let frozen = '';
      lab.world.killAfterWrites = kill;
      lab.world.onKill = () => {
        frozen = readFileSync(file, 'utf8');
      };
      await expect(
        engine.run(journal.runId),
        `kill after write ${kill}`,
      ).rejects.toThrow();
      // What a killed process leaves: the journal as it was, and its lock.
      writeFileSync(file, frozen);
      writeFileSync(`${file}.lock`, String(deadPid));
      lab.world.killed = false;
      lab.world.killAfterWrites = undefined;
      await expectExactlyOnce(
        `${path}, kill after write ${kill}`,
        journal,
        clean.made,
      );
    }
  });

  it('makes each resource once whichever step the kill follows', async () => {
    const clean = await cleanRun(path);
    for (let step = 1; step < clean.steps; step++) {
      lab.renew();
      const { engine, journal, file } = await planned(path);
      const stop = new AbortController();
      let done = 0;
      let frozen = '';
      await expect(
        engine.run(journal.runId, {
          signal: stop.signal,
          onEvent: (event) => {
            if (event.type !== 'step-done' || ++done !== step) return;
            frozen = readFileSync(file, 'utf8');
            stop.abort();
          },
        }),
      ).rejects.toThrow();
      const interrupted = JSON.parse(frozen) as Journal;
      expect(
        Object.values(interrupted.steps).filter(
          (record) => record.status === 'done',
        ),
      ).toHaveLength(step);
      writeFileSync(file, frozen);
      await expectExactlyOnce(
        `${path}, kill after step ${step}`,
        journal,
        clean.made,
      );
    }
  });
});
