/**
 * Reads the parts of ~/.ssh/config (and the system ssh_config) that opsdeck
 * uses to reach a host: HostName, User, Port, IdentityFile, ProxyJump,
 * IdentitiesOnly, IdentityAgent, UserKnownHostsFile, HashKnownHosts.
 * Written here because ssh2 reads no config and no maintained parser is in
 * the dependencies; it follows ssh_config(5): first value wins (IdentityFile
 * accumulates), `Host` patterns with `!`, `Include` with `*` globs, and
 * `Match all|host|originalhost` (other Match criteria never match, so their
 * settings are not applied rather than wrongly applied).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { matchPatternList, matchWildcard } from './host-pattern.js';

export interface SshHostConfig {
  readonly hostName: string;
  readonly user: string | undefined;
  readonly port: number | undefined;
  readonly identityFiles: readonly string[];
  readonly proxyJump: string | undefined;
  readonly identitiesOnly: boolean;
  /** `none` turns the agent off; a path replaces SSH_AUTH_SOCK. */
  readonly identityAgent: string | undefined;
  readonly userKnownHostsFiles: readonly string[];
  readonly hashKnownHosts: boolean;
}

export interface SshConfigSource {
  readonly path: string;
  /** Where relative Include paths start (~/.ssh or /etc/ssh). */
  readonly includeBase: string;
}

export function defaultConfigSources(home = homedir()): SshConfigSource[] {
  return [
    { path: join(home, '.ssh', 'config'), includeBase: join(home, '.ssh') },
    { path: '/etc/ssh/ssh_config', includeBase: '/etc/ssh' },
  ];
}

/** Splits a config line into keyword and arguments; `"..."` groups words. */
export function splitConfigLine(line: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|([^\s"=]+)/g;
  const trimmed = line.trim();
  // `Keyword=value` and `Keyword = value` are both allowed for the first separator.
  const body = trimmed.replace(/^(\S+?)\s*=\s*/, '$1 ');
  for (const match of body.matchAll(pattern))
    words.push(match[1] ?? match[2] ?? '');
  return words;
}

function expandIncludes(pattern: string, base: string, home: string): string[] {
  const path = pattern.startsWith('~/')
    ? join(home, pattern.slice(2))
    : isAbsolute(pattern)
      ? pattern
      : join(base, pattern);
  const name = basename(path);
  if (!/[*?]/.test(name)) return existsSync(path) ? [path] : [];
  const dir = dirname(path);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => matchWildcard(entry, name))
    .sort()
    .map((entry) => join(dir, entry));
}

interface Collected {
  readonly values: Map<string, string[]>;
  readonly identityFiles: string[];
}

function collect(
  file: string,
  base: string,
  alias: string,
  home: string,
  into: Collected,
  depth = 0,
): void {
  if (depth > 16 || !existsSync(file)) return;
  let active = true;
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [rawKeyword, ...args] = splitConfigLine(line);
    const keyword = rawKeyword?.toLowerCase();
    if (keyword === undefined) continue;
    if (keyword === 'host') {
      active = matchPatternList(alias, args);
      continue;
    }
    if (keyword === 'match') {
      active = matchCriteria(args, alias);
      continue;
    }
    if (!active) continue;
    if (keyword === 'include') {
      for (const pattern of args)
        for (const path of expandIncludes(pattern, base, home))
          collect(path, base, alias, home, into, depth + 1);
      continue;
    }
    if (keyword === 'identityfile') {
      if (args[0] !== undefined) into.identityFiles.push(args[0]);
      continue;
    }
    if (!into.values.has(keyword)) into.values.set(keyword, args);
  }
}

function matchCriteria(args: readonly string[], alias: string): boolean {
  if (args[0]?.toLowerCase() === 'all') return true;
  let matched = args.length > 0;
  for (let index = 0; index < args.length; index += 2) {
    const criterion = args[index]?.toLowerCase();
    const value = args[index + 1] ?? '';
    if (criterion === 'host' || criterion === 'originalhost')
      matched &&= matchPatternList(alias, value.split(','));
    else return false;
  }
  return matched;
}

/** `~` and the `%` tokens ssh_config allows in paths. */
function expandTokens(
  value: string,
  tokens: { host: string; user: string; port: number; alias: string },
  home = homedir(),
): string {
  const expanded = value.replace(/%([%hdunpr])/g, (_, token: string) => {
    switch (token) {
      case '%':
        return '%';
      case 'h':
        return tokens.host;
      case 'd':
        return home;
      case 'u':
        return userInfo().username;
      case 'n':
        return tokens.alias;
      case 'p':
        return String(tokens.port);
      default:
        return tokens.user;
    }
  });
  return expanded.startsWith('~/') ? join(home, expanded.slice(2)) : expanded;
}

/** What ssh would use for `alias`, from the config files in order. */
export function resolveSshHost(
  alias: string,
  sources: readonly SshConfigSource[] = defaultConfigSources(),
  home = homedir(),
): SshHostConfig {
  const collected: Collected = { values: new Map(), identityFiles: [] };
  for (const source of sources)
    collect(source.path, source.includeBase, alias, home, collected);
  const first = (keyword: string) => collected.values.get(keyword)?.[0];
  const hostName = (first('hostname') ?? alias).replace(/%h/g, alias);
  const portText = first('port');
  const port = portText === undefined ? undefined : Number(portText);
  const user = first('user');
  const tokens = {
    host: hostName,
    alias,
    user: user ?? userInfo().username,
    port: port ?? 22,
  };
  const proxyJump = first('proxyjump');
  const knownHosts = collected.values.get('userknownhostsfile') ?? [];
  return {
    hostName,
    user,
    port: port !== undefined && Number.isInteger(port) ? port : undefined,
    identityFiles: collected.identityFiles.map((path) =>
      expandTokens(path, tokens, home),
    ),
    proxyJump:
      proxyJump === undefined || proxyJump.toLowerCase() === 'none'
        ? undefined
        : proxyJump,
    identitiesOnly: first('identitiesonly')?.toLowerCase() === 'yes',
    identityAgent: first('identityagent'),
    userKnownHostsFiles: knownHosts.map((path) =>
      expandTokens(path, tokens, home),
    ),
    hashKnownHosts: first('hashknownhosts')?.toLowerCase() === 'yes',
  };
}
