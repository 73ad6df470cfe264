import { describe, expect, it } from 'vitest';
import { KEYS } from '../../helpers/keys.js';
import { lines, type Size } from '../../helpers/render.js';
import { connectedPane } from './mysql-open.js';

function fits(frame: string, size: Size = { columns: 80, rows: 24 }) {
  const all = lines(frame);
  expect(all.length).toBeLessThan(size.rows);
  for (const line of all) expect(line.length).toBeLessThanOrEqual(size.columns);
}

describe('MySQL pane views at 80x24', () => {
  it('creates a database with a charset, and drops one only after its name is typed', async () => {
    const { view, mysql } = await connectedPane();
    await view.press('n', (frame) => frame.includes('Create a database'));
    await view.press('audit');
    await view.press(KEYS.tab);
    await view.press(KEYS.right, (frame) => frame.includes('< latin1 >'));
    await view.press(KEYS.enter, (frame) =>
      frame.includes('Create database audit'),
    );
    await view.press('y', (frame) => frame.includes('Databases (3)'));
    expect(mysql.calls).toEqual(['create database audit latin1']);

    await view.press('/', (frame) => frame.includes('/'));
    await view.press('audit');
    await view.press(KEYS.enter, (frame) => frame.includes('Databases (1/3)'));
    await view.press('X', (frame) => frame.includes('Drop database'));
    const typed = await view.press('aud');
    expect(typed).toContain('Drop database audit');
    await view.press(KEYS.enter);
    expect(mysql.calls).toHaveLength(1);
    await view.press('it');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('drop database audit: done'),
    );
    expect(mysql.calls).toEqual([
      'create database audit latin1',
      'drop database audit',
    ]);
  });

  it('lists tables with estimates and shows a structure with SHOW CREATE TABLE', async () => {
    const { view } = await connectedPane();
    await view.press('/', (frame) => frame.includes('/'));
    await view.press('shop');
    await view.press(KEYS.enter);
    const tables = await view.press(KEYS.enter, (frame) =>
      frame.includes('Tables of shop (2)'),
    );
    expect(tables).toMatch(/customers\s+InnoDB\s+250/);
    fits(tables);
    await view.press('/', (frame) => frame.includes('/'));
    await view.press('customers');
    await view.press(KEYS.enter);
    const structure = await view.press(KEYS.enter, (frame) =>
      frame.includes('SHOW CREATE TABLE'),
    );
    expect(structure).toContain('Primary key');
    expect(structure).toMatch(/id\s+int NULL PRI/);
    fits(structure);
  });

  it('runs the console in the chosen database, and keeps the choice across :mysql', async () => {
    const { view } = await connectedPane();
    await view.press('Q', (frame) => frame.includes('sql>'));
    expect(view.frame()).toContain('SQL · no database');
    await view.press(KEYS.escape, (frame) => !frame.includes('Esc: browse'));
    await view.press('B', (frame) => frame.includes('Databases (2)'));
    await view.press('/', (frame) => frame.includes('/'));
    await view.press('shop');
    await view.press(KEYS.enter);
    await view.press(KEYS.enter, (frame) => frame.includes('Tables of shop'));
    await view.press('/', (frame) => frame.includes('/'));
    await view.press('customers');
    await view.press(KEYS.enter);
    await view.press('r', (frame) => frame.includes('shop.customers'));
    const console = await view.press('Q', (frame) => frame.includes('sql>'));
    expect(console).toContain('SQL in shop');
    await view.press('select database();');
    const result = await view.press(KEYS.enter, (frame) =>
      frame.includes('1 row in'),
    );
    expect(result).toMatch(/DATABASE\(\)\s+shop/);
    // Away and back: the database and the table are still chosen.
    await view.press(KEYS.escape, (frame) => !frame.includes('Esc: browse'));
    await view.press(':');
    await view.press('instances');
    await view.press(KEYS.enter, (frame) => !frame.includes('SQL in shop'));
    await view.press(':');
    await view.press('mysql');
    await view.press(KEYS.enter, (frame) => frame.includes('Databases (2)'));
    await view.press('R', (frame) => frame.includes('shop.customers'));
    await view.press('T', (frame) => frame.includes('Tables of shop'));
    // A USE typed in the console moves the choice for every view.
    await view.press('Q', (frame) => frame.includes('SQL in shop'));
    await view.press('USE inventory;');
    await view.press(KEYS.enter, (frame) => frame.includes('SQL in inventory'));
    await view.press(KEYS.escape, (frame) => !frame.includes('Esc: browse'));
    await view.press('T', (frame) => frame.includes('Tables of inventory'));
  });

  it('pages rows from both ends, shows NULL and hex, and scrolls wide rows', async () => {
    const { view } = await connectedPane();
    await view.press('/', (frame) => frame.includes('/'));
    await view.press('shop');
    await view.press(KEYS.enter);
    await view.press(KEYS.enter, (frame) => frame.includes('Tables of shop'));
    await view.press('/', (frame) => frame.includes('/'));
    await view.press('customers');
    await view.press(KEYS.enter);
    const first = await view.press('r', (frame) => frame.includes('page 1'));
    expect(first).toContain('shop.customers');
    expect(first).toContain('by id');
    expect(first).toContain('NULL');
    expect(first).toMatch(/^1\s+user1@example\.com/m);
    fits(first);
    const second = await view.press(']', (frame) => frame.includes('page 2'));
    expect(second).not.toMatch(/^1\s+user1@/m);
    const last = await view.press('>', (frame) =>
      frame.includes('from the end'),
    );
    expect(last).toMatch(/^250\s+user250@/m);
    const wide = await view.press(KEYS.right);
    expect(wide).toMatch(/^user250@example\.com/m);
    const further = await view.press(KEYS.right);
    expect(further.includes('0xdeadbeef') || further.includes('NULL')).toBe(
      true,
    );
    const back = await view.press('<', (frame) => frame.includes('page 1'));
    expect(back).toContain('page 1');
  });

  it('keeps the last good rows and shows the error in place', async () => {
    const { view, mysql } = await connectedPane();
    mysql.failNext = "Table 'shop.orders' doesn't exist";
    const failed = await view.press(KEYS.ctrlR, (frame) =>
      frame.includes("doesn't exist"),
    );
    expect(failed).toMatch(/shop\s+2/);
  });

  it('creates a user with a host choice and a password typed twice, grants from a checklist, shows the grants', async () => {
    const { view, mysql } = await connectedPane();
    const users = await view.press('U', (frame) => frame.includes('Users (3)'));
    expect(users).toContain('legacy@%');
    expect(users).toMatch(/legacy@%.*NONE\s+global privs; % without password/);
    fits(users);
    await view.press('n', (frame) => frame.includes('Create a user'));
    await view.press("o'brien");
    await view.press(KEYS.tab);
    await view.press(KEYS.right);
    await view.press(KEYS.right, (frame) => frame.includes('< 10.% >'));
    await view.press(KEYS.tab);
    await view.press(KEYS.tab);
    await view.press('pw1');
    await view.press(KEYS.tab);
    const differ = await view.press('pw2');
    expect(differ).toContain('the two passwords differ');
    expect(differ).not.toContain('pw1');
    await view.press(KEYS.backspace);
    await view.press('1');
    await view.press(KEYS.enter, (frame) =>
      frame.includes("Create user o'brien@10.%"),
    );
    await view.press('y', (frame) => frame.includes('Users (4)'));
    expect(mysql.calls).toEqual(["create user o'brien@10.%"]);
    expect(mysql.accounts.at(-1)?.password).toBe('pw1');

    await view.press('/', (frame) => frame.includes('/'));
    await view.press('brien');
    await view.press(KEYS.enter, (frame) => frame.includes('Users (1/4)'));
    await view.press('a', (frame) =>
      frame.includes("Grant privileges to o'brien@10.%"),
    );
    expect(view.frame()).toContain('< shop >');
    const checklist = await view.press(KEYS.enter, (frame) =>
      frame.includes('[ ] SELECT'),
    );
    expect(checklist).toContain('ALL PRIVILEGES');
    fits(checklist);
    await view.press(KEYS.space, (frame) => frame.includes('[x] SELECT'));
    await view.press(KEYS.down);
    await view.press(KEYS.space, (frame) => frame.includes('[x] INSERT'));
    await view.press(KEYS.enter, (frame) => frame.includes('Grant on shop.*'));
    await view.press('y', (frame) => frame.includes('done'));
    expect(mysql.calls.at(-1)).toBe(
      "grant SELECT, INSERT on shop.* to o'brien@10.%",
    );
    const grants = await view.press(KEYS.enter, (frame) =>
      frame.includes('SHOW GRANTS'),
    );
    expect(grants).toContain(
      "GRANT SELECT, INSERT ON `shop`.* TO `o'brien`@`10.%`",
    );
  });

  it('drops a user only after user@host is typed', async () => {
    const { view, mysql } = await connectedPane();
    await view.press('U', (frame) => frame.includes('Users (3)'));
    await view.press('G');
    await view.press('X', (frame) => frame.includes('Drop user legacy@%'));
    await view.press('legacy@%');
    await view.press(KEYS.enter, (frame) => frame.includes('Users (2)'));
    expect(mysql.calls).toEqual(['drop user legacy@%']);
  });

  it('runs a query in the console: multi-line, result table, time, errors in place, history', async () => {
    const { view, mysql } = await connectedPane();
    const console = await view.press('Q', (frame) => frame.includes('sql>'));
    fits(console);
    await view.press('SELECT 42 AS answer,');
    // Enter without ; adds a line; q and : are text here.
    const second = await view.press(KEYS.enter, (frame) =>
      frame.includes('->'),
    );
    expect(second).toContain('sql> SELECT 42 AS answer,');
    await view.press('NULL AS q;');
    const result = await view.press(KEYS.enter, (frame) =>
      frame.includes('1 row in'),
    );
    expect(result).toMatch(/answer\s+nothing/);
    expect(result).toMatch(/42\s+NULL/);
    await view.press('select nosuch;');
    const failed = await view.press(KEYS.enter, (frame) =>
      frame.includes('Unknown column'),
    );
    expect(failed).toMatch(/42\s+NULL/);
    await view.press(KEYS.ctrlU, (frame) => !frame.includes('nosuch;'));
    const recalled = await view.press(KEYS.up, (frame) =>
      frame.includes('SELECT 42'),
    );
    expect(recalled).toContain('NULL AS q;');
    expect(mysql.calls).toEqual([]);
  });

  it("shows the server's whole syntax error in place, wrapped, and asks nothing", async () => {
    const { view, mysql } = await connectedPane();
    await view.press('Q', (frame) => frame.includes('sql>'));
    await view.press('selec id, email from customers where id < 3;');
    const failed = await view.press(KEYS.enter, (frame) =>
      frame.includes('ER_PARSE_ERROR'),
    );
    fits(failed);
    const text = lines(failed)
      .map((line) => line.trim())
      .join(' ');
    expect(text).toContain(
      "near 'selec id, email from customers where id < 3' at line 1",
    );
    expect(failed).not.toContain('Run a statement that writes');
    expect(mysql.calls).toEqual([]);
  });

  it('asks before a write in the console, and cancels a running query with KILL QUERY', async () => {
    const { view, mysql } = await connectedPane();
    await view.press('Q', (frame) => frame.includes('sql>'));
    await view.press('DELETE FROM shop.orders WHERE id < 3;');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('Run a statement that writes'),
    );
    await view.press('y', (frame) => frame.includes('2 rows affected'));
    expect(mysql.calls).toEqual([
      'console: DELETE FROM shop.orders WHERE id < 3;',
    ]);
    mysql.holdNextQuery = true;
    await view.press('SELECT SLEEP(100);');
    await view.press(KEYS.enter, (frame) => frame.includes('running…'));
    const cancelled = await view.press(KEYS.ctrlC, (frame) =>
      frame.includes('interrupted'),
    );
    expect(cancelled).toContain('Query execution was interrupted');
    expect(mysql.calls.at(-1)).toBe('KILL QUERY');
  });

  it('shows the server figures and kills a process after asking', async () => {
    const { view, mysql } = await connectedPane();
    const server = await view.press('S', (frame) =>
      frame.includes('Processes (2)'),
    );
    expect(server).toContain('MariaDB 10.11.6 · up 1d 2h · QPS 12.5');
    expect(server).toContain('connections 3/151');
    expect(server).toContain('buffer pool 128 MiB, 42% used');
    expect(server).toContain('SELECT * FROM orders');
    fits(server);
    // The dialog names the process it acts on.
    await view.press('K', (frame) =>
      frame.includes('Kill what of process 7 (app@'),
    );
    await view.press(KEYS.enter, (frame) =>
      frame.includes('Kill the query of process 7'),
    );
    await view.press('y', (frame) => frame.includes('kill query 7: done'));
    expect(mysql.calls).toEqual(['kill query 7']);
  });

  it('dumps a database straight into S3', async () => {
    const { view, mysql, deps } = await connectedPane();
    await view.press('D', (frame) => frame.includes('Dump shop'));
    await view.press('\u0015');
    await view.press('s3://acme-backups/db/');
    await view.press(KEYS.enter, (frame) => frame.includes('dumped shop'));
    expect(mysql.calls[0]).toBe('dump shop to upload gzip');
    expect(deps.s3.calls).toEqual([
      expect.stringMatching(
        /^upload s3:\/\/acme-backups\/db\/shop-\d{4}-\d\d-\d\d\.sql\.gz 8 bytes$/,
      ),
    ]);
    expect(view.frame()).toContain('s3://acme-backups/db/shop-');
  });

  it('dumps a database to a file and restores one after asking', async () => {
    const { view, mysql } = await connectedPane();
    await view.press('D', (frame) => frame.includes('Dump shop'));
    await view.press(KEYS.enter, (frame) => frame.includes('dumped shop'));
    expect(mysql.calls[0]).toMatch(
      /^dump shop to \/home\/ops\/shop-.*\.sql\.gz gzip$/,
    );
    await view.press('L', (frame) =>
      frame.includes('Restore a .sql or .sql.gz file into shop'),
    );
    await view.press('/tmp/shop.sql');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('Restore into the existing database shop'),
    );
    await view.press('y', (frame) => frame.includes('done'));
    expect(mysql.calls.at(-1)).toBe('restore /tmp/shop.sql into shop');
  });
});

describe('MySQL pane in read-only mode', () => {
  it('refuses writes before any dialog, and lets the console run reads only', async () => {
    const { view, mysql } = await connectedPane({ readOnly: true });
    expect(view.frame()).toContain('READ-ONLY');
    const refused = await view.press('X', (frame) =>
      frame.includes('read-only: drop'),
    );
    expect(refused).not.toContain('Drop database');
    await view.press('Q', (frame) => frame.includes('sql>'));
    await view.press('DROP DATABASE shop;');
    const console = await view.press(KEYS.enter, (frame) =>
      frame.includes('read-only:'),
    );
    expect(console).toContain('only reads run here');
    await view.press(KEYS.ctrlU, (frame) => !frame.includes('DROP DATABASE'));
    await view.press('SELECT 1;');
    await view.press(KEYS.enter, (frame) => frame.includes('1 row in'));
    expect(mysql.calls).toEqual([]);
  });
});

describe('MySQL pane at 120x36', () => {
  it('shows more columns and rows', async () => {
    const size = { columns: 120, rows: 36 };
    const { view } = await connectedPane({ size });
    const users = await view.press('U', (frame) => frame.includes('Users (3)'));
    expect(users).toMatch(/USER@HOST\s+AUTH\s+PASSWORD\s+WARNING/);
    fits(users, size);
  });
});
