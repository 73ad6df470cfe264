#!/usr/bin/env node
// The instances pane with 5,000 instances in moto: time until the first rows
// are on screen, time from a key press to the redrawn frame (p50/p95) with
// every row loaded while the pane refreshes in the background, and memory
// with the first page and with all 5,000 loaded. Each figure on loopback and
// through a 20 ms round trip (bench/latency-proxy.mjs), since real use is
// never on loopback. Beside it, the AWS CLI's time to print the first page of
// the same listing. Ratios are opsdeck / peer.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import pty from 'node-pty';
import xterm from '@xterm/headless';
import { startLatencyProxy } from './latency-proxy.mjs';
import { startMoto } from './lab-moto.mjs';

const COUNT = Number(process.env.INSTANCES ?? 5000);
const PRESSES = Number(process.env.PRESSES ?? 60);
/** A person types about ten keys a second; the refresh runs meanwhile. */
const PRESS_GAP_MS = Number(process.env.PRESS_GAP_MS ?? 80);
const ROUND_TRIP_MS = 20;
const execFileAsync = promisify(execFile);
const REGION = 'us-west-2';
const cli = new URL('../dist/opsdeck.js', import.meta.url).pathname;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
};
const rssMb = (pid) =>
  Number(
    /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ??
      0,
  ) / 1024;

async function seed(endpoint) {
  const ec2 = new EC2Client({
    region: REGION,
    endpoint,
    credentials: {
      accessKeyId: 'AKIALABOPSDECK000001',
      secretAccessKey: 'lab-not-a-secret',
    },
  });
  // One instance per reservation: moto pages by reservation, AWS by instance.
  const numbers = Array.from({ length: COUNT }, (_, index) => index);
  for (let start = 0; start < numbers.length; start += 8) {
    await Promise.all(
      numbers.slice(start, start + 8).map((number) =>
        ec2.send(
          new RunInstancesCommand({
            ImageId: 'ami-1e749f67',
            MinCount: 1,
            MaxCount: 1,
            InstanceType: 't3.micro',
            TagSpecifications: [
              {
                ResourceType: 'instance',
                Tags: [
                  {
                    Key: 'Name',
                    Value: `bench-${String(number).padStart(4, '0')}`,
                  },
                  { Key: 'env', Value: number % 2 ? 'prod' : 'staging' },
                ],
              },
            ],
          }),
        ),
      ),
    );
  }
  ec2.destroy();
}

/** Row index of the highlighted (inverse) line, or -1. */
function selectedRow(terminal) {
  const buffer = terminal.buffer.active;
  for (let row = 0; row < terminal.rows; row++) {
    const line = buffer.getLine(row);
    if (line?.getCell(2)?.isInverse()) return row;
  }
  return -1;
}

/** The binary's own V8 flags, from its shebang (`node --flag ...`). */
const shebangFlags = (binary) =>
  readFileSync(binary, 'utf8').split('\n', 1)[0].split(/\s+/).slice(3);

async function runConsole(env, binary = cli, nodeFlags = []) {
  const terminal = new xterm.Terminal({
    cols: 120,
    rows: 40,
    allowProposedApi: true,
  });
  let pending = Promise.resolve();
  const started = performance.now();
  const args = ['--profile', 'lab', '--region', REGION];
  // Node refuses --cpu-prof in NODE_OPTIONS: flags go on its command line.
  const [file, argv] =
    nodeFlags.length === 0
      ? [binary, args]
      : [
          process.execPath,
          [...shebangFlags(binary), ...nodeFlags, binary, ...args],
        ];
  const child = pty.spawn(file, argv, {
    cols: 120,
    rows: 40,
    env,
    name: 'xterm-256color',
  });
  child.onData(
    (data) =>
      (pending = pending.then(
        () => new Promise((resolve) => terminal.write(data, resolve)),
      )),
  );
  const screen = () =>
    Array.from(
      { length: 40 },
      (_, row) =>
        terminal.buffer.active.getLine(row)?.translateToString(true) ?? '',
    ).join('\n');
  const until = async (predicate, timeoutMs = 60_000) => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      await pending;
      if (predicate()) return performance.now();
      if (performance.now() > deadline)
        throw new Error(`timed out; screen:\n${screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  // moto may answer all of them in one page; AWS gives pages of 200.
  const firstRows =
    (await until(
      () =>
        /Instances \(\d+\+?\)/.test(screen()) && screen().includes('bench-'),
    )) - started;
  const rssFirstPage = rssMb(child.pid);
  // Everything loaded: m until the list is no longer partial.
  while (/Instances \(\d+\+\)/.test(screen())) {
    const before = screen().match(/Instances \((\d+)/)?.[1];
    child.write('m');
    await until(() => screen().match(/Instances \((\d+)/)?.[1] !== before);
  }
  // Keys while the pane polls (every second, from the config): each refresh
  // reloads every page shown, so one is nearly always in flight.
  const latencies = [];
  let duringRefresh = 0;
  for (let press = 0; press < PRESSES; press++) {
    await new Promise((resolve) => setTimeout(resolve, PRESS_GAP_MS));
    await pending;
    const before = selectedRow(terminal);
    if (screen().includes('refreshing')) duringRefresh++;
    const sent = performance.now();
    child.write(press % 20 === 19 ? 'g' : 'j');
    latencies.push(
      (await until(() => selectedRow(terminal) !== before, 5000)) - sent,
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rssAll = rssMb(child.pid);
  // V8 returns memory to the system once idle for a while.
  await new Promise((resolve) =>
    setTimeout(resolve, Number(process.env.IDLE_MS ?? 10_000)),
  );
  const rssIdle = rssMb(child.pid);
  if (process.env.HEAP_SNAPSHOT) {
    process.kill(child.pid, 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 8000));
  }
  const total = screen().match(/Instances \((\d+)\)/)?.[1];
  child.write('q');
  await new Promise((resolve) => child.onExit(resolve));
  return {
    firstRows,
    latencies,
    duringRefresh,
    rssFirstPage,
    rssAll,
    rssIdle,
    total,
  };
}

/** Asynchronous: the latency proxy runs in this process and must keep forwarding. */
async function awsFirstPage(env, endpoint) {
  const started = performance.now();
  await execFileAsync(
    'aws',
    [
      'ec2',
      'describe-instances',
      '--profile',
      'lab',
      '--region',
      REGION,
      '--endpoint-url',
      endpoint,
      '--max-items',
      '200',
      '--output',
      'text',
      '--query',
      'Reservations[].Instances[].[InstanceId,State.Name]',
    ],
    { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return performance.now() - started;
}

/** The lab's config, polling every second so a refresh runs under the keys. */
function pollingConfig(lab) {
  const file = `${lab.dir}/opsdeck-bench-config.yaml`;
  writeFileSync(
    file,
    `${readFileSync(lab.moto.opsdeckConfigFile, 'utf8')}\nui:\n  refresh:\n    fast: 1\n    slow: 1\n`,
  );
  return file;
}

/**
 * A/B against another build (AB_CLI=path/to/opsdeck.js) on the same seeded
 * moto: ROUNDS rounds, each running both builds in turn on each link, so load
 * from elsewhere falls on both alike.
 */
async function compare(env, links, other) {
  const builds = [
    ['this build', cli],
    ['AB_CLI', other],
  ];
  const results = new Map(builds.map(([label]) => [label, []]));
  for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++)
    for (const link of links)
      for (const [label, binary] of round % 2 ? builds.toReversed() : builds) {
        const run = await runConsole(
          { ...env, AWS_ENDPOINT_URL: link.endpoint },
          binary,
        );
        results.get(label).push({ link: link.label, ...run });
      }
  console.log('A/B (all rounds pooled per link; load 1 min avg at the end):');
  for (const [label, runs] of results)
    for (const link of links) {
      const mine = runs.filter((run) => run.link === link.label);
      const latencies = mine.flatMap((run) => run.latencies);
      console.log(
        `  ${label.padEnd(11)} ${link.label.padEnd(10)} p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, RSS all loaded ${Math.max(...mine.map((run) => run.rssAll)).toFixed(0)} MB, first page ${Math.max(...mine.map((run) => run.rssFirstPage)).toFixed(0)} MB`,
      );
    }
  console.log(`  load ${loadavg()[0].toFixed(1)}`);
}

const lab = await startMoto(cli);
const proxy = await startLatencyProxy({
  targetPort: Number(new URL(lab.moto.endpoint).port),
  roundTripMs: ROUND_TRIP_MS,
});
try {
  process.stderr.write(`seeding ${COUNT} instances in ${REGION}...\n`);
  await seed(lab.moto.endpoint);
  const env = {
    ...process.env,
    AWS_CONFIG_FILE: lab.moto.awsConfigFile,
    AWS_SHARED_CREDENTIALS_FILE: lab.moto.awsCredentialsFile,
    OPSDECK_CONFIG: pollingConfig(lab),
    OPSDECK_STATE_DIR: `${lab.dir}/state`,
    TERM: 'xterm-256color',
  };
  delete env.CI;
  delete env.AWS_PROFILE;
  const links = [
    { label: 'loopback', endpoint: lab.moto.endpoint },
    { label: `${ROUND_TRIP_MS} ms RTT`, endpoint: proxy.url },
  ];
  const runs = [];
  const aws = [];
  const hasAws = spawnSync('aws', ['--version']).status === 0;
  for (const link of links) {
    process.stderr.write(`console on ${link.label}...\n`);
    runs.push(await runConsole({ ...env, AWS_ENDPOINT_URL: link.endpoint }));
    aws.push(hasAws ? await awsFirstPage(env, link.endpoint) : undefined);
  }
  const cell = (value, unit) =>
    value === undefined
      ? '-'.padStart(9)
      : `${value.toFixed(0).padStart(6)} ${unit.padEnd(2)}`;
  const ratio = (value, peer) =>
    (peer === undefined ? '' : `${(value / peer).toFixed(2)}x`).padStart(6);
  const row = (label, unit, values, peers = []) =>
    console.log(
      `${label.padEnd(36)}${values
        .map(
          (value, index) =>
            ` ${cell(value, unit)} ${cell(peers[index], unit)} ${ratio(value, peers[index])}`,
        )
        .join(' ')}`,
    );
  console.log(
    `instances pane, ${runs[0].total} instances in moto, 120x40, refresh every 1 s (node ${process.version})`,
  );
  console.log(
    `${''.padEnd(36)}${links.map((link) => ` ${link.label.padStart(26)}`).join(' ')}`,
  );
  console.log(
    `${''.padEnd(36)}${links
      .map(
        () =>
          ` ${'opsdeck'.padStart(9)} ${(hasAws ? 'aws cli' : 'aws: n/a').padStart(9)} ${'ratio'.padStart(6)}`,
      )
      .join(' ')}`,
  );
  row(
    'first 200 rows on screen / printed',
    'ms',
    runs.map((run) => run.firstRows),
    aws,
  );
  row(
    `key press to frame, p50 (${PRESSES} presses)`,
    'ms',
    runs.map((run) => percentile(run.latencies, 50)),
  );
  row(
    'key press to frame, p95',
    'ms',
    runs.map((run) => percentile(run.latencies, 95)),
  );
  console.log(
    `${'presses while "refreshing" showed'.padEnd(36)}${runs.map((run) => ` ${`${run.duringRefresh}/${PRESSES}`.padStart(9)}${''.padEnd(17)}`).join(' ')}`,
  );
  row(
    'RSS with the first page',
    'MB',
    runs.map((run) => run.rssFirstPage),
  );
  row(
    `RSS with all ${runs[0].total} loaded`,
    'MB',
    runs.map((run) => run.rssAll),
  );
  row(
    'RSS with all loaded, 10 s later',
    'MB',
    runs.map((run) => run.rssIdle),
  );
  console.log(
    'targets: first rows as soon as the first page arrives, p95 under 50 ms with all rows loaded and a refresh running, RSS under 200 MB',
  );
  if (process.env.AB_CLI) await compare(env, links, process.env.AB_CLI);
  // One more run on loopback under V8's CPU profiler, outside the figures.
  if (process.env.PROFILE_DIR) {
    await runConsole({ ...env, AWS_ENDPOINT_URL: links[0].endpoint }, cli, [
      '--cpu-prof',
      `--cpu-prof-dir=${process.env.PROFILE_DIR}`,
    ]);
    console.log(`CPU profiles of one more run in ${process.env.PROFILE_DIR}`);
  }
} finally {
  await proxy.close();
  await lab.stop();
}
