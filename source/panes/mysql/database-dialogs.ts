/** What the databases view asks: create, drop, dump, restore. Pure. */
import type { CharsetRow } from '../../mysql/admin/databases.js';
import { isS3Uri, parseS3Uri } from '../../aws/s3/s3-uri.js';
import {
  checked,
  required,
  type FormSpec,
  type FormValues,
} from '../../lib/form.js';
import type { ConfirmRequest } from '../../safety/confirm.js';

export function createDatabaseForm(charsets: readonly CharsetRow[]): FormSpec {
  const names = charsets.map((row) => row.charset);
  const preferred = names.includes('utf8mb4') ? 'utf8mb4' : names[0];
  return {
    title: 'Create a database',
    submitLabel: 'Create',
    fields: [
      { name: 'name', label: 'Name', validate: required('A name') },
      {
        name: 'charset',
        label: 'Character set',
        kind: 'choice',
        choices: preferred
          ? [preferred, ...names.filter((name) => name !== preferred)]
          : ['utf8mb4'],
      },
      {
        name: 'collation',
        label: 'Collation',
        placeholder: "the character set's default",
        hint: 'empty: the default of the character set',
        validate: (value, values) => {
          if (value.trim() === '') return undefined;
          const row = charsets.find(
            (entry) => entry.charset === values['charset'],
          );
          return row && !row.collations.includes(value.trim())
            ? `not a collation of ${row.charset}`
            : undefined;
        },
      },
    ],
  };
}

/** The database a create-database form describes; empty choices are the server's defaults. */
export interface NewDatabase {
  readonly name: string;
  readonly charset: string;
  readonly collation: string;
}

export function newDatabaseFrom(values: FormValues): NewDatabase {
  return {
    name: (values['name'] ?? '').trim(),
    charset: values['charset'] ?? '',
    collation: (values['collation'] ?? '').trim(),
  };
}

export function createDatabaseRequest(database: NewDatabase): ConfirmRequest {
  const { name, charset, collation } = database;
  return {
    level: 'yes-no',
    title: `Create database ${name}`,
    targets: [`${name} (${charset}${collation ? `, ${collation}` : ''})`],
    action: 'Create',
  };
}

export function dropDatabaseRequest(name: string): ConfirmRequest {
  return {
    level: 'typed',
    title: `Drop database ${name}`,
    targets: [name],
    warnings: ['Every table and row in it is deleted; this cannot be undone.'],
    expected: name,
    action: 'Drop',
  };
}

export function dumpForm(database: string, home: string): FormSpec {
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    title: `Dump ${database}`,
    submitLabel: 'Dump',
    fields: [
      {
        name: 'file',
        label: 'To',
        initial: `${home}/${database}-${stamp}.sql.gz`,
        hint: 'a local file, or s3://bucket/prefix/ to store it in S3',
        validate: (value) =>
          value.trim() === ''
            ? 'a local file or an s3:// location'
            : isS3Uri(value.trim())
              ? checked(() => parseS3Uri(value.trim()))
              : undefined,
      },
      { name: 'gzip', label: 'gzip', kind: 'toggle', initial: 'yes' },
    ],
  };
}

export function restoreForm(database: string): FormSpec {
  return {
    // The selected database, named: a cursor on the wrong row shows here.
    title: `Restore a .sql or .sql.gz file${database ? ` into ${database}` : ''}`,
    submitLabel: 'Restore',
    fields: [
      { name: 'file', label: 'Local file', validate: required('A file') },
      {
        name: 'database',
        label: 'Into database',
        initial: database,
        validate: required('A database'),
      },
    ],
  };
}

export function restoreRequest(
  file: string,
  database: string,
  exists: boolean,
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Restore into ${exists ? 'the existing' : 'a new'} database ${database}`,
    targets: [file],
    warnings: exists
      ? [
          'Tables in the file replace tables of the same name (DROP TABLE in the dump).',
        ]
      : ['The database is created first.'],
    action: 'Restore',
  };
}
