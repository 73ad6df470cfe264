import { describe, expect, it } from 'vitest';
import { ebsCopyKeysNow } from '../../../source/wizards/ebs-copy/views/keys-now.js';
import type { RunSummary } from '../../../source/wizards/ebs-copy/run-types.js';

const finished = (summary: Partial<RunSummary>) =>
  ebsCopyKeysNow({
    state: {
      step: 'finished',
      summary: {
        runId: 'mig-1',
        state: 'done',
        target: [],
        leftovers: [],
        notes: [],
        ...summary,
      },
    },
    jobId: undefined,
  });

describe('keys of a finished region copy', () => {
  it('a bucket run offers its catch-up sync and no clean-up (it leaves nothing behind)', () => {
    expect(finished({ catchUp: { source: 'a', target: 'b' } })).toEqual([
      'ebsCopy.catchUp',
      'ebsCopy.new',
    ]);
  });

  it('a run with leftovers offers the clean-up, and no catch-up', () => {
    expect(
      finished({
        leftovers: [
          { type: 'snapshot', id: 'snap-1', region: 'us-east-1' },
        ] as unknown as RunSummary['leftovers'],
      }),
    ).toEqual(['ebsCopy.cleanup', 'ebsCopy.new']);
  });
});
