/**
 * OpenSSH host patterns, as used by `Host` lines in ssh_config and by
 * known_hosts: `*` and `?` wildcards, comma or space separated lists, and
 * `!` negation, where one negated match rejects the whole list.
 */

/** True when `text` matches one wildcard pattern (case-insensitive, like OpenSSH). */
export function matchWildcard(text: string, pattern: string): boolean {
  const source = pattern
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(text.toLowerCase());
}

/** OpenSSH's match_pattern_list: any positive match and no negated one. */
export function matchPatternList(
  text: string,
  patterns: readonly string[],
): boolean {
  let matched = false;
  for (const raw of patterns) {
    if (raw === '') continue;
    const negated = raw.startsWith('!');
    const pattern = negated ? raw.slice(1) : raw;
    if (!matchWildcard(text, pattern)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** The name known_hosts records: `host` on port 22, `[host]:port` otherwise. */
export function hostToken(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}
