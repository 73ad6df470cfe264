import { describe, expect, it } from 'vitest';
import {
  createDatabaseRequest,
  dropDatabaseRequest,
  newDatabaseFrom,
  restoreRequest,
} from '../../../source/panes/mysql/database-dialogs.js';
import {
  consoleWriteRequest,
  killRequest,
} from '../../../source/panes/mysql/server-dialogs.js';

describe('what the databases view asks', () => {
  it('reads a create-database form and names the character set and collation', () => {
    const audit = newDatabaseFrom({
      name: ' audit ',
      charset: 'latin1',
      collation: '',
    });
    expect(audit).toEqual({ name: 'audit', charset: 'latin1', collation: '' });
    expect(createDatabaseRequest(audit)).toEqual({
      level: 'yes-no',
      title: 'Create database audit',
      targets: ['audit (latin1)'],
      action: 'Create',
    });
    expect(
      createDatabaseRequest({
        name: 'shop',
        charset: 'utf8mb4',
        collation: 'utf8mb4_unicode_ci',
      }).targets,
    ).toEqual(['shop (utf8mb4, utf8mb4_unicode_ci)']);
  });

  it('drops a database only after its name is typed', () => {
    expect(dropDatabaseRequest('shop')).toMatchObject({
      level: 'typed',
      title: 'Drop database shop',
      expected: 'shop',
      action: 'Drop',
    });
  });

  it('says whether a restore replaces tables or creates the database', () => {
    expect(restoreRequest('/tmp/shop.sql', 'shop', true)).toMatchObject({
      title: 'Restore into the existing database shop',
      targets: ['/tmp/shop.sql'],
      warnings: [
        'Tables in the file replace tables of the same name (DROP TABLE in the dump).',
      ],
    });
    expect(restoreRequest('/tmp/shop.sql', 'audit', false)).toMatchObject({
      title: 'Restore into a new database audit',
      warnings: ['The database is created first.'],
    });
  });
});

describe('what the server view and the console ask', () => {
  const process = {
    id: 7,
    user: 'app',
    host: '10.0.0.5:50122',
    database: 'shop',
    command: 'Query',
    seconds: 42,
    state: 'Sending data',
    info: 'SELECT * FROM orders',
  };

  it('says what a kill ends', () => {
    expect(killRequest(process, 'query')).toMatchObject({
      title: 'Kill the query of process 7',
      targets: ['7 app@10.0.0.5:50122 SELECT * FROM orders'],
      warnings: ['The running statement stops; the client stays connected.'],
    });
    expect(killRequest({ ...process, info: null }, 'connection')).toMatchObject(
      {
        title: 'Kill the connection of process 7',
        targets: ['7 app@10.0.0.5:50122 Query'],
        warnings: [
          'The client is disconnected; an open transaction is rolled back.',
        ],
      },
    );
  });

  it('shows at most eight lines of a statement that writes', () => {
    const sql = Array.from({ length: 10 }, (_, index) => `-- ${index}`);
    expect(consoleWriteRequest(sql.join('\n'))).toEqual({
      level: 'yes-no',
      title: 'Run a statement that writes',
      targets: sql.slice(0, 8),
      action: 'Run',
    });
  });
});
