/** Seeds the lab's MariaDB: a shop schema with rows, and users of every kind the MySQL pane handles. */
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { HOSTILE_CELL } from './hostile.js';

/** Lab-only, documented passwords for a throwaway loopback server; not secrets. */
export const LAB_MYSQL = {
  rootPassword: 'lab-root',
  appUser: 'app',
  appPassword: 'lab-app',
} as const;

const STATEMENTS = [
  'CREATE DATABASE shop CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
  'CREATE DATABASE inventory CHARACTER SET utf8mb4',
  'CREATE DATABASE `weird.name` CHARACTER SET utf8mb4',
  'CREATE TABLE shop.customers (id INT PRIMARY KEY AUTO_INCREMENT, email VARCHAR(190) NOT NULL UNIQUE, name VARCHAR(100), created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)',
  'CREATE TABLE shop.products (sku VARCHAR(32) PRIMARY KEY, title VARCHAR(200) NOT NULL, price DECIMAL(10,2) NOT NULL, image BLOB NULL)',
  'CREATE TABLE shop.orders (id BIGINT PRIMARY KEY AUTO_INCREMENT, customer_id INT NOT NULL, sku VARCHAR(32) NOT NULL, quantity INT NOT NULL, note TEXT NULL, KEY (customer_id), FOREIGN KEY (customer_id) REFERENCES shop.customers(id))',
  'CREATE TABLE shop.audit_log (at DATETIME NOT NULL, message TEXT) ENGINE=InnoDB',
  'CREATE TABLE inventory.stock (sku VARCHAR(32) PRIMARY KEY, warehouse VARCHAR(20) NOT NULL, quantity INT NOT NULL)',
  'CREATE TABLE `weird.name`.`odd``table` (id INT PRIMARY KEY, `col.with.dots` VARCHAR(20))',
  `CREATE USER '${LAB_MYSQL.appUser}'@'%' IDENTIFIED BY '${LAB_MYSQL.appPassword}'`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON shop.* TO '${LAB_MYSQL.appUser}'@'%'`,
  "CREATE USER 'report'@'10.%' IDENTIFIED BY 'lab-report'",
  "GRANT SELECT ON shop.orders TO 'report'@'10.%'",
  "CREATE USER 'legacy'@'%'",
  "GRANT ALL PRIVILEGES ON *.* TO 'legacy'@'%'",
];

export async function seedMysql(options: { socket: string }): Promise<void> {
  // A fresh datadir lets root in over the socket without a password.
  const connection = await createConnection({
    socketPath: options.socket,
    user: 'root',
  });
  try {
    // A fresh datadir has root without a password on every loopback name and the host name.
    const [roots] = await connection.query<RowDataPacket[]>(
      "SELECT Host AS host FROM mysql.user WHERE User = 'root'",
    );
    for (const { host } of roots as { host: string }[]) {
      if (['localhost', '127.0.0.1', '::1'].includes(host))
        await connection.query('ALTER USER ?@? IDENTIFIED BY ?', [
          'root',
          host,
          LAB_MYSQL.rootPassword,
        ]);
      else await connection.query('DROP USER ?@?', ['root', host]);
    }
    for (const statement of STATEMENTS) await connection.query(statement);
    const customers = Array.from({ length: 250 }, (_, index) => [
      `user${index + 1}@example.com`,
      `Customer ${index + 1}`,
    ]);
    await connection.query(
      'INSERT INTO shop.customers (email, name) VALUES ?',
      [customers],
    );
    const products = Array.from({ length: 40 }, (_, index) => [
      `SKU-${String(index + 1).padStart(4, '0')}`,
      `Product ${index + 1}`,
      ((index + 1) * 3.5).toFixed(2),
      index % 5 === 0 ? Buffer.from([0xde, 0xad, 0xbe, 0xef]) : null,
    ]);
    await connection.query(
      'INSERT INTO shop.products (sku, title, price, image) VALUES ?',
      [products],
    );
    const orders = Array.from({ length: 1500 }, (_, index) => [
      (index % 250) + 1,
      `SKU-${String((index % 40) + 1).padStart(4, '0')}`,
      (index % 7) + 1,
      index % 9 === 0 ? null : `order ${index + 1}`,
    ]);
    await connection.query(
      'INSERT INTO shop.orders (customer_id, sku, quantity, note) VALUES ?',
      [orders],
    );
    await connection.query(
      "INSERT INTO inventory.stock VALUES ('SKU-0001', 'north', 12), ('SKU-0002', 'south', 0)",
    );
    await connection.query(
      "INSERT INTO `weird.name`.`odd``table` VALUES (1, 'dots')",
    );
    await connection.query(
      'INSERT INTO shop.audit_log (at, message) VALUES (NOW(), ?)',
      [HOSTILE_CELL],
    );
  } finally {
    await connection.end();
  }
}
