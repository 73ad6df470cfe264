import { describe, expect, it } from 'vitest';
import type { AccountRow } from '../../../source/mysql/admin/users.js';
import {
  accountFrom,
  createUserRequest,
  dropUserRequest,
  grantsSections,
  privilegesRequest,
  privilegesTitle,
} from '../../../source/panes/mysql/user-dialogs.js';

const legacy: AccountRow = {
  user: 'legacy',
  host: '%',
  plugin: 'mysql_native_password',
  hasPassword: false,
  locked: false,
  globalPrivileges: ['SUPER'],
  warnings: [
    {
      kind: 'open-without-password',
      message: 'legacy@% has no password and logs in from any host.',
    },
  ],
};

describe('what the users view asks', () => {
  it('reads the account of a create-user form, a custom host trimmed', () => {
    expect(accountFrom({ user: ' app ', host: '10.%' })).toEqual({
      user: 'app',
      host: '10.%',
    });
    expect(
      accountFrom({ user: 'app', host: 'custom', customHost: ' db.lan ' }),
    ).toEqual({ user: 'app', host: 'db.lan' });
  });

  it('asks yes/no to create a user, warning that % logs in from any host', () => {
    expect(createUserRequest({ user: "o'brien", host: '10.%' })).toEqual({
      level: 'yes-no',
      title: "Create user o'brien@10.%",
      targets: ["o'brien@10.%"],
      action: 'Create',
    });
    expect(createUserRequest({ user: 'app', host: '%' })).toMatchObject({
      title: 'Create user app@%',
      warnings: ['% lets it log in from any host.'],
    });
  });

  it('names the privileges, where, and to or from whom', () => {
    const app = { user: 'app', host: '%' };
    expect(privilegesTitle(app, 'Grant', 'shop.*')).toBe(
      'Grant on shop.* to app@%',
    );
    expect(privilegesTitle(app, 'Revoke', 'shop.orders')).toBe(
      'Revoke on shop.orders from app@%',
    );
    expect(
      privilegesRequest(app, 'Grant', 'shop.*', ['SELECT', 'INSERT']),
    ).toEqual({
      level: 'yes-no',
      title: 'Grant on shop.*',
      targets: ['SELECT, INSERT to app@%'],
      action: 'Grant',
    });
    expect(
      privilegesRequest(app, 'Revoke', 'shop.orders', ['DELETE']),
    ).toMatchObject({
      title: 'Revoke on shop.orders',
      targets: ['DELETE from app@%'],
      action: 'Revoke',
    });
  });

  it('drops a user only after user@host is typed', () => {
    expect(dropUserRequest(legacy)).toMatchObject({
      level: 'typed',
      title: 'Drop user legacy@%',
      targets: ['legacy@%'],
      expected: 'legacy@%',
      action: 'Drop',
    });
  });

  it('shows the grants, then the warnings when there are some', () => {
    const grants = ['GRANT USAGE ON *.* TO `legacy`@`%`'];
    expect(grantsSections(legacy, grants)).toEqual([
      { title: 'SHOW GRANTS', rows: [['', grants[0]]] },
      {
        title: 'Warnings',
        rows: [['!', 'legacy@% has no password and logs in from any host.']],
      },
    ]);
    expect(grantsSections({ ...legacy, warnings: [] }, grants)).toHaveLength(1);
  });
});
