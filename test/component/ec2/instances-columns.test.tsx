import { describe, expect, it } from 'vitest';
import { openConsole } from '../../helpers/console.js';
import { createFakeEc2, fakeInstance } from '../../helpers/fakes/fake-ec2.js';
import { lines } from '../../helpers/render.js';

describe('instances pane at 80 columns', () => {
  it('gives the names their width before the less important columns, and cuts a long one in the middle', async () => {
    const ec2 = createFakeEc2({
      instances: [
        fakeInstance('i-0aaa0000000000001', 'bar-web-1', 'running'),
        fakeInstance('i-0aaa0000000000002', 'bar-web-2', 'running'),
        fakeInstance(
          'i-0aaa0000000000003',
          'reporting-batch-worker-with-a-long-name-eu-7',
          'stopped',
        ),
      ],
    });
    const { view } = await openConsole({
      pane: 'instances',
      size: { columns: 80, rows: 24 },
      ec2,
    });
    const frame = await view.waitFor((text) => text.includes('Instances (3)'));
    expect(frame).toMatch(/bar-web-1\s+i-0aaa0000000000001\s+running/);
    expect(frame).toMatch(/bar-web-2\s+i-0aaa0000000000002\s+running/);
    // The long name keeps its distinguishing end.
    expect(frame).toMatch(/reporting-batch\S*…\S*-eu-7\s+i-0aaa0000000000003/);
    for (const line of lines(frame))
      expect(line.length).toBeLessThanOrEqual(80);
  });
});
