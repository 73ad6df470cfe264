#!/usr/bin/env node
// Start-up benchmark: time to the first frame and to the caller identity, and
// memory after start, for opsdeck against the lab's moto; beside it the AWS
// CLI's `aws sts get-caller-identity` against the same moto (the peer's time to
// its first useful answer). Medians of RUNS runs; ratios are opsdeck / peer.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pty from 'node-pty';
import xterm from '@xterm/headless';
import { startMoto } from './lab-moto.mjs';

const RUNS = Number(process.env.RUNS ?? 10);
const cli =
  process.env.OPSDECK_CLI ??
  new URL('../dist/opsdeck.js', import.meta.url).pathname;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** One opsdeck start in a pseudo-terminal at 80x24. */
function runOpsdeck(env) {
  return new Promise((resolve, reject) => {
    const terminal = new xterm.Terminal({
      cols: 80,
      rows: 24,
      allowProposedApi: true,
    });
    const started = performance.now();
    // The binary itself, as users run it (its shebang sets the V8 flags).
    const child = pty.spawn(cli, ['--profile', 'lab'], {
      cols: 80,
      rows: 24,
      env,
      name: 'xterm-256color',
    });
    let firstFrame;
    let identity;
    const screen = () => {
      const buffer = terminal.buffer.active;
      return Array.from(
        { length: 24 },
        (_, row) => buffer.getLine(row)?.translateToString(true) ?? '',
      ).join('\n');
    };
    const timeout = setTimeout(
      () => reject(new Error(`no identity on screen after 20 s:\n${screen()}`)),
      20_000,
    );
    child.onData((data) => {
      terminal.write(data, () => {
        const text = screen();
        const now = performance.now();
        if (firstFrame === undefined && text.includes('opsdeck │'))
          firstFrame = now - started;
        if (identity === undefined && text.includes('123456789012')) {
          identity = now - started;
          // Let the first list settle, then read memory as a user would find it.
          setTimeout(() => {
            const rss = rssMb(child.pid);
            clearTimeout(timeout);
            child.onExit(() => resolve({ firstFrame, identity, rss }));
            child.write('q');
          }, 500);
        }
      });
    });
  });
}

/** Every subcommand a script can call, and the console itself (no subcommand). */
const HELP_COMMANDS = [
  [],
  ['whoami'],
  ['s3'],
  ['s3', 'sync'],
  ['sg'],
  ['ec2', 'snapshot-all'],
  ['ses', 'smtp-credentials'],
  ['eip', 'guard'],
  ['ebs-copy'],
  ['reset-root'],
  ['lab'],
];

/** Wall time of `opsdeck <command> --help` until the process has exited. */
function timeHelp(command, env) {
  const started = performance.now();
  const result = spawnSync(cli, [...command, '--help'], {
    env,
    encoding: 'utf8',
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0 || !result.stdout.includes('Usage:'))
    throw new Error(
      `opsdeck ${command.join(' ')} --help failed: ${result.stderr}`,
    );
  return elapsed;
}

/** The peer: aws sts get-caller-identity, with its peak memory. */
function runAwsCli(env, endpoint) {
  const started = performance.now();
  const result = spawnSync(
    'python3',
    [
      '-c',
      'import resource,subprocess,sys; r=subprocess.run(sys.argv[1:], capture_output=True); print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)',
      'aws',
      'sts',
      'get-caller-identity',
      '--profile',
      'lab',
      '--endpoint-url',
      endpoint,
      '--output',
      'text',
    ],
    { env, encoding: 'utf8' },
  );
  const elapsed = performance.now() - started;
  const [code, maxRssKb] = result.stdout.trim().split(' ').map(Number);
  if (code !== 0) throw new Error(`aws cli failed: ${result.stderr}`);
  return { identity: elapsed, rss: maxRssKb / 1024 };
}

const lab = await startMoto(cli);
try {
  const env = {
    ...process.env,
    AWS_CONFIG_FILE: lab.moto.awsConfigFile,
    AWS_SHARED_CREDENTIALS_FILE: lab.moto.awsCredentialsFile,
    OPSDECK_CONFIG: lab.moto.opsdeckConfigFile,
    OPSDECK_STATE_DIR: `${lab.dir}/state`,
    TERM: 'xterm-256color',
  };
  delete env.CI;
  delete env.AWS_PROFILE;
  env.AWS_ENDPOINT_URL = lab.moto.endpoint;

  const opsdeck = [];
  for (let run = 0; run < RUNS; run++) opsdeck.push(await runOpsdeck(env));
  const aws = [];
  const hasAws = spawnSync('aws', ['--version']).status === 0;
  if (hasAws)
    for (let run = 0; run < RUNS; run++)
      aws.push(runAwsCli(env, lab.moto.endpoint));

  const row = (label, value, peer, unit) => {
    const ratio = peer === undefined ? '' : `${(value / peer).toFixed(2)}x`;
    console.log(
      `${label.padEnd(34)} ${value.toFixed(0).padStart(7)} ${unit.padEnd(3)} ${peer === undefined ? '      -' : peer.toFixed(0).padStart(7)} ${unit.padEnd(3)} ${ratio.padStart(7)}`,
    );
  };
  console.log(
    `opsdeck start-up at 80x24 against moto, median of ${RUNS} runs (node ${process.version})`,
  );
  console.log(
    `${''.padEnd(34)} ${'opsdeck'.padStart(11)} ${(hasAws ? 'aws cli' : 'aws: n/a').padStart(11)} ${'ratio'.padStart(7)}`,
  );
  row(
    'first frame',
    median(opsdeck.map((run) => run.firstFrame)),
    undefined,
    'ms',
  );
  row(
    'caller identity on screen/stdout',
    median(opsdeck.map((run) => run.identity)),
    hasAws ? median(aws.map((run) => run.identity)) : undefined,
    'ms',
  );
  row(
    'memory after start (RSS / max RSS)',
    median(opsdeck.map((run) => run.rss)),
    hasAws ? median(aws.map((run) => run.rss)) : undefined,
    'MB',
  );
  console.log('targets: first frame under 400 ms, under 120 MB RSS');
  console.log('');
  console.log(`time to exit for --help, median of ${RUNS} runs`);
  for (const command of HELP_COMMANDS) {
    const times = Array.from({ length: RUNS }, () => timeHelp(command, env));
    console.log(
      `${`opsdeck ${[...command, '--help'].join(' ')}`.padEnd(45)} ${median(times).toFixed(0).padStart(5)} ms`,
    );
  }
} finally {
  await lab.stop();
}
