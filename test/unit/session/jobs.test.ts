import { describe, expect, it } from 'vitest';
import { createJobRunner } from '../../../source/jobs/job-runner.js';
import {
  describeProgress,
  formatDuration,
  rateFrom,
  snapshot,
} from '../../../source/jobs/progress.js';

describe('job runner', () => {
  it('reports progress with rate and ETA, then done', async () => {
    let clock = 0;
    const runner = createJobRunner({ now: () => clock, batchMs: 0 });
    const job = runner.start('sync', async ({ report }) => {
      report({ bytesTotal: 1000, itemsTotal: 4 });
      clock = 1000;
      report({ bytesDone: 250, itemsDone: 1 });
      clock = 2000;
      report({ bytesDone: 500, itemsDone: 2 });
      await Promise.resolve();
      return 'ok';
    });
    await expect(job.result).resolves.toBe('ok');
    const [view] = runner.getSnapshot();
    expect(view).toMatchObject({ title: 'sync', state: 'done' });
    expect(view?.progress).toMatchObject({
      bytesDone: 500,
      itemsDone: 2,
      fraction: 0.5,
    });
    expect(view?.progress.rate).toBe(250);
    expect(view?.progress.etaSeconds).toBe(2);
  });

  it('cancels through the AbortSignal and counts what it cancelled', async () => {
    const runner = createJobRunner({ batchMs: 0 });
    const job = runner.start(
      'rb --force',
      ({ signal }) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () =>
            reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
          ),
        ),
    );
    expect(runner.running()).toBe(1);
    expect(runner.cancelAll()).toBe(1);
    await expect(job.result).rejects.toThrow('aborted');
    expect(runner.getSnapshot()[0]?.state).toBe('cancelled');
    expect(runner.running()).toBe(0);
  });

  it('keeps the failure message of a failed job', async () => {
    const runner = createJobRunner({ batchMs: 0 });
    const job = runner.start('get', () =>
      Promise.reject(new Error('disk full')),
    );
    await expect(job.result).rejects.toThrow('disk full');
    expect(runner.getSnapshot()[0]).toMatchObject({
      state: 'failed',
      error: 'disk full',
    });
  });

  it('batches progress notifications', async () => {
    const runner = createJobRunner({ batchMs: 30 });
    let notified = 0;
    runner.subscribe(() => notified++);
    const job = runner.start('copy', async ({ report }) => {
      for (let index = 1; index <= 500; index++) report({ bytesDone: index });
      await new Promise((resolve) => setTimeout(resolve, 60));
    });
    await job.result;
    // start, one batch of progress, done: not 500 renders.
    expect(notified).toBeLessThanOrEqual(4);
    expect(runner.getSnapshot()[0]?.progress.bytesDone).toBe(500);
  });
});

describe('progress arithmetic', () => {
  it('smooths the rate over a window', () => {
    expect(rateFrom([])).toBe(0);
    expect(
      rateFrom([
        { at: 0, bytes: 0 },
        { at: 1000, bytes: 100 },
        { at: 2000, bytes: 300 },
      ]),
    ).toBe(150);
    // Only the last 5 s count: a stall long ago does not drag the rate down.
    expect(
      rateFrom(
        [
          { at: 0, bytes: 0 },
          { at: 10_000, bytes: 100 },
          { at: 11_000, bytes: 300 },
        ],
        5000,
      ),
    ).toBe(200);
  });

  it('describes bytes, items, rate and ETA', () => {
    const progress = snapshot(
      {
        bytesDone: 12_300_000,
        bytesTotal: 27_100_000,
        itemsDone: 120,
        itemsTotal: 300,
      },
      3_200_000,
    );
    expect(describeProgress(progress, ' · ')).toBe(
      '11.7 MiB/25.8 MiB · 120/300 items · 3.05 MiB/s · ETA 0:05',
    );
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});

describe('a job nobody awaits', () => {
  it('fails without an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    const runner = createJobRunner({ batchMs: 0 });
    runner.start('get', () => Promise.reject(new Error('disk full')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', listener);
    expect(unhandled).toEqual([]);
    expect(runner.getSnapshot()[0]).toMatchObject({
      state: 'failed',
      error: 'disk full',
    });
  });
});
