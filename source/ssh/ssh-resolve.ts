/** Turns a target (alias, host, jump) into the hops to connect, applying ssh config. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../lib/errors.js';
import { defaultConfigSources, resolveSshHost } from './ssh-config.js';
import type { SshEnvironment, SshHop, SshTarget } from './ssh-types.js';

/** `[user@]host[:port]`, with `[v6]:port` for IPv6 addresses. */
export function parseDestination(text: string): SshTarget {
  const at = text.lastIndexOf('@');
  const user = at >= 0 ? text.slice(0, at) : undefined;
  const rest = at >= 0 ? text.slice(at + 1) : text;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest);
  const plain = /^([^:]+)(?::(\d+))?$/.exec(rest);
  const match = bracketed ?? plain;
  if (!match?.[1])
    throw new UserError(`cannot read SSH destination "${text}"`, {
      hint: 'write it as host, user@host or user@host:port',
    });
  return {
    host: match[1],
    port: match[2] === undefined ? undefined : Number(match[2]),
    user: user || undefined,
  };
}

function defaultIdentities(home: string): string[] {
  return ['id_ed25519', 'id_ecdsa', 'id_rsa']
    .map((name) => join(home, '.ssh', name))
    .filter((path) => existsSync(path));
}

function resolveOne(target: SshTarget, env: SshEnvironment): SshHop {
  const sources = env.configFiles ?? defaultConfigSources(env.home);
  const config = resolveSshHost(target.host, sources, env.home);
  const identityFiles = target.identityFile
    ? [target.identityFile]
    : config.identityFiles.length > 0
      ? config.identityFiles.filter((path) => existsSync(path))
      : defaultIdentities(env.home);
  const agentFromConfig =
    config.identityAgent === undefined
      ? env.agentSocket
      : config.identityAgent.toLowerCase() === 'none'
        ? undefined
        : config.identityAgent === 'SSH_AUTH_SOCK'
          ? env.agentSocket
          : config.identityAgent;
  const agentSocket =
    target.agent === false
      ? undefined
      : typeof target.agent === 'string'
        ? target.agent
        : config.identitiesOnly && target.agent !== true
          ? undefined
          : agentFromConfig;
  return {
    label: target.host,
    host: config.hostName,
    port: target.port ?? config.port ?? 22,
    user: target.user ?? config.user ?? env.localUser,
    identityFiles,
    agentSocket,
    knownHostsFiles:
      env.knownHostsFiles ??
      (config.userKnownHostsFiles.length > 0
        ? config.userKnownHostsFiles
        : [join(env.home, '.ssh', 'known_hosts')]),
    globalKnownHostsFiles: env.knownHostsFiles
      ? []
      : ['/etc/ssh/ssh_known_hosts'],
    hashKnownHosts: config.hashKnownHosts,
  };
}

/** The hops in connection order: jump hosts first, the target last. */
export function resolveHops(target: SshTarget, env: SshEnvironment): SshHop[] {
  const sources = env.configFiles ?? defaultConfigSources(env.home);
  const jump =
    target.jump ?? resolveSshHost(target.host, sources, env.home).proxyJump;
  const jumps: SshTarget[] =
    jump === undefined
      ? []
      : typeof jump === 'string'
        ? jump.split(',').map((hop) => parseDestination(hop.trim()))
        : [jump];
  if (jumps.length > 4)
    throw new UserError('more than 4 jump hosts', {
      hint: 'opsdeck follows at most 4 ProxyJump hops',
    });
  return [...jumps, target].map((hop) => resolveOne(hop, env));
}
