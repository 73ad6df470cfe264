import { describe, expect, it } from 'vitest';
import { sourceItems } from '../../../source/wizards/ebs-copy/source-items.js';
import { fakeVolume } from '../../helpers/fakes/fake-ec2.js';

const listers = {
  instances: { list: () => Promise.resolve({ rows: [] }) },
  snapshots: { list: () => Promise.resolve({ rows: [] }) },
  volumes: {
    list: () =>
      Promise.resolve({
        rows: [
          fakeVolume('vol-0aaa1', { name: 'scratch' }),
          fakeVolume('vol-0bbb2'),
        ],
      }),
  },
};

describe('region-copy source picker', () => {
  it('shows a volume ID once: as the label when it has no name, else in the detail', async () => {
    const items = await sourceItems(
      listers,
      'volume',
      new AbortController().signal,
    );
    expect(items).toEqual([
      {
        id: 'vol-0aaa1',
        label: 'scratch',
        detail: 'vol-0aaa1 100 GiB gp3 available us-east-1a',
      },
      {
        id: 'vol-0bbb2',
        label: 'vol-0bbb2',
        detail: '100 GiB gp3 available us-east-1a',
      },
    ]);
  });
});
