import { describe, expect, it } from 'vitest';
import { createEventLog } from '../../../source/events/event-log.js';
import type { MysqlServices } from '../../../source/mysql/mysql-services.js';
import type { QueryHistory } from '../../../source/mysql/query/query-history.js';
import { ReadOnlyError } from '../../../source/safety/read-only.js';
import { createMysqlConnections } from '../../../source/session/mysql-connections.js';
import { createSessionOpener } from '../../../source/session/session.js';
import type { SessionSettings } from '../../../source/session/session-settings.js';

const history: QueryHistory = {
  entries: () => [],
  load: () => Promise.resolve([]),
  add: () => Promise.resolve(true),
};
const profile = {
  ssh: { host: 'db1' },
  mysql: { user: 'root', askPassword: true },
};
const settings = (readOnly: boolean): SessionSettings => ({
  profile: readOnly ? 'prod' : 'dev',
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  readOnly,
  readOnlyReason: readOnly ? 'profile prod is read-only in config.yaml' : '',
});

function registry() {
  const events = createEventLog();
  const mysql = createMysqlConnections({
    events,
    history: () => history,
    create: () =>
      Promise.resolve({
        close: () => Promise.resolve(),
      } as unknown as MysqlServices),
  });
  return { mysql, open: createSessionOpener({ events, mysql }) };
}

describe('MySQL connections follow the read-only setting', () => {
  it('makes an open connection read-only when the session switches to a read-only profile', async () => {
    const { mysql, open } = registry();
    open(settings(false)).close();
    const connection = await mysql.open('db1', profile, {
      readOnly: false,
      readOnlyReason: '',
    });
    expect(connection.guard.check('mysql', 'Query')).toEqual({ write: true });

    open(settings(true)).close();
    expect(connection.guard.readOnly).toBe(true);
    expect(() => connection.guard.check('mysql', 'Query')).toThrow(
      ReadOnlyError,
    );
    expect(connection.guard.reason).toBe(
      'profile prod is read-only in config.yaml',
    );

    open(settings(false)).close();
    expect(connection.guard.readOnly).toBe(false);
  });

  it('keeps a connection that is read-only in config read-only after a switch', async () => {
    const { mysql, open } = registry();
    const connection = await mysql.open(
      'replica',
      { ...profile, readOnly: true },
      { readOnly: false, readOnlyReason: '' },
    );
    open(settings(false)).close();
    expect(() => connection.guard.check('mysql', 'Query')).toThrow(/read-only/);
    expect(connection.guard.reason).toBe(
      'connection replica is read-only in config',
    );
  });
});
