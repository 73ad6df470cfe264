import { describe, expect, it } from 'vitest';
import { openConsole } from '../../helpers/console.js';
import { fakeGroupEstate } from '../../helpers/fakes/fake-group-estate.js';
import { KEYS } from '../../helpers/keys.js';

const size = { columns: 80, rows: 24 };
const env = {
  SSH_CLIENT: '198.51.100.7 50022 22',
  AWS_EC2_METADATA_DISABLED: 'true',
};

async function groupsPane(options: { readOnly?: boolean } = {}) {
  const fake = fakeGroupEstate();
  const { view } = await openConsole({
    pane: 'groups',
    securityGroups: fake,
    size,
    env,
    ...options,
  });
  await view.waitFor(
    (frame) => frame.includes('Security groups (4)'),
    'the groups',
  );
  return { fake, view };
}

describe('security groups pane at 80x24', () => {
  it('shows every flag, and Enter shows rules in and out and the instances', async () => {
    const { view } = await groupsPane();
    const frame = view.frame();
    expect(frame).toMatch(/bastion +world:22 /);
    expect(frame).toMatch(/db-open +world:3306 /);
    expect(frame).toMatch(/legacy-unused +unused /);
    expect(frame).toMatch(/stale-ref +unused stale ref/);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    const rules = await view.press(KEYS.enter, (text) =>
      text.includes('used by'),
    );
    expect(rules).toMatch(/in +tcp +22 +0\.0\.0\.0\/0/);
    expect(rules).toMatch(/out +all +all +0\.0\.0\.0\/0/);
    expect(rules).toMatch(/used by running +web-1/);
  });

  it("locks SSH to the session's address and a spare: the plan first, adds before removes", async () => {
    const { view, fake } = await groupsPane();
    const form = await view.press('L', (text) =>
      text.includes('Lock SSH on bastion'),
    );
    expect(form).toContain('198.51.100.7/32');
    await view.press(KEYS.tab);
    await view.press('10.0.0.1/8', (text) =>
      text.includes('spare: 10.0.0.1/8 has host bits set'),
    );
    for (let index = 0; index < 3; index++) await view.press(KEYS.backspace);
    await view.press('.0/8');
    await view.press('\u0015');
    await view.press('203.0.113.9');
    const plan = await view.press(KEYS.enter, (text) =>
      text.includes('adds first'),
    );
    expect(plan).toContain('+ tcp 22 from 198.51.100.7/32');
    expect(plan).toContain('+ tcp 22 from 203.0.113.9/32');
    expect(plan).toContain('- tcp 22 from 0.0.0.0/0');
    expect(plan).toContain('Instances affected: web-1');
    expect(fake.calls).toEqual([]);
    await view.press('y', (text) =>
      text.includes(
        'lock SSH on bastion: SSH only from 198.51.100.7/32, 203.0.113.9/32',
      ),
    );
    expect(fake.calls).toEqual([
      'authorize sg-0000bast in tcp 22 198.51.100.7/32, in tcp 22 203.0.113.9/32',
      'revoke sg-0000bast in tcp 22 0.0.0.0/0',
    ]);
  });

  it('asks for the group ID before removing the last rule that lets SSH in', async () => {
    const { view, fake } = await groupsPane();
    await view.press(KEYS.enter, (text) => text.includes('used by'));
    const typed = await view.press('X', (text) =>
      text.includes('Type sg-0000bast'),
    );
    expect(typed).toContain('last rule that lets SSH in');
    await view.press('sg-0000bast');
    await view.press(KEYS.enter, (text) =>
      text.includes('remove a rule from bastion: done'),
    );
    expect(fake.calls).toEqual(['revoke sg-0000bast in tcp 22 0.0.0.0/0']);
    // Any other rule is a plain y/N, with No first.
    const plain = await view.press('X', (text) =>
      text.includes('Remove a rule'),
    );
    expect(plain).not.toContain('Type sg-');
    await view.press(KEYS.enter, (text) => !text.includes('Remove a rule'));
    expect(fake.calls).toHaveLength(1);
  });

  it('names the field of bad input in the add-rule form and sends nothing', async () => {
    const { view, fake } = await groupsPane();
    await view.press('a', (text) => text.includes('Add a rule to bastion'));
    await view.press(KEYS.tab);
    await view.press(KEYS.tab);
    await view.press('70000', (text) =>
      text.includes('ports: 70000 is over 65535'),
    );
    await view.press(KEYS.enter);
    expect(view.frame()).toContain('Add a rule to bastion');
    for (let index = 0; index < 5; index++) await view.press(KEYS.backspace);
    await view.press('mysql');
    await view.press(KEYS.tab);
    await view.press('web', (text) =>
      text.includes('source: "web" is not a CIDR'),
    );
    for (let index = 0; index < 3; index++) await view.press(KEYS.backspace);
    await view.press('db-open');
    await view.press(KEYS.tab);
    await view.press('app servers');
    const confirm = await view.press(KEYS.enter, (text) =>
      text.includes('in tcp 3306 from sg-00000db0'),
    );
    expect(confirm).toContain('No');
    await view.press('y', (text) =>
      text.includes('add a rule to bastion: done'),
    );
    expect(fake.calls).toEqual([
      'authorize sg-0000bast in tcp 3306 sg-00000db0 (db-open)',
    ]);
  });

  it('refuses to delete a group in use, naming the instances; an unused one needs its ID typed', async () => {
    const { view, fake } = await groupsPane();
    await view.press('X', (text) =>
      text.includes('bastion is in use by web-1'),
    );
    await view.press('j');
    await view.press('j');
    await view.press('X', (text) =>
      text.includes('Type sg-0000aaaa (or legacy-unused)'),
    );
    await view.press('legacy-unused');
    await view.press(KEYS.enter, (text) =>
      text.includes('delete legacy-unused: done'),
    );
    expect(fake.calls).toEqual(['delete sg-0000aaaa']);
  });

  it('refuses every write key in read-only mode, with no call made', async () => {
    const { view, fake } = await groupsPane({ readOnly: true });
    for (const key of ['L', 'a', 'n', 'X'])
      await view.press(key, (text) =>
        /read-only: \w+ is a write and was not sent/.test(text),
      );
    await view.press(KEYS.enter, (text) => text.includes('used by'));
    for (const key of ['L', 'a', 'e', 'X'])
      await view.press(key, (text) =>
        new RegExp(
          `read-only: ${key === 'e' ? 'describe' : key === 'X' ? 'remove' : key === 'a' ? 'addRule' : 'lockSsh'} is a write`,
        ).test(text),
      );
    expect(view.frame()).toMatch(/read-only/);
    expect(fake.calls).toEqual([]);
  });
  it("edits a rule's description and creates a group, each after a y/N", async () => {
    const { view, fake } = await groupsPane();
    await view.press(KEYS.enter, (text) => text.includes('used by'));
    await view.press('j');
    await view.press('e', (text) => text.includes('Description of in tcp 443'));
    await view.press('bad|char', (text) =>
      text.includes('description: only letters'),
    );
    await view.press('\u0015');
    await view.press('public site');
    await view.press(KEYS.enter, (text) =>
      text.includes('Describe a rule of bastion'),
    );
    await view.press('y', (text) =>
      text.includes('describe a rule of bastion: done'),
    );
    await view.press(KEYS.escape, (text) =>
      text.includes('Security groups (4)'),
    );
    await view.press('n', (text) => text.includes('Create a security group'));
    await view.press('sg-x', (text) =>
      text.includes('name: a group name cannot start with sg-'),
    );
    await view.press('\u0015');
    await view.press('office');
    await view.press(KEYS.tab);
    await view.press('office line');
    await view.press(KEYS.enter, (text) =>
      text.includes('Create security group office'),
    );
    await view.press('y', (text) => text.includes('created office'));
    expect(fake.calls).toEqual([
      'describe sg-0000bast in tcp 443 0.0.0.0/0 "public site"',
      'create office',
    ]);
  });
});
