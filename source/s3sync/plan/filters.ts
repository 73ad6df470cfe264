/**
 * --exclude and --include as `aws s3 sync` applies them: every rule in the
 * order given, the last one that matches decides, and everything is
 * included when none matches. Patterns are fnmatch globs on the path
 * relative to the sync root: `*` matches any run of characters, `/`
 * included; `?` one character; `[abc]`, `[!abc]` a set. Written here
 * because fnmatch semantics (a `*` that crosses `/`) are not what the glob
 * libraries give.
 */
export interface FilterRule {
  readonly type: 'exclude' | 'include';
  readonly pattern: string;
}

export type PathFilter = (rel: string) => boolean;

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? '';
    if (char === '*') source += '[\\s\\S]*';
    else if (char === '?') source += '[\\s\\S]';
    else if (char === '[') {
      const close = pattern.indexOf(']', index + 2);
      if (close === -1) source += '\\[';
      else {
        let set = pattern.slice(index + 1, close);
        const negate = set.startsWith('!');
        if (negate) set = set.slice(1);
        source += `[${negate ? '^' : ''}${set.replace(/[\\\]^]/g, '\\$&')}]`;
        index = close;
      }
    } else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function createPathFilter(rules: readonly FilterRule[]): PathFilter {
  if (rules.length === 0) return () => true;
  const compiled = rules.map((rule) => ({
    include: rule.type === 'include',
    regexp: globToRegExp(rule.pattern),
  }));
  return (rel) => {
    let included = true;
    for (const rule of compiled)
      if (rule.regexp.test(rel)) included = rule.include;
    return included;
  };
}
