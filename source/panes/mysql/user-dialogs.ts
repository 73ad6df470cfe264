/** What the users view asks and shows: create, password, grant/revoke, grants, drop. Pure. */
import type { Glyphs } from '../../lib/charset.js';
import {
  HOST_CHOICES,
  type Account,
  type AccountRow,
} from '../../mysql/admin/users.js';
import {
  required,
  type FormField,
  type FormSpec,
  type FormValues,
} from '../../lib/form.js';
import type { DetailSection } from '../../lib/view-types.js';
import type { ConfirmRequest } from '../../safety/confirm.js';
import { accountId } from './mysql-format.js';

const CUSTOM_HOST = 'custom';

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

export function createUserRequest(account: Account): ConfirmRequest {
  const id = accountId(account);
  return {
    level: 'yes-no',
    title: `Create user ${id}`,
    targets: [id],
    ...(account.host === '%'
      ? { warnings: ['% lets it log in from any host.'] }
      : {}),
    action: 'Create',
  };
}

export function passwordForm(account: Account): FormSpec {
  return {
    title: `New password for ${accountId(account)}`,
    submitLabel: 'Set',
    fields: [...PASSWORD_FIELDS],
  };
}

export type GrantVerb = 'Grant' | 'Revoke';

const toOrFrom = (verb: GrantVerb) => (verb === 'Grant' ? 'to' : 'from');

export function grantTargetForm(
  account: Account,
  verb: GrantVerb,
  databases: readonly string[],
  initial: string | undefined,
): FormSpec {
  return {
    title: `${verb} privileges ${toOrFrom(verb)} ${accountId(account)}: where`,
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

/** The title of the privilege checklist: "Grant on shop.* to app@%". */
export function privilegesTitle(
  account: Account,
  verb: GrantVerb,
  where: string,
): string {
  return `${verb} on ${where} ${toOrFrom(verb)} ${accountId(account)}`;
}

export function privilegesRequest(
  account: Account,
  verb: GrantVerb,
  where: string,
  privileges: readonly string[],
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `${verb} on ${where}`,
    targets: [
      `${privileges.join(', ')} ${toOrFrom(verb)} ${accountId(account)}`,
    ],
    action: verb,
  };
}

/** SHOW GRANTS of an account, then its warnings when it has some. */
export function grantsSections(
  account: AccountRow,
  grants: readonly string[],
): DetailSection[] {
  return [
    { title: 'SHOW GRANTS', rows: grants.map((grant) => ['', grant]) },
    ...(account.warnings.length > 0
      ? [
          {
            title: 'Warnings',
            rows: account.warnings.map((warning): [string, string] => [
              '!',
              warning.message,
            ]),
          },
        ]
      : []),
  ];
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
