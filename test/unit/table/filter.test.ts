import { describe, expect, it } from 'vitest';
import {
  parseFilter,
  type FilterableRow,
} from '../../../source/table/filter.js';

const COLUMNS = new Map([
  ['id', 0],
  ['name', 1],
  ['state', 2],
]);

const rows: FilterableRow[] = [
  {
    cells: ['i-0aa', 'web-1', 'running'],
    columns: COLUMNS,
    tags: { Name: 'web-1', env: 'prod' },
  },
  {
    cells: ['i-0bb', 'web-2', 'stopped'],
    columns: COLUMNS,
    tags: { Name: 'web-2', env: 'preprod' },
  },
  {
    cells: ['i-1cc', 'db main', 'running'],
    columns: COLUMNS,
    tags: { Name: 'db main' },
  },
];

function names(filter: string): string[] {
  const parsed = parseFilter(filter);
  if (!parsed.ok) throw new Error(parsed.error);
  return rows.filter(parsed.predicate).map((row) => row.cells[1] ?? '');
}

describe('filter grammar', () => {
  it('matches everything when empty, and says it is inactive', () => {
    const parsed = parseFilter('  ');
    expect(parsed.ok && parsed.active).toBe(false);
    expect(names('')).toEqual(['web-1', 'web-2', 'db main']);
  });

  it('matches a substring in any column, ignoring case', () => {
    expect(names('WEB')).toEqual(['web-1', 'web-2']);
    expect(names('stopped')).toEqual(['web-2']);
  });

  it('needs every term, and keeps a quoted phrase together', () => {
    expect(names('web running')).toEqual(['web-1']);
    expect(names('"db main"')).toEqual(['db main']);
    expect(names('db main')).toEqual(['db main']);
    expect(parseFilter('"open')).toEqual({
      ok: false,
      error: 'unbalanced quote in filter',
    });
  });

  it('takes /regex/ over each column, case-insensitive', () => {
    expect(names('/^i-0/')).toEqual(['web-1', 'web-2']);
    expect(names('/WEB-\\d$/')).toEqual(['web-1', 'web-2']);
    // A g flag would make test() stateful and skip rows.
    expect(names('/running/g')).toEqual(['web-1', 'db main']);
  });

  it('reports a broken regex instead of throwing', () => {
    const parsed = parseFilter('/([/');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/^invalid regex/);
  });

  it('inverts with a leading !', () => {
    expect(names('!web')).toEqual(['db main']);
    expect(names('!/^i-0/')).toEqual(['db main']);
  });

  it('matches key=value against columns and tags, exactly, with * wildcards', () => {
    expect(names('state=running')).toEqual(['web-1', 'db main']);
    expect(names('env=prod')).toEqual(['web-1']);
    expect(names('env=*prod')).toEqual(['web-1', 'web-2']);
    expect(names('name=web*')).toEqual(['web-1', 'web-2']);
    expect(names('ENV=PROD')).toEqual(['web-1']);
  });

  it('negates with != and treats a missing tag as different', () => {
    expect(names('env!=prod')).toEqual(['web-2', 'db main']);
    expect(names('env=prod state=running')).toEqual(['web-1']);
  });
});
