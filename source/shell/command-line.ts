/**
 * The `:` command line: parsing, aliases and Tab completion. Pure.
 *   :regions            open a pane (any name or alias from the catalog)
 *   :regions eu         open it filtered (same grammar as /)
 *   :profile [NAME]     pick a profile, or switch to NAME
 *   :region [CODE]      pick a region, or switch to CODE
 *   :whoami  :help  :quit
 */
import { PANES, findPane } from './pane-catalog.js';

export type ParsedCommand =
  | { kind: 'pane'; pane: string; filter?: string }
  | { kind: 'profile'; name?: string }
  | { kind: 'region'; name?: string }
  | { kind: 'help' }
  | { kind: 'whoami' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'unknown'; word: string; suggestion?: string };

interface Builtin {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly argument?: 'profile' | 'region';
}

export const BUILTINS: readonly Builtin[] = [
  {
    name: 'profile',
    aliases: [],
    description: 'pick or switch AWS profile: :profile prod',
    argument: 'profile',
  },
  {
    name: 'region',
    aliases: [],
    description: 'pick or switch region: :region eu-west-1',
    argument: 'region',
  },
  {
    name: 'whoami',
    aliases: ['identity'],
    description: 'caller identity of this session',
  },
  { name: 'help', aliases: ['?'], description: 'keys and commands' },
  { name: 'quit', aliases: ['q', 'q!', 'exit'], description: 'quit opsdeck' },
];

/** Every word the command line accepts first, names before aliases. */
function commandWords(): string[] {
  const names = [
    ...PANES.map((pane) => pane.name),
    ...BUILTINS.map((builtin) => builtin.name),
  ];
  const aliases = [
    ...PANES.flatMap((pane) => pane.aliases),
    ...BUILTINS.flatMap((builtin) => builtin.aliases),
  ];
  return [...names, ...aliases];
}

export function parseCommand(text: string): ParsedCommand {
  const trimmed = text.trim().replace(/^:/, '');
  if (trimmed === '') return { kind: 'empty' };
  const [word = '', ...rest] = trimmed.split(/\s+/);
  const argument = rest.join(' ');
  const lower = word.toLowerCase();
  const builtin = BUILTINS.find(
    (entry) => entry.name === lower || entry.aliases.includes(lower),
  );
  if (builtin) {
    switch (builtin.name) {
      case 'profile':
        return argument
          ? { kind: 'profile', name: argument }
          : { kind: 'profile' };
      case 'region':
        return argument
          ? { kind: 'region', name: argument }
          : { kind: 'region' };
      case 'whoami':
        return { kind: 'whoami' };
      case 'help':
        return { kind: 'help' };
      default:
        return { kind: 'quit' };
    }
  }
  const pane = findPane(lower);
  if (pane) {
    // k9s writes `:pod /filter`; accept both that and a bare filter.
    const filter =
      argument.startsWith('/') && !/^\/.*\/[a-z]*$/.test(argument)
        ? argument.slice(1)
        : argument;
    return filter
      ? { kind: 'pane', pane: pane.name, filter }
      : { kind: 'pane', pane: pane.name };
  }
  const suggestion = closest(lower, commandWords());
  return suggestion === undefined
    ? { kind: 'unknown', word }
    : { kind: 'unknown', word, suggestion };
}

export interface CompletionContext {
  readonly profiles: readonly string[];
  readonly regions: readonly string[];
}

export interface Completion {
  /** Text after Tab: extended to the longest common prefix of the candidates. */
  readonly text: string;
  /** Everything that still matches, for the list under the prompt. */
  readonly candidates: readonly string[];
}

export function complete(text: string, context: CompletionContext): Completion {
  const match = /^(\S*)(\s+)(.*)$/.exec(text);
  if (!match) {
    const candidates = unique(
      commandWords().filter((word) => word.startsWith(text.toLowerCase())),
    );
    const extended = commonPrefix(candidates);
    const single =
      candidates.length === 1 ? `${candidates[0] ?? ''} ` : undefined;
    return {
      text: single ?? (extended.length > text.length ? extended : text),
      candidates,
    };
  }
  const [, word = '', space = ' ', argument = ''] = match;
  const builtin = BUILTINS.find((entry) => entry.name === word.toLowerCase());
  const pool =
    builtin?.argument === 'profile'
      ? context.profiles
      : builtin?.argument === 'region'
        ? context.regions
        : [];
  const candidates = pool.filter((value) => value.startsWith(argument));
  const extended =
    candidates.length === 1
      ? (candidates[0] ?? argument)
      : commonPrefix(candidates);
  return {
    text: `${word}${space}${extended.length > argument.length ? extended : argument}`,
    candidates,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return '';
  let prefix = values[0] ?? '';
  for (const value of values) {
    while (!value.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/** The nearest known word within two edits, or one the input is a prefix of. */
function closest(word: string, words: readonly string[]): string | undefined {
  const prefixed = words.find((candidate) => candidate.startsWith(word));
  if (prefixed) return prefixed;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of words) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}
