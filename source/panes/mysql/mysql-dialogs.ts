/** Forms and confirmations of the MySQL pane. Pure: values in, specs out. */
import type { Glyphs } from '../../lib/charset.js';
import type { CharsetRow } from '../../mysql/admin/databases.js';
import type { ProcessRow } from '../../mysql/admin/server-status.js';
import { HOST_CHOICES, type Account } from '../../mysql/admin/users.js';
import type { HostKeyQuestion } from '../../ssh/ssh-types.js';
import { isS3Uri, parseS3Uri } from '../../aws/s3/s3-uri.js';
import {
  checked,
  required,
  type FormField,
  type FormSpec,
  type FormValues,
} from '../../lib/form.js';
import type { ConfirmRequest } from '../../safety/confirm.js';
import { accountId } from './mysql-format.js';

const CUSTOM_HOST = 'custom';

export function hostKeyRequest(question: HostKeyQuestion): ConfirmRequest {
  const where =
    question.port === 22
      ? question.host
      : `[${question.host}]:${question.port}`;
  return {
    level: 'yes-no',
    title: `Unknown host key for ${where}`,
    targets: [
      `${question.keyType} ${question.fingerprintSha256}`,
      ...(question.otherTypes.length > 0
        ? [`known_hosts already has: ${question.otherTypes.join(', ')}`]
        : []),
    ],
    warnings: [
      'Compare the fingerprint with the server (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) before trusting it; yes saves it to known_hosts.',
    ],
    action: 'Trust',
  };
}

export function secretForm(prompt: string, secret: boolean): FormSpec {
  return {
    title: prompt,
    submitLabel: 'OK',
    fields: [
      {
        name: 'value',
        label: secret ? 'Secret' : 'Answer',
        mask: secret,
        hint: secret ? 'kept in memory for this run only, never saved' : '',
      },
    ],
  };
}

export const oneOffForm: FormSpec = {
  title: 'Connect once (not saved)',
  submitLabel: 'Connect',
  fields: [
    {
      name: 'target',
      label: 'SSH user@host[:port]',
      placeholder: 'admin@db1.example.com',
      validate: (value) =>
        /^(?:[^@\s]+@)?[^:@\s]+(?::\d{1,5})?$/.test(value.trim())
          ? undefined
          : 'type user@host or user@host:port',
    },
    {
      name: 'mysqlUser',
      label: 'MySQL user',
      initial: 'root',
      validate: required('MySQL user'),
    },
  ],
};

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

/** A new password, masked, typed twice. */
const PASSWORD_FIELDS: readonly FormField[] = [
  {
    name: 'password',
    label: 'Password',
    mask: true,
    validate: required('A password'),
  },
  {
    name: 'again',
    label: 'Password again',
    mask: true,
    validate: (value, values) =>
      value === values['password'] ? undefined : 'the two passwords differ',
  },
];

export function createUserForm(glyphs: Glyphs): FormSpec {
  return {
    title: 'Create a user',
    submitLabel: 'Create',
    fields: [
      { name: 'user', label: 'User', validate: required('A user name') },
      {
        name: 'host',
        label: 'Host',
        kind: 'choice',
        choices: [...HOST_CHOICES, CUSTOM_HOST],
        hint: `${glyphs.leftRight}: localhost, % (any host), a subnet, or custom`,
      },
      {
        name: 'customHost',
        label: 'Custom host',
        placeholder: 'when Host is custom: 10.0.%.% or app1.example.com',
        validate: (value, values) =>
          values['host'] === CUSTOM_HOST && value.trim() === ''
            ? 'type the host, or choose one of the others'
            : undefined,
      },
      ...PASSWORD_FIELDS,
    ],
  };
}

/** The account a create-user form describes. */
export function accountFrom(values: FormValues): Account {
  const host =
    values['host'] === CUSTOM_HOST
      ? (values['customHost'] ?? '').trim()
      : (values['host'] ?? '%');
  return { user: (values['user'] ?? '').trim(), host };
}

export function passwordForm(account: Account): FormSpec {
  return {
    title: `New password for ${accountId(account)}`,
    submitLabel: 'Set',
    fields: [...PASSWORD_FIELDS],
  };
}

export function grantTargetForm(
  account: Account,
  verb: 'Grant' | 'Revoke',
  databases: readonly string[],
  initial: string | undefined,
): FormSpec {
  return {
    title: `${verb} privileges ${verb === 'Grant' ? 'to' : 'from'} ${accountId(account)}: where`,
    submitLabel: 'Choose privileges',
    fields: [
      {
        name: 'database',
        label: 'Database',
        kind: 'choice',
        choices: databases.length > 0 ? databases : ['(none)'],
        ...(initial === undefined ? {} : { initial }),
      },
      {
        name: 'table',
        label: 'Table',
        placeholder: 'empty: every table (db.*)',
      },
    ],
  };
}

export function killRequest(
  process: ProcessRow,
  what: 'query' | 'connection',
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Kill the ${what} of process ${process.id}`,
    targets: [
      `${process.id} ${process.user}@${process.host} ${process.info ?? process.command}`,
    ],
    warnings:
      what === 'connection'
        ? ['The client is disconnected; an open transaction is rolled back.']
        : ['The running statement stops; the client stays connected.'],
    action: 'Kill',
  };
}

export const killForm: FormSpec = {
  title: 'Kill what',
  submitLabel: 'Next',
  fields: [
    {
      name: 'what',
      label: 'Kill',
      kind: 'choice',
      choices: ['query', 'connection'],
    },
  ],
};

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
    title: 'Restore a .sql or .sql.gz file',
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

export function dropUserRequest(account: Account): ConfirmRequest {
  const id = accountId(account);
  return {
    level: 'typed',
    title: `Drop user ${id}`,
    targets: [id],
    warnings: [
      'The account and its grants are deleted; clients using it can no longer log in.',
    ],
    expected: id,
    action: 'Drop',
  };
}

export function consoleWriteRequest(sql: string): ConfirmRequest {
  return {
    level: 'yes-no',
    title: 'Run a statement that writes',
    targets: sql.split('\n').slice(0, 8),
    action: 'Run',
  };
}
