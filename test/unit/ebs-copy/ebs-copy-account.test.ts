/**
 * A run belongs to the account it was planned in. Resumed (or cleaned up)
 * under another account's credentials it is refused before any write, by
 * the engine and by the subcommand, naming both accounts.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { capturedIo } from '../../helpers/command-io.js';
import { describeError } from '../../../source/lib/errors.js';
import { runEbsCopy } from '../../../source/commands/ebs-copy/command.js';
import { createJournalStore } from '../../../source/wizards/ebs-copy/run/journal.js';
import type { CopyRequest } from '../../../source/wizards/ebs-copy/types.js';
import { seedSource, worldEngine } from './ebs-copy-world.js';
import { useWorld } from './ebs-copy-use-world.js';

const lab = useWorld('account');
afterEach(() => {
  delete process.env['OPSDECK_STATE_DIR'];
});

const volumeCopy = (seed: ReturnType<typeof seedSource>): CopyRequest => ({
  source: { kind: 'volume', id: seed.volume.id, region: 'us-west-2' },
  target: {
    region: 'ap-southeast-2',
    az: 'ap-southeast-2a',
    encryption: { mode: 'keep' },
  },
  tags: { mode: 'all' },
});

/** A planned run in account 123456789012, in a journal directory under `journals`. */
async function plannedRun(journals = lab.dir) {
  const { engine } = await worldEngine(journals);
  const request = volumeCopy(seedSource(lab.world));
  const journal = await engine.create(request, await engine.preflight(request));
  expect(journal.account).toBe('123456789012');
  return { engine, runId: journal.runId };
}

const switchAccount = (account: string) =>
  lab.world.mocks.sts.on(GetCallerIdentityCommand).resolves({
    Account: account,
    Arn: `arn:aws:iam::${account}:user/ops`,
  });

describe('a run under another account', () => {
  it('is refused by the engine before anything is created, naming both accounts', async () => {
    const { engine, runId } = await plannedRun();
    switchAccount('210987654321');
    const error: unknown = await engine
      .run(runId)
      .catch((problem: unknown) => problem);
    expect(error).toMatchObject({ name: 'AccountMismatchError' });
    expect(describeError(error)).toMatch(
      new RegExp(
        `^run ${runId} belongs to account 123456789012, but profile ops is account 210987654321: it is not resumed there \\(use a profile of account 123456789012`,
      ),
    );
    await expect(engine.checkAccount(runId)).rejects.toThrow('210987654321');
    expect(lab.world.writes).toEqual([]);
    expect((await engine.load(runId)).state).toBe('planned');

    // Back in the right account the same run goes through.
    switchAccount('123456789012');
    expect((await engine.run(runId)).state).toBe('done');
    expect(
      lab.world
        .tagged(runId)
        .map((thing) => thing.kind)
        .sort(),
    ).toEqual(['snapshot', 'snapshot', 'volume']);
  });

  it('cannot clean up a finished run of another account', async () => {
    const { engine, runId } = await plannedRun();
    const summary = await engine.run(runId);
    const leftover = summary.leftovers[0]?.id ?? '';
    switchAccount('210987654321');
    await expect(engine.cleanup(runId, leftover)).rejects.toThrow(
      /belongs to account 123456789012, but profile ops is account 210987654321: it is not cleaned up there/,
    );
    expect(lab.world.things.some((thing) => thing.id === leftover)).toBe(true);
  });

  it('is refused by ebs-copy --resume with exit code 1', async () => {
    process.env['OPSDECK_STATE_DIR'] = lab.dir;
    const { runId } = await plannedRun(join(lab.dir, 'migrations'));
    switchAccount('210987654321');
    const io = capturedIo();
    const code = await runEbsCopy(
      {
        resume: runId,
        region: 'us-west-2',
        profile: 'ops',
        config: join(lab.dir, 'none.yaml'),
      },
      io,
    );
    expect(code).toBe(1);
    expect(io.stderr.join('\n')).toContain(
      `opsdeck ebs-copy: run ${runId} belongs to account 123456789012, but profile ops is account 210987654321`,
    );
    expect(lab.world.writes).toEqual([]);
    const journal = await createJournalStore(join(lab.dir, 'migrations')).load(
      runId,
    );
    expect(journal.state).toBe('planned');
  });
});
