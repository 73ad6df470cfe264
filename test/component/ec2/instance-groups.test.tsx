import { describe, expect, it } from 'vitest';
import { openConsole } from '../../helpers/console.js';
import { createFakeEc2, fakeInstance } from '../../helpers/fakes/fake-ec2.js';
import { fakeGroupEstate } from '../../helpers/fakes/fake-group-estate.js';
import { KEYS } from '../../helpers/keys.js';

describe('changing the groups of an instance', () => {
  it('shows the rules gained and lost before ModifyInstanceAttribute, and refuses unknown groups by name', async () => {
    const fake = fakeGroupEstate();
    const ec2 = createFakeEc2({
      instances: [
        fakeInstance('i-0aaa0000000000001', 'web-1', 'running', {
          securityGroups: [{ id: 'sg-0000bast', name: 'bastion' }],
        }),
      ],
    });
    const { view } = await openConsole({
      pane: 'instances',
      ec2,
      securityGroups: fake,
      size: { columns: 80, rows: 24 },
    });
    await view.waitFor(
      (frame) => frame.includes('Instances (1)'),
      'the instance',
    );
    const form = await view.press('F', (text) =>
      text.includes('Security groups of web-1'),
    );
    expect(form).toContain('bastion');
    await view.press('\u0015');
    await view.press('nope', (text) =>
      text.includes('groups: no group "nope" in vpc-1'),
    );
    await view.press('\u0015');
    await view.press('db-open');
    const change = await view.press(KEYS.enter, (text) =>
      text.includes('Groups of web-1'),
    );
    expect(change).toContain('+ in tcp 3306 from 0.0.0.0/0');
    expect(change).toContain('- in tcp 22 from 0.0.0.0/0');
    expect(change).toContain('- in tcp 443 from 0.0.0.0/0');
    expect(change).toContain('Before: bastion');
    expect(fake.calls).toEqual([]);
    await view.press('y', (text) =>
      text.includes('change the groups of web-1: done'),
    );
    expect(fake.calls).toEqual(['set-groups i-0aaa0000000000001 sg-00000db0']);
  });
});
