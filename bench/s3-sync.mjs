#!/usr/bin/env node
// S3 sync against one moto server, on loopback and through a 20 ms round
// trip (bench/latency-proxy.mjs): first upload, no-change re-sync, re-sync
// after touching 10% of the files, and a full download, for opsdeck (the
// built CLI) and the peers of bench/s3-bench-tools.mjs. Every run is checked
// for completeness: the bucket after the first upload (keys and bytes) and
// the downloaded tree (names, sizes and contents). Requests are counted by
// type from moto's request log. RUNS rounds go through the links and tools
// in turn; the tables show medians and opsdeck's ratio to the best peer.
// Last, the planner's memory for a synthetic 1,000,000-key listing.
// A quick run: SMALL=300 BIG=1 RUNS=1 npm run bench:s3
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { motoCpuReader, startMoto } from './lab-moto.mjs';
import { startLatencyProxy } from './latency-proxy.mjs';
import {
  bucketSummary,
  makeDataset,
  requestsSince,
  touchTenPercent,
  treeSummary,
} from './s3-bench-data.mjs';
import {
  availablePeers,
  labCredentials,
  syncTools,
  timedRun,
} from './s3-bench-tools.mjs';

const SMALL = Number(process.env.SMALL ?? 2000);
const BIG = Number(process.env.BIG ?? 4);
const BIG_MIB = Number(process.env.BIG_MIB ?? 32);
const RUNS = Number(process.env.RUNS ?? 3);
const RTT_MS = Number(process.env.RTT_MS ?? 20);
const root = new URL('..', import.meta.url).pathname;
const cli = process.env.OPSDECK_CLI ?? join(root, 'dist/opsdeck.js');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const PHASES = [
  ['first', 'first upload sync', 0.8],
  ['again', 'no-change re-sync', 0.5],
  ['touched', 're-sync after touching 10%', undefined],
  ['download', 'full download', 0.9],
];

const same = (a, b) => a.files === b.files && a.bytes === b.bytes;

/** One tool's four phases on one link; throws when a run is incomplete. */
async function runTool({ tool, s3, bucket, work, logFile, serverCpu }) {
  const data = join(work, 'data');
  const down = join(work, 'down');
  makeDataset(data, { small: SMALL, big: BIG, bigMib: BIG_MIB });
  const target = `s3://${bucket}/set`;
  const server = {};
  const timed = async (phase, src, dst) => {
    const before = serverCpu();
    const ms = await timedRun(...tool.sync(src, dst), tool.env);
    const after = serverCpu();
    if (before !== undefined && after !== undefined)
      server[phase] = after - before;
    return ms;
  };
  try {
    const first = await timed('first', data, target);
    const uploaded = await bucketSummary(s3, bucket, 'set/');
    const expected = treeSummary(data);
    if (!same(uploaded, expected))
      throw new Error(
        `first upload incomplete: ${uploaded.files} keys, ${uploaded.bytes} bytes of ${expected.files}, ${expected.bytes}`,
      );
    const mark = statSync(logFile).size;
    const again = await timed('again', data, target);
    const requests = requestsSince(logFile, mark);
    touchTenPercent(data, SMALL, 1);
    const touched = await timed('touched', data, target);
    const source = treeSummary(data);
    const download = await timed('download', target, down);
    const got = treeSummary(down);
    if (!same(got, source) || got.digest !== source.digest)
      throw new Error(
        `download incomplete or different: ${got.files} files, ${got.bytes} bytes of ${source.files}, ${source.bytes}`,
      );
    return { times: { first, again, touched, download }, server, requests };
  } finally {
    rmSync(data, { recursive: true, force: true });
    rmSync(down, { recursive: true, force: true });
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};

function printTable(label, results) {
  const names = Object.keys(results);
  console.log(`\n${label}`);
  console.log(
    `${''.padEnd(28)}${names.map((name) => name.padStart(10)).join('')}  opsdeck/best peer (target)`,
  );
  for (const [phase, title, target] of PHASES) {
    const value = (name) => median(results[name].times[phase]);
    const peers = names.filter((name) => name !== 'opsdeck').map(value);
    const best = peers.length > 0 ? Math.min(...peers) : undefined;
    const ratio =
      best === undefined || !results.opsdeck
        ? '-'
        : `${(value('opsdeck') / best).toFixed(2)}x`;
    console.log(
      `${title.padEnd(28)}${names.map((name) => `${(value(name) / 1000).toFixed(2)} s`.padStart(10)).join('')}  ${ratio}${target === undefined ? '' : ` (<= ${target}x)`}`,
    );
  }
  printServerCpu(names, results);
  console.log(
    `${'runs verified complete'.padEnd(28)}${names.map((name) => `${results[name].times.first.length}/${RUNS}`.padStart(10)).join('')}`,
  );
  console.log('requests in the no-change re-sync:');
  for (const name of names)
    console.log(
      `  ${name.padEnd(8)} ${JSON.stringify(results[name].requests)}`,
    );
  const ours = results.opsdeck?.requests ?? {};
  console.log(
    `  opsdeck: ${ours.ListObjectsV2 ?? 0} list calls for ${SMALL + BIG} keys (target ${Math.ceil((SMALL + BIG) / 1000)}), ${ours.HeadObject ?? 0} HEADs`,
  );
}

/**
 * moto's CPU time during each run: it serves on one Python thread, so no
 * tool's run can end sooner. The floor is opsdeck's ratio were opsdeck's
 * own time zero: its run's server CPU over the best peer's wall time.
 */
function printServerCpu(names, results) {
  if (!names.every((name) => results[name].server.first.length > 0)) return;
  console.log(
    `${"moto's CPU during the run".padEnd(28)}${names.map((name) => name.padStart(10)).join('')}  floor for opsdeck`,
  );
  for (const [phase, title] of PHASES) {
    const cpu = (name) => median(results[name].server[phase]);
    const wall = (name) => median(results[name].times[phase]);
    const peers = names.filter((name) => name !== 'opsdeck').map(wall);
    const floor =
      peers.length > 0 && results.opsdeck
        ? `${(cpu('opsdeck') / Math.min(...peers)).toFixed(2)}x`
        : '-';
    console.log(
      `${`  ${title}`.padEnd(28)}${names.map((name) => `${(cpu(name) / 1000).toFixed(2)} s`.padStart(10)).join('')}  ${floor}`,
    );
  }
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
const motoPort = Number(new URL(lab.moto.endpoint).port);
const serverCpu = motoCpuReader(lab.moto.endpoint);
const proxy = await startLatencyProxy({
  targetPort: motoPort,
  roundTripMs: RTT_MS,
});
try {
  const { S3Client, CreateBucketCommand } = await import('@aws-sdk/client-s3');
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: lab.moto.endpoint,
    forcePathStyle: true,
    credentials: labCredentials,
  });
  const peers = availablePeers();
  const links = [
    { tag: 'loopback', label: 'loopback', endpoint: lab.moto.endpoint },
    { tag: 'rtt', label: `${RTT_MS} ms round trip`, endpoint: proxy.url },
  ].map((link) => ({
    ...link,
    tools: syncTools({ lab, cli, work, peers, ...link }),
    results: {},
  }));
  const failed = new Set();
  const loads = [loadavg()[0]];
  for (let round = 0; round < RUNS; round++) {
    for (const link of links)
      for (const [index, tool] of link.tools.entries()) {
        if (failed.has(tool.name)) continue;
        const bucket = `bench-${link.tag}-${index}-${round}-${Date.now().toString(36)}`;
        await s3.send(new CreateBucketCommand({ Bucket: bucket }));
        process.stderr.write(
          `round ${round + 1}/${RUNS}, ${link.label}: ${tool.name}...\n`,
        );
        const toolWork = join(work, `${link.tag}-${index}`);
        try {
          const { times, server, requests } = await runTool({
            tool,
            s3,
            bucket,
            work: toolWork,
            logFile,
            serverCpu,
          });
          const entry = (link.results[tool.name] ??= {
            times: { first: [], again: [], touched: [], download: [] },
            server: { first: [], again: [], touched: [], download: [] },
          });
          for (const [phase, ms] of Object.entries(times))
            entry.times[phase].push(ms);
          for (const [phase, ms] of Object.entries(server))
            entry.server[phase].push(ms);
          entry.requests = requests;
        } catch (error) {
          // A peer that cannot run here is left out of the tables, not the run.
          process.stderr.write(
            `${tool.name} failed: ${error.message.slice(0, 400)}\n`,
          );
          if (tool.name === 'opsdeck') throw error;
          failed.add(tool.name);
          for (const other of links) delete other.results[tool.name];
        }
      }
    loads.push(loadavg()[0]);
  }
  s3.destroy();
  console.log(
    `S3 sync, ${SMALL} x 4 KiB + ${BIG} x ${BIG_MIB} MiB against moto (node ${process.version}), median of ${RUNS} rounds`,
  );
  console.log(
    `load average (1 min) at the start and after each round: ${loads.map((load) => load.toFixed(1)).join(', ')} on ${availableParallelism()} CPUs`,
  );
  for (const link of links) printTable(link.label, link.results);
  const memory = await plannerMemory();
  console.log(
    `\nplanner, synthetic ${memory.items} keys: peak RSS ${memory.peakRssMb.toFixed(0)} MB (target < 300 MB)`,
  );
  if (process.env.BENCH_JSON)
    writeFileSync(
      process.env.BENCH_JSON,
      JSON.stringify(
        Object.fromEntries(links.map((link) => [link.tag, link.results])),
      ),
    );
} finally {
  await proxy.close();
  await lab.stop();
  rmSync(work, { recursive: true, force: true });
}
