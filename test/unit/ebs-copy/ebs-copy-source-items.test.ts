import { describe, expect, it } from 'vitest';
import {
  bucketSources,
  sourceItems,
} from '../../../source/wizards/ebs-copy/source-items.js';
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
  s3: {
    listBuckets: () =>
      Promise.resolve([
        { name: 'logs', region: 'eu-west-1', created: undefined },
        { name: 'locked', region: undefined, created: undefined },
      ]),
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

  it('lists buckets of every region with where each is', async () => {
    const { items, regions } = await bucketSources(
      listers,
      new AbortController().signal,
    );
    expect(items).toEqual([
      { id: 'logs', label: 'logs', detail: 'eu-west-1' },
      {
        id: 'locked',
        label: 'locked',
        detail: 'region unknown (no permission to read it)',
      },
    ]);
    expect([...regions]).toEqual([['logs', 'eu-west-1']]);
  });
});
