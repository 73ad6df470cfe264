#!/usr/bin/env node
// The instances pane with 5,000 instances in moto: time until the first rows
// are on screen, time from a key press to the redrawn frame (p50/p95), and
// memory with the first page and with all 5,000 loaded. Beside it, the AWS
// CLI's time to print the first page of the same listing. Ratios are
// opsdeck / peer.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import pty from 'node-pty';
import xterm from '@xterm/headless';
import { startMoto } from './lab-moto.mjs';

const COUNT = Number(process.env.INSTANCES ?? 5000);
const PRESSES = Number(process.env.PRESSES ?? 60);
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

async function runConsole(env) {
  const terminal = new xterm.Terminal({
    cols: 120,
    rows: 40,
    allowProposedApi: true,
  });
  let pending = Promise.resolve();
  const started = performance.now();
  const child = pty.spawn(cli, ['--profile', 'lab', '--region', REGION], {
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
  const latencies = [];
  for (let press = 0; press < PRESSES; press++) {
    const before = selectedRow(terminal);
    const sent = performance.now();
    child.write(press % 20 === 19 ? 'g' : 'j');
    latencies.push(
      (await until(() => selectedRow(terminal) !== before, 5000)) - sent,
    );
  }
  // Everything loaded: m until the list is no longer partial.
  while (/Instances \(\d+\+\)/.test(screen())) {
    const before = screen().match(/Instances \((\d+)/)?.[1];
    child.write('m');
    await until(() => screen().match(/Instances \((\d+)/)?.[1] !== before);
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
  return { firstRows, latencies, rssFirstPage, rssAll, rssIdle, total };
}

function awsFirstPage(env, endpoint) {
  const started = performance.now();
  const result = spawnSync(
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
    { env, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return performance.now() - started;
}

const lab = await startMoto(cli);
try {
  process.stderr.write(`seeding ${COUNT} instances in ${REGION}...\n`);
  await seed(lab.moto.endpoint);
  const env = {
    ...process.env,
    AWS_CONFIG_FILE: lab.moto.awsConfigFile,
    AWS_SHARED_CREDENTIALS_FILE: lab.moto.awsCredentialsFile,
    OPSDECK_CONFIG: lab.moto.opsdeckConfigFile,
    OPSDECK_STATE_DIR: `${lab.dir}/state`,
    AWS_ENDPOINT_URL: lab.moto.endpoint,
    TERM: 'xterm-256color',
  };
  delete env.CI;
  delete env.AWS_PROFILE;
  const run = await runConsole(env);
  const hasAws = spawnSync('aws', ['--version']).status === 0;
  const aws = hasAws ? awsFirstPage(env, lab.moto.endpoint) : undefined;
  const fmt = (value, unit) =>
    value === undefined
      ? '-'.padStart(9)
      : `${value.toFixed(0).padStart(6)} ${unit.padEnd(2)}`;
  const row = (label, value, peer, unit) =>
    console.log(
      `${label.padEnd(36)} ${fmt(value, unit)} ${fmt(peer, unit)} ${peer === undefined ? '' : `${(value / peer).toFixed(2)}x`.padStart(7)}`,
    );
  console.log(
    `instances pane, ${run.total} instances in moto, 120x40 (node ${process.version})`,
  );
  console.log(
    `${''.padEnd(36)} ${'opsdeck'.padStart(9)} ${(hasAws ? 'aws cli' : 'aws: n/a').padStart(9)} ${'ratio'.padStart(7)}`,
  );
  row('first 200 rows on screen / printed', run.firstRows, aws, 'ms');
  row(
    `key press to frame, p50 (${PRESSES} presses)`,
    percentile(run.latencies, 50),
    undefined,
    'ms',
  );
  row(
    'key press to frame, p95',
    percentile(run.latencies, 95),
    undefined,
    'ms',
  );
  row('RSS with the first page', run.rssFirstPage, undefined, 'MB');
  row(`RSS with all ${run.total} loaded`, run.rssAll, undefined, 'MB');
  row('RSS with all loaded, 10 s later', run.rssIdle, undefined, 'MB');
  console.log(
    'targets: first rows as soon as the first page arrives, p95 under 50 ms, RSS under 200 MB',
  );
} finally {
  await lab.stop();
}
