/**
 * The `/` filter grammar, k9s-style:
 *   web          rows where any column contains "web" (case-insensitive)
 *   web prod     both terms must match (quote a phrase: "web prod")
 *   /^i-0a.*$/   a regular expression over each column (case-insensitive)
 *   state=running, Name=web*, env!=prod
 *                a column (by title) or a tag (by key) equals the value;
 *                `*` is a wildcard, != negates
 *   !anything    inverts the whole filter
 */

export interface FilterableRow {
  /** The text of every column, as shown. */
  readonly cells: readonly string[];
  /** Column index by lower-case column id or title (for key=value); one map shared by all rows. */
  readonly columns: ReadonlyMap<string, number>;
  /** Resource tags, keys as AWS stores them. */
  readonly tags?: Readonly<Record<string, string>>;
}

export type RowPredicate = (row: FilterableRow) => boolean;

export type ParsedFilter =
  | { ok: true; predicate: RowPredicate; active: boolean }
  | { ok: false; error: string };

type Term =
  | { kind: 'text'; value: string }
  | { kind: 'field'; key: string; pattern: RegExp; negate: boolean };

const matchAll: RowPredicate = () => true;

export function parseFilter(source: string): ParsedFilter {
  let text = source.trim();
  let invert = false;
  if (text.startsWith('!')) {
    invert = true;
    text = text.slice(1).trim();
  }
  if (text === '') return { ok: true, predicate: matchAll, active: false };

  let predicate: RowPredicate;
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(text);
  if (regex) {
    let pattern: RegExp;
    try {
      // g and y make RegExp.test stateful, which would skip rows.
      const flags = (regex[2] ?? '').replace(/[gy]/g, '');
      pattern = new RegExp(
        regex[1] ?? '',
        flags.includes('i') ? flags : `${flags}i`,
      );
    } catch (error) {
      return { ok: false, error: `invalid regex: ${(error as Error).message}` };
    }
    predicate = (row) => row.cells.some((cell) => pattern.test(cell));
  } else {
    const terms = splitTerms(text);
    if (terms.error !== undefined) return { ok: false, error: terms.error };
    const parsed = terms.words.map(parseTerm);
    predicate = (row) => parsed.every((term) => matchTerm(term, row));
  }
  return {
    ok: true,
    active: true,
    predicate: invert ? (row) => !predicate(row) : predicate,
  };
}

function splitTerms(text: string): { words: string[]; error?: string } {
  const words: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    words.push(match[1] ?? match[2] ?? '');
  }
  const quotes = (text.match(/"/g) ?? []).length;
  if (quotes % 2 === 1) return { words, error: 'unbalanced quote in filter' };
  return { words };
}

function parseTerm(word: string): Term {
  const field = /^([^=!\s]+)(!?=)(.*)$/.exec(word);
  if (!field) return { kind: 'text', value: word.toLowerCase() };
  const [, key = '', operator, value = ''] = field;
  const glob = value
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return {
    kind: 'field',
    key,
    pattern: new RegExp(`^${glob}$`, 'i'),
    negate: operator === '!=',
  };
}

function matchTerm(term: Term, row: FilterableRow): boolean {
  if (term.kind === 'text') {
    return row.cells.some((cell) => cell.toLowerCase().includes(term.value));
  }
  const value = lookup(row, term.key);
  if (value === undefined) return term.negate;
  return term.pattern.test(value) !== term.negate;
}

/** A column by its lower-case name, else a tag: exact key first, then any case. */
function lookup(row: FilterableRow, key: string): string | undefined {
  const lower = key.toLowerCase();
  const index = row.columns.get(lower);
  if (index !== undefined) return row.cells[index];
  const tags = row.tags;
  if (!tags) return undefined;
  if (tags[key] !== undefined) return tags[key];
  const tagKey = Object.keys(tags).find(
    (candidate) => candidate.toLowerCase() === lower,
  );
  return tagKey === undefined ? undefined : tags[tagKey];
}
