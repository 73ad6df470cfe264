#!/usr/bin/env node
// The MySQL pane's engine against the lab (MariaDB behind OpenSSH):
// 1. time to the first page of a 1,000,000-row table through the SSH tunnel,
//    cold (new SSH connection, MySQL login, page) and warm (page only);
// 2. dump throughput (mariadb-dump on the SSH host, streamed over an exec
//    channel to a local file) against `ssh HOST mariadb-dump DB > file` with
//    the same flags and data. Ratios are opsdeck / peer (higher is better).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, createWriteStream } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 5);
const root = new URL('..', import.meta.url).pathname;

async function loadEngine() {
  const outfile = join(
    root,
    'node_modules',
    '.cache',
    'opsdeck-bench',
    'mysql-engine.mjs',
  );
  await build({
    stdin: {
      contents: [
        "export { startLab } from './source/lab/lab.ts';",
        "export { createMysqlServices } from './source/mysql/mysql-services.ts';",
        "export { createWriteGuard } from './source/safety/read-only.ts';",
        "export { createEventLog } from './source/events/event-log.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['ssh2', 'mysql2', 'cpu-features', '@aws-sdk/*', '@smithy/*'],
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
    logLevel: 'error',
  });
  return import(outfile);
}

const median = (values) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => bytes / 1e6;

const engine = await loadEngine();
const lab = await engine.startLab({ parts: ['mariadb', 'sshd'] });
const work = mkdtempSync(join(tmpdir(), 'opsdeck-bench-mysql-'));
try {
  if (!lab.mariadb || !lab.sshd)
    throw new Error(`lab incomplete: ${JSON.stringify(lab.skipped)}`);
  const { sshd, mariadb } = lab;
  const connect = () =>
    engine.createMysqlServices({
      ssh: {
        host: sshd.host,
        port: sshd.port,
        user: sshd.user,
        identityFile: sshd.keyPath,
        agent: false,
      },
      mysql: {
        endpoint: { kind: 'tcp', host: '127.0.0.1', port: mariadb.port },
        user: 'root',
      },
      prompts: {
        ask: async () => mariadb.rootPassword,
        confirmHostKey: async () => false,
      },
      guard: engine.createWriteGuard(false),
      events: engine.createEventLog(),
      environment: {
        home: work,
        localUser: userInfo().username,
        agentSocket: undefined,
        configFiles: [],
        knownHostsFiles: [sshd.knownHostsPath],
      },
    });

  const seeding = connect();
  const seedStart = performance.now();
  await seeding.session.run('CREATE DATABASE bench');
  await seeding.session.run(
    'CREATE TABLE bench.big (id BIGINT PRIMARY KEY, label VARCHAR(40) NOT NULL, amount DECIMAL(12,2), created DATETIME, note TEXT NULL)',
  );
  await seeding.session.run(
    `INSERT INTO bench.big SELECT seq, CONCAT('row ', seq), seq / 100, '2026-01-01' + INTERVAL (seq % 100000) MINUTE, IF(seq % 5 = 0, NULL, REPEAT('n', seq % 40)) FROM bench.seq_1_to_${ROWS}`,
  );
  console.log(
    `seeded ${ROWS.toLocaleString('en')} rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  await seeding.close();

  const cold = [];
  const warm = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const services = connect();
    const page = await services.rows.page(
      'bench',
      'big',
      { at: 'first' },
      { limit: 100 },
    );
    cold.push(performance.now() - started);
    if (page.rows.length !== 100) throw new Error('short first page');
    const again = performance.now();
    await services.rows.page('bench', 'big', { at: 'last' }, { limit: 100 });
    await services.rows.page(
      'bench',
      'big',
      { after: page.last },
      { limit: 100 },
    );
    warm.push((performance.now() - again) / 2);
    await services.close();
  }
  console.log(
    `first page of ${ROWS.toLocaleString('en')} rows: cold ${median(cold).toFixed(0)} ms (SSH + login + page; target < 200 ms), warm ${median(warm).toFixed(1)} ms per page`,
  );

  const flags =
    '--single-transaction --routines --events --triggers --hex-blob --default-character-set=utf8mb4';
  const peer = (path) =>
    new Promise((resolve, reject) => {
      const out = createWriteStream(path);
      const child = spawn(
        'ssh',
        [
          '-F',
          '/dev/null',
          '-o',
          'BatchMode=yes',
          '-o',
          `UserKnownHostsFile=${sshd.knownHostsPath}`,
          '-o',
          'StrictHostKeyChecking=yes',
          '-i',
          sshd.keyPath,
          '-p',
          String(sshd.port),
          `${sshd.user}@${sshd.host}`,
          `mariadb-dump --defaults-extra-file=/dev/stdin --protocol=TCP --host=127.0.0.1 --port=${mariadb.port} ${flags} bench`,
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      child.stdin.end(
        `[client]\nuser=root\npassword=${mariadb.rootPassword}\n`,
      );
      child.stdout.pipe(out);
      const closed = new Promise((done) => out.on('close', done));
      child.on('exit', (code) =>
        code === 0
          ? closed.then(resolve)
          : reject(new Error(`ssh exited ${code}`)),
      );
    });
  const ours = [];
  const theirs = [];
  const services = connect();
  await services.session.connect();
  for (let run = 0; run < 3; run++) {
    const mine = join(work, `opsdeck-${run}.sql`);
    let started = performance.now();
    const result = await services.dump({
      database: 'bench',
      to: { kind: 'file', path: mine },
    });
    ours.push({
      seconds: (performance.now() - started) / 1000,
      bytes: result.bytes,
    });
    const other = join(work, `ssh-${run}.sql`);
    started = performance.now();
    await peer(other);
    theirs.push({
      seconds: (performance.now() - started) / 1000,
      bytes: statSync(other).size,
    });
    rmSync(mine);
    rmSync(other);
  }
  await services.close();
  const rate = (runs) => median(runs.map((run) => mb(run.bytes) / run.seconds));
  const [mine, other] = [rate(ours), rate(theirs)];
  console.log(
    `dump of ${mb(ours[0].bytes).toFixed(1)} MB: opsdeck ${mine.toFixed(1)} MB/s, ssh + mariadb-dump ${other.toFixed(1)} MB/s, ratio ${(mine / other).toFixed(2)}x (target >= 0.9x)`,
  );
} finally {
  await lab.stop();
  rmSync(work, { recursive: true, force: true });
}
