/**
 * The ssh command for "connect to this instance": which address, which user
 * (config first, else by AMI family), which key (config first, else
 * ~/.ssh/<KeyName>.pem when it exists). Pure: file checks are passed in.
 */
import { join } from 'node:path';
import type { InstanceRow } from '../aws/ec2/types.js';

export interface SshSettings {
  readonly user?: string | undefined;
  readonly identityFile?: string | undefined;
  /** Which address to use; auto prefers the public one. */
  readonly address?: 'auto' | 'public' | 'private' | undefined;
  /** Extra ssh arguments, e.g. ["-J", "bastion"]. */
  readonly options?: readonly string[] | undefined;
}

/** The usual login of each AMI family, by the image name. */
const USERS: readonly [RegExp, string][] = [
  [/ubuntu/i, 'ubuntu'],
  [/debian/i, 'admin'],
  [/centos/i, 'centos'],
  [/fedora/i, 'fedora'],
  [/bitnami/i, 'bitnami'],
  [/rocky/i, 'rocky'],
  [/alma/i, 'ec2-user'],
  [/freebsd/i, 'ec2-user'],
  [/(amzn|al20\d\d|amazon|rhel|red ?hat|suse|sles)/i, 'ec2-user'],
];

/** ~/x -> <home>/x, as a shell would. */
export function expandHome(path: string, home: string): string {
  return path === '~'
    ? home
    : path.startsWith('~/')
      ? join(home, path.slice(2))
      : path;
}

export function defaultUser(imageName: string | undefined): string {
  if (imageName)
    for (const [pattern, user] of USERS)
      if (pattern.test(imageName)) return user;
  return 'ec2-user';
}

export type SshPlan =
  { ok: true; args: string[]; summary: string } | { ok: false; error: string };

export function sshPlan(
  instance: InstanceRow,
  settings: SshSettings,
  context: {
    home: string;
    imageName: string | undefined;
    exists: (path: string) => boolean;
  },
): SshPlan {
  if (instance.state !== 'running')
    return {
      ok: false,
      error: `${instance.name || instance.id} is ${instance.state}: ssh needs it running`,
    };
  if (/windows/i.test(instance.platform))
    return {
      ok: false,
      error: `${instance.name || instance.id} runs Windows: use RDP`,
    };
  const mode = settings.address ?? 'auto';
  const address =
    mode === 'private'
      ? instance.privateIp
      : mode === 'public'
        ? instance.publicIp || instance.publicDns
        : instance.publicIp || instance.publicDns || instance.privateIp;
  if (!address)
    return {
      ok: false,
      error: `${instance.name || instance.id} has no ${mode === 'auto' ? '' : `${mode} `}address to connect to`,
    };
  const user = settings.user ?? defaultUser(context.imageName);
  const args: string[] = [];
  if (settings.identityFile !== undefined) {
    // A key named in the config must exist: ssh would quietly try others.
    const configured = expandHome(settings.identityFile, context.home);
    if (!context.exists(configured))
      return {
        ok: false,
        error: `ec2.ssh.identityFile ${configured} does not exist`,
      };
    args.push('-i', configured);
  } else if (instance.keyName) {
    const pem = join(context.home, '.ssh', `${instance.keyName}.pem`);
    if (context.exists(pem)) args.push('-i', pem);
  }
  args.push(...(settings.options ?? []), '-l', user, address);
  return { ok: true, args, summary: `ssh ${args.join(' ')}` };
}
