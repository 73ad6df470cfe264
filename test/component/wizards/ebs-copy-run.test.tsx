/** The wizard's run, finish and :migrations screens at 80x24, on a fake engine. */
import { describe, expect, it } from 'vitest';
import {
  expectFits,
  openOnVolumes,
  toOptions,
  VOL,
} from '../../helpers/ebs-copy-console.js';
import { createFakeEbsCopy } from '../../helpers/fakes/fake-ebs-copy.js';
import { KEYS } from '../../helpers/keys.js';
import type { Rendered } from '../../helpers/render.js';

const RUN = 'mig-20261121-000001';

/** From the options screen through the pre-flight and a yes. */
async function confirmRun(view: Rendered) {
  await view.press(KEYS.enter, (text) => text.includes('Step 5/6'));
  await view.press(KEYS.enter, (text) => text.includes('Start copy'));
  return view.press('y', (text) => !text.includes('Start copy'));
}

describe('region-copy run', () => {
  it('shows live progress, and Ctrl+C cancels cleanly with a way to resume', async () => {
    const engine = createFakeEbsCopy();
    engine.gate = 'closed';
    const { view } = await openOnVolumes({ engine });
    await toOptions(view);
    await confirmRun(view);
    const running = await view.waitFor((text) =>
      text.includes('Step 6/6: Run'),
    );
    expectFits(running);
    expect(running).toContain(`Run ${RUN}`);
    expect(running).toMatch(/> Snapshot vol-0aaaaaaaaaaaaaaa1 \(100 GiB\)/);
    expect(running).toMatch(/\[█+░+\]\s+40% pending/);
    expect(running).toContain('Esc or Ctrl+C cancels');
    // The job strip shows the run too.
    expect(running).toMatch(new RegExp(`${RUN}\\s+\\[.+\\]\\s+0% 0/3 items`));

    // One step done, the next one running.
    engine.release();
    const second = await view.waitFor((text) =>
      /✓ Snapshot vol-0a+1/.test(text),
    );
    expect(second).toMatch(/> Copy the snapshot to eu-west-1/);

    const cancelled = await view.press(KEYS.ctrlC, (text) =>
      text.includes('Run stopped'),
    );
    expectFits(cancelled);
    expect(cancelled).toContain('can be resumed');
    expect(cancelled).toContain(`r resumes ${RUN}`);
    expect(cancelled).toMatch(/✓ Snapshot vol-0a+1/);
    expect(engine.journals.get(RUN)?.state).toBe('cancelled');

    // r resumes: the done step is skipped, the rest runs.
    engine.gate = 'open';
    const finished = await view.press('r', (text) => text.includes('Finished'));
    expect(finished).toContain(`✓ Run ${RUN} is done`);
    expect(engine.calls.filter((call) => call.startsWith('run'))).toEqual([
      `run ${RUN}`,
      `run ${RUN}`,
    ]);
  });

  it('Esc during a run cancels it, goes back, and says how to resume', async () => {
    const engine = createFakeEbsCopy();
    engine.gate = 'closed';
    const { view } = await openOnVolumes({ engine });
    await toOptions(view);
    await confirmRun(view);
    await view.waitFor((text) => text.includes('Step 6/6: Run'));
    const back = await view.press(KEYS.escape, (text) =>
      text.includes('Volumes (1)'),
    );
    expect(back).toContain(
      `region copy ${RUN} cancelled; r or :migrations resumes`,
    );
    await view.waitFor(() => engine.journals.get(RUN)?.state === 'cancelled');
    // The wizard keeps the stopped run for when it is opened again.
    await view.press(':');
    await view.press('migrate');
    const again = await view.press(KEYS.enter, (text) =>
      text.includes('Run stopped'),
    );
    expect(again).toContain(`r resumes ${RUN}`);
  });

  it('shows a failed step and its error, then resumes past it', async () => {
    const engine = createFakeEbsCopy();
    engine.failAt = {
      step: 'copy-snapshot',
      message:
        'CopySnapshot in eu-west-1: ResourceLimitExceeded: too many snapshot copies in progress',
    };
    const { view } = await openOnVolumes({ engine });
    await toOptions(view);
    await confirmRun(view);
    const failed = await view.waitFor((text) => text.includes('Run stopped'));
    expectFits(failed);
    expect(failed).toContain(
      '✕ CopySnapshot in eu-west-1: ResourceLimitExceeded',
    );
    expect(failed).toMatch(/✓ Snapshot vol-0a+1/);
    expect(failed).toMatch(/> Copy the snapshot to eu-west-1/);
    engine.failAt = undefined;
    await view.press('r', (text) => text.includes('Finished'));
    expect(engine.journals.get(RUN)?.state).toBe('done');
  });

  it('cleans up each leftover only after its ID is typed', async () => {
    const { view, engine } = await openOnVolumes();
    await toOptions(view);
    await confirmRun(view);
    await view.waitFor((text) => text.includes('Finished'));
    const first = await view.press('x', (text) =>
      text.includes('Delete snapshot snap-snapshot-source-0'),
    );
    expectFits(first);
    expect(first).toContain('cannot be undone');
    // Declining keeps it; the next one is asked about.
    await view.press(KEYS.escape, (text) =>
      text.includes('Delete snapshot snap-copy-snapshot-0'),
    );
    await view.press('snap-copy-snapshot-0');
    const done = await view.press(KEYS.enter, (text) =>
      text.includes('removed snapshot snap-copy-snapshot-0'),
    );
    expect(engine.calls.filter((call) => call.startsWith('cleanup'))).toEqual([
      'cleanup snap-copy-snapshot-0',
    ]);
    expect(done).toContain('snapshot snap-snapshot-source-0 in us-east-1');
    expect(done).not.toContain('snap-copy-snapshot-0 in eu-west-1');
  });

  it('lists runs in :migrations, shows a summary and resumes an unfinished one', async () => {
    const engine = createFakeEbsCopy();
    engine.failAt = {
      step: 'create-volume',
      message: 'InsufficientVolumeCapacity',
    };
    const { view } = await openOnVolumes({ engine });
    await toOptions(view);
    await confirmRun(view);
    await view.waitFor((text) => text.includes('Run stopped'));
    engine.failAt = undefined;
    await view.press(':');
    await view.press('migrations');
    const list = await view.press(KEYS.enter, (text) =>
      text.includes('Region copies (1)'),
    );
    expectFits(list);
    expect(list).toMatch(
      new RegExp(`${RUN}\\s+failed\\s+${VOL}\\s+us-east-1\\s+eu-west-1\\s+2/3`),
    );
    const summary = await view.press(KEYS.enter, (text) =>
      text.includes(`Run ${RUN}`),
    );
    expect(summary).toContain('Now in eu-west-1');
    expect(summary).toContain('r resumes the run');
    await view.press(KEYS.escape, (text) => text.includes('Region copies (1)'));
    const resumed = await view.press('r', (text) => text.includes('Finished'));
    expect(resumed).toContain(`✓ Run ${RUN} is done`);
  });

  it('refuses to resume a run of another account, naming both accounts', async () => {
    const engine = createFakeEbsCopy();
    engine.failAt = { step: 'copy-snapshot', message: 'RequestLimitExceeded' };
    const { view } = await openOnVolumes({ engine });
    await toOptions(view);
    await confirmRun(view);
    await view.waitFor((text) => text.includes('Run stopped'));
    engine.failAt = undefined;
    engine.account = '222222222222';
    await view.press(':');
    await view.press('migrations');
    await view.press(KEYS.enter, (text) => text.includes('Region copies (1)'));
    const refused = await view.press('r', (text) =>
      text.includes('222222222222'),
    );
    expectFits(refused);
    expect(refused).toContain('Run stopped');
    expect(refused.replace(/\s+/g, ' ')).toContain(
      `run ${RUN} belongs to account 111111111111, but profile ops is account 222222222222`,
    );
    expect(engine.calls.filter((call) => call.startsWith('run'))).toEqual([
      `run ${RUN}`,
    ]);
  });

  it('says at start that an unfinished run can be resumed, without blocking', async () => {
    const engine = createFakeEbsCopy();
    const request = {
      source: { kind: 'volume' as const, id: VOL, region: 'us-east-1' },
      target: {
        region: 'eu-west-1',
        az: 'eu-west-1a',
        encryption: { mode: 'keep' as const },
      },
      tags: { mode: 'all' as const },
    };
    const journal = await engine.create(
      request,
      await engine.preflight(request),
    );
    engine.journals.set(journal.runId, { ...journal, state: 'cancelled' });
    const { view } = await openOnVolumes({ engine });
    const frame = await view.waitFor((text) =>
      text.includes(`region copy ${RUN} unfinished`),
    );
    expectFits(frame);
    expect(frame).toContain('Volumes (1)');
    expect(frame).toContain(
      `region copy ${RUN} unfinished: :migrations, r resumes it`,
    );
  });
});
