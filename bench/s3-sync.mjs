#!/usr/bin/env node
// S3 sync against one moto server: first upload, no-change re-sync, re-sync
// after touching 10% of the files, and a full download, for opsdeck (the
// built CLI), aws s3 sync, rclone sync and s3cmd sync (Debian packages,
// installed when missing and possible). Each result is checked for
// completeness. Requests are counted by type from moto's request log.
// Every file has its own bytes: s3cmd copies files with equal MD5s locally
// instead of downloading them, which would flatter it on repeated contents.
// RUNS rounds go through the tools in turn; the table shows medians.
// Last, the planner's memory for a synthetic 1,000,000-key listing.
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { startMoto } from './lab-moto.mjs';

const SMALL = Number(process.env.SMALL ?? 2000);
const BIG = Number(process.env.BIG ?? 4);
const BIG_MIB = Number(process.env.BIG_MIB ?? 32);
const RUNS = Number(process.env.RUNS ?? 3);
const root = new URL('..', import.meta.url).pathname;
const cli = process.env.OPSDECK_CLI ?? join(root, 'dist/opsdeck.js');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const KEY = 'AKIALABOPSDECK000001';
const SECRET = 'lab-not-a-secret';

const has = (command, args = ['--version']) =>
  spawnSync(command, args, { stdio: 'ignore' }).status === 0;
function ensureDebianPackage(command, pkg) {
  if (has(command)) return true;
  if (process.getuid?.() !== 0) return false;
  process.stderr.write(`installing ${pkg}...\n`);
  spawnSync('apt-get', ['install', '-y', '-q', pkg], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return has(command);
}

function makeDataset(dir) {
  mkdirSync(dir, { recursive: true });
  for (let index = 0; index < SMALL; index++) {
    const sub = join(dir, `d${String(index % 20).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(
      join(sub, `f${String(index).padStart(5, '0')}.txt`),
      smallContent(index, 0),
    );
  }
  const big = Buffer.alloc(BIG_MIB * 1024 * 1024);
  for (let index = 0; index < BIG; index++) {
    big.fill(index + 1);
    writeFileSync(join(dir, `big-${index}.bin`), big);
  }
}

/** 4 KiB that no other file of the set has. */
function smallContent(index, round) {
  const buffer = Buffer.alloc(4096, (index + round * 7) % 251);
  buffer.write(`file ${index} round ${round}\n`);
  return buffer;
}

/** Rewrites 10% of the small files with other bytes of the same size and a newer mtime. */
function touchTenPercent(dir, round) {
  const later = Date.now() / 1000 + 120 * round;
  for (let index = 0; index < SMALL; index += 10) {
    const path = join(
      dir,
      `d${String(index % 20).padStart(2, '0')}`,
      `f${String(index).padStart(5, '0')}.txt`,
    );
    writeFileSync(path, smallContent(index, round));
    utimesSync(path, later, later);
  }
}

function walk(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const inner = walk(join(dir, entry.name));
      files += inner.files;
      bytes += inner.bytes;
    } else if (!entry.name.startsWith('.')) {
      files++;
      bytes += statSync(join(dir, entry.name)).size;
    }
  }
  return { files, bytes };
}

/** Requests in moto's log since `from` (byte offset), by type. */
function requestsSince(logFile, from) {
  const text = readFileSync(logFile, 'utf8').slice(from);
  const counts = {};
  for (const match of text.matchAll(
    /"(GET|PUT|POST|HEAD|DELETE) (\S+) HTTP/g,
  )) {
    const [, method, url] = match;
    const [path, query = ''] = url.split('?');
    const isKey = path.split('/').filter(Boolean).length > 1;
    const type =
      method === 'GET' && !isKey
        ? query.includes('list-type=2')
          ? 'ListObjectsV2'
          : query.includes('uploads')
            ? 'ListMultipartUploads'
            : 'ListObjects'
        : method === 'GET'
          ? 'GetObject'
          : method === 'HEAD'
            ? isKey
              ? 'HeadObject'
              : 'HeadBucket'
            : method === 'PUT'
              ? query.includes('partNumber')
                ? 'UploadPart'
                : isKey
                  ? 'PutObject'
                  : 'CreateBucket'
              : method === 'POST'
                ? query.includes('delete')
                  ? 'DeleteObjects'
                  : query.includes('uploads')
                    ? 'CreateMultipartUpload'
                    : query.includes('uploadId')
                      ? 'CompleteMultipartUpload'
                      : 'Post'
                : 'DeleteObject';
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

function run(command, args, env) {
  const started = performance.now();
  const result = spawnSync(command, args, {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-800)}`,
    );
  return ms;
}

function tools(lab, work) {
  const endpoint = lab.moto.endpoint;
  const awsEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: KEY,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CA_BUNDLE: '',
  };
  delete awsEnv.AWS_PROFILE;
  // Tools that talk to plain-HTTP loopback must not see the machine's CA bundle.
  const plainEnv = { ...process.env };
  delete plainEnv.AWS_CA_BUNDLE;
  const list = [
    {
      name: 'opsdeck',
      env: {
        ...process.env,
        AWS_CONFIG_FILE: lab.moto.awsConfigFile,
        AWS_SHARED_CREDENTIALS_FILE: lab.moto.awsCredentialsFile,
        OPSDECK_CONFIG: lab.moto.opsdeckConfigFile,
        OPSDECK_STATE_DIR: join(work, 'state'),
      },
      sync: (src, dst) => [
        process.execPath,
        [
          cli,
          '--profile',
          'lab',
          '--endpoint-url',
          endpoint,
          's3',
          'sync',
          src,
          dst,
        ],
      ],
    },
  ];
  if (has('aws'))
    list.push({
      name: 'aws s3',
      env: awsEnv,
      sync: (src, dst) => [
        'aws',
        [
          '--endpoint-url',
          endpoint,
          's3',
          'sync',
          '--only-show-errors',
          src,
          dst,
        ],
      ],
    });
  if (ensureDebianPackage('rclone', 'rclone')) {
    const config = join(work, 'rclone.conf');
    writeFileSync(
      config,
      `[moto]\ntype = s3\nprovider = Other\naccess_key_id = ${KEY}\nsecret_access_key = ${SECRET}\nendpoint = ${endpoint}\nregion = us-east-1\nforce_path_style = true\n`,
    );
    const remote = (path) => path.replace(/^s3:\/\//, 'moto:');
    list.push({
      name: 'rclone',
      env: plainEnv,
      sync: (src, dst) => [
        'rclone',
        [
          '--config',
          config,
          'sync',
          '--transfers',
          '16',
          '--checkers',
          '16',
          remote(src),
          remote(dst),
        ],
      ],
    });
  }
  if (ensureDebianPackage('s3cmd', 's3cmd')) {
    const host = endpoint.replace(/^https?:\/\//, '');
    const args = [
      '--access_key',
      KEY,
      '--secret_key',
      SECRET,
      '--host',
      host,
      '--host-bucket',
      host,
      '--no-ssl',
      '--region',
      'us-east-1',
      '--no-check-certificate',
    ];
    list.push({
      name: 's3cmd',
      env: { ...plainEnv, HOME: work },
      sync: (src, dst) => [
        's3cmd',
        [
          ...args,
          'sync',
          '--quiet',
          src.endsWith('/') || src.startsWith('s3://') ? src : `${src}/`,
          dst.startsWith('s3://') && !dst.endsWith('/') ? `${dst}/` : dst,
        ],
      ],
    });
  }
  return list;
}

async function plannerMemory() {
  const out = join(tmpdir(), `opsdeck-planner-${process.pid}.mjs`);
  await build({
    stdin: {
      contents: `
        import { planSync } from './source/s3sync/plan/planner.js';
        const count = 1_000_000;
        const name = (i) => 'logs/' + String(i).padStart(8, '0');
        async function* locals() { for (let i = 0; i < count; i++) yield { rel: name(i), path: '/x/' + name(i), size: 10, mtimeMs: 0 }; }
        async function* remotes() { for (let i = 0; i < count; i++) yield { rel: name(i), key: name(i), size: 10, modifiedMs: 0, etag: undefined, storageClass: undefined }; }
        let peak = 0, items = 0;
        for await (const item of planSync({ local: locals(), remote: remotes(), root: '/x', filter: () => true, direction: 'up', mode: 'default', delete: true })) {
          if (++items % 50000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
        }
        console.log(JSON.stringify({ items, peakRssMb: peak / 1048576 }));
      `,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'silent',
  });
  const result = spawnSync(process.execPath, [out], { encoding: 'utf8' });
  rmSync(out, { force: true });
  return JSON.parse(result.stdout);
}

const work = mkdtempSync(join(tmpdir(), 'opsdeck-bench-s3-'));
const lab = await startMoto(cli);
const logFile = join(lab.dir, 'moto.log');
try {
  const { S3Client, CreateBucketCommand } = await import('@aws-sdk/client-s3');
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: lab.moto.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: KEY, secretAccessKey: SECRET },
  });
  const list = tools(lab, work);
  /** Per tool: each phase's times over the rounds, and the last round's facts. */
  const results = {};
  const failed = new Set();
  const loads = [loadavg()[0]];
  let opsdeckRequests = {};
  for (let round = 0; round < RUNS; round++) {
    for (const [index, tool] of list.entries()) {
      if (failed.has(tool.name)) continue;
      const bucket = `bench-${index}-${round}-${Date.now().toString(36)}`;
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      const data = join(work, `data-${index}`);
      makeDataset(data);
      const expected = walk(data);
      const target = `s3://${bucket}/set`;
      const timed = (src, dst) => {
        const [command, args] = tool.sync(src, dst);
        return run(command, args, tool.env);
      };
      try {
        process.stderr.write(
          `round ${round + 1}/${RUNS} ${tool.name}: first sync...\n`,
        );
        const first = timed(data, target);
        const mark = statSync(logFile).size;
        const again = timed(data, target);
        const noChangeRequests = requestsSince(logFile, mark);
        touchTenPercent(data, 1);
        const touched = timed(data, target);
        const down = join(work, `down-${index}`);
        const download = timed(target, down);
        const got = walk(down);
        const complete =
          got.files === expected.files && got.bytes === expected.bytes;
        const entry = (results[tool.name] ??= {
          first: [],
          again: [],
          touched: [],
          download: [],
          complete: true,
        });
        entry.first.push(first);
        entry.again.push(again);
        entry.touched.push(touched);
        entry.download.push(download);
        entry.complete &&= complete;
        entry.noChangeRequests = noChangeRequests;
        if (tool.name === 'opsdeck') opsdeckRequests = noChangeRequests;
        rmSync(down, { recursive: true, force: true });
      } catch (error) {
        // A peer that cannot run here is left out of the table, not the run.
        process.stderr.write(
          `${tool.name} failed: ${error.message.slice(0, 400)}\n`,
        );
        if (tool.name === 'opsdeck') throw error;
        failed.add(tool.name);
        delete results[tool.name];
      }
      rmSync(data, { recursive: true, force: true });
    }
    loads.push(loadavg()[0]);
  }
  s3.destroy();
  const names = Object.keys(results);
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2
      ? sorted[middle]
      : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  for (const name of names)
    for (const phase of ['first', 'again', 'touched', 'download'])
      results[name][phase] = median(results[name][phase]);
  const phases = [
    ['first', 'first upload sync'],
    ['again', 'no-change re-sync'],
    ['touched', 're-sync after touching 10%'],
    ['download', 'full download'],
  ];
  console.log(
    `S3 sync, ${SMALL} x 4 KiB + ${BIG} x ${BIG_MIB} MiB against moto (node ${process.version}), median of ${RUNS} rounds`,
  );
  console.log(
    `load average (1 min) at the start and after each round: ${loads.map((load) => load.toFixed(1)).join(', ')} on ${availableParallelism()} CPUs`,
  );
  console.log(
    `${''.padEnd(28)}${names.map((name) => name.padStart(10)).join('')}  opsdeck/best peer`,
  );
  for (const [phase, label] of phases) {
    const peers = names
      .filter((name) => name !== 'opsdeck')
      .map((name) => results[name][phase]);
    const best = peers.length > 0 ? Math.min(...peers) : undefined;
    console.log(
      `${label.padEnd(28)}${names.map((name) => `${(results[name][phase] / 1000).toFixed(2)} s`.padStart(10)).join('')}  ${best === undefined ? '-' : `${(results.opsdeck[phase] / best).toFixed(2)}x`}`,
    );
  }
  console.log(
    `${'download complete'.padEnd(28)}${names.map((name) => String(results[name].complete).padStart(10)).join('')}`,
  );
  console.log(`requests per tool in the no-change re-sync:`);
  for (const name of names)
    console.log(
      `  ${name.padEnd(8)} ${JSON.stringify(results[name].noChangeRequests)}`,
    );
  console.log(
    `opsdeck no-change re-sync: ${opsdeckRequests.ListObjectsV2 ?? 0} list calls for ${SMALL + BIG} keys (target ${Math.ceil((SMALL + BIG) / 1000)}), ${opsdeckRequests.HeadObject ?? 0} HEADs`,
  );
  const memory = await plannerMemory();
  console.log(
    `planner, synthetic ${memory.items} keys: peak RSS ${memory.peakRssMb.toFixed(0)} MB (target < 300 MB)`,
  );
  console.log(
    'targets: first sync <= 0.8x best peer, no-change re-sync <= 0.5x with one list call per 1,000 keys and no HEADs',
  );
} finally {
  await lab.stop();
  rmSync(work, { recursive: true, force: true });
}
