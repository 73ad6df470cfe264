import { describe, expect, it } from 'vitest';
import {
  defaultUser,
  expandHome,
  sshPlan,
} from '../../../source/ssh/login-command.js';
import { fakeInstance } from '../../helpers/fakes/fake-ec2.js';

const home = '/home/ops';
const keys = new Set([
  '/home/ops/.ssh/ops-key.pem',
  '/home/ops/.ssh/admin.pem',
]);
const context = (imageName?: string) => ({
  home,
  imageName,
  exists: (path: string) => keys.has(path),
});

describe('ssh to an instance', () => {
  it('picks the login of the AMI family', () => {
    expect(
      defaultUser(
        'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240101',
      ),
    ).toBe('ubuntu');
    expect(defaultUser('al2023-ami-2023.4.20240528.0-kernel-6.1-x86_64')).toBe(
      'ec2-user',
    );
    expect(defaultUser('amzn2-ami-kernel-5.10-hvm')).toBe('ec2-user');
    expect(defaultUser('debian-12-amd64-20240507')).toBe('admin');
    expect(defaultUser('RHEL-9.3.0_HVM-20240117-x86_64')).toBe('ec2-user');
    expect(defaultUser(undefined)).toBe('ec2-user');
  });

  it('uses ~/.ssh/<KeyName>.pem when it exists, the public address first', () => {
    const plan = sshPlan(
      fakeInstance('i-1', 'web-1', 'running', { publicIp: '54.1.1.1' }),
      {},
      context('ubuntu-jammy'),
    );
    expect(plan).toEqual({
      ok: true,
      args: ['-i', '/home/ops/.ssh/ops-key.pem', '-l', 'ubuntu', '54.1.1.1'],
      summary: 'ssh -i /home/ops/.ssh/ops-key.pem -l ubuntu 54.1.1.1',
    });
  });

  it('leaves the key to ssh when there is no such file', () => {
    const plan = sshPlan(
      fakeInstance('i-1', 'web-1', 'running', {
        keyName: 'other',
        publicIp: '54.1.1.1',
      }),
      {},
      context(),
    );
    expect(plan.ok && plan.args).toEqual(['-l', 'ec2-user', '54.1.1.1']);
  });

  it('follows the config: user, key with ~, private address, extra options', () => {
    const plan = sshPlan(
      fakeInstance('i-1', 'web-1', 'running', {
        publicIp: '54.1.1.1',
        privateIp: '10.1.1.1',
      }),
      {
        user: 'deploy',
        identityFile: '~/.ssh/admin.pem',
        address: 'private',
        options: ['-J', 'bastion'],
      },
      context(),
    );
    expect(plan.ok && plan.args).toEqual([
      '-i',
      '/home/ops/.ssh/admin.pem',
      '-J',
      'bastion',
      '-l',
      'deploy',
      '10.1.1.1',
    ]);
  });

  it('says why it cannot connect', () => {
    expect(
      sshPlan(fakeInstance('i-1', 'web-1', 'stopped'), {}, context()),
    ).toEqual({ ok: false, error: 'web-1 is stopped: ssh needs it running' });
    expect(
      sshPlan(
        fakeInstance('i-1', 'win', 'running', { platform: 'Windows' }),
        {},
        context(),
      ),
    ).toEqual({ ok: false, error: 'win runs Windows: use RDP' });
    expect(
      sshPlan(
        fakeInstance('i-1', 'web-1', 'running', {
          publicIp: '',
          publicDns: '',
        }),
        { address: 'public' },
        context(),
      ),
    ).toEqual({
      ok: false,
      error: 'web-1 has no public address to connect to',
    });
    expect(
      sshPlan(
        fakeInstance('i-1', 'web-1', 'running'),
        { identityFile: '~/.ssh/missing.pem' },
        context(),
      ),
    ).toEqual({
      ok: false,
      error: 'ec2.ssh.identityFile /home/ops/.ssh/missing.pem does not exist',
    });
  });

  it('expands ~ like a shell', () => {
    expect(expandHome('~/.ssh/a.pem', home)).toBe('/home/ops/.ssh/a.pem');
    expect(expandHome('/etc/k.pem', home)).toBe('/etc/k.pem');
  });
});
