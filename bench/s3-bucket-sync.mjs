#!/usr/bin/env node
// Bucket-to-bucket sync against one moto server, on loopback and through a
// 20 ms round trip (bench/latency-proxy.mjs): a first copy into an empty
// bucket and a no-change re-sync, for opsdeck (the built CLI), aws s3 sync
// s3://a s3://b and rclone sync (both copy server-side). Each copy is checked
// for completeness, and moto's request log counts the GETs of object bodies
// on the source (server-side copy means 0). RUNS rounds, medians shown.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLatencyProxy } from './latency-proxy.mjs';
import { startMoto } from './lab-moto.mjs';
import {
  availablePeers,
  labCredentials,
  syncTools,
  timedRun,
} from './s3-bench-tools.mjs';

const SMALL = Number(process.env.SMALL ?? 2000);
const BIG = Number(process.env.BIG ?? 2);
const BIG_MIB = Number(process.env.BIG_MIB ?? 24);
const RUNS = Number(process.env.RUNS ?? 3);
const root = new URL('..', import.meta.url).pathname;
const cli = process.env.OPSDECK_CLI ?? join(root, 'dist/opsdeck.js');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
/** GETs of object bodies in `bucket` in moto's log since byte `from` (?tagging and friends are not bodies). */
function bodyGets(logFile, bucket, from) {
  const text = readFileSync(logFile, 'utf8').slice(from);
  let count = 0;
  for (const match of text.matchAll(/"GET (\S+) HTTP/g)) {
    const [path, query = ''] = match[1].split('?');
    const segments = path.split('/').filter(Boolean);
    if (segments[0] !== bucket || segments.length < 2) continue;
    if (/(^|&)(tagging|acl|attributes|uploadId)(=|&|$)/.test(query)) continue;
    count++;
  }
  return count;
}

const peers = availablePeers();
// Within one remote rclone copies server-side; the flag keeps it so across configs.
const tools = (endpoint, tag) =>
  syncTools({
    lab,
    cli,
    work,
    endpoint,
    tag,
    peers: { ...peers, s3cmd: false },
    rcloneFlags: ['--server-side-across-configs'],
  });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'opsdeck-bench-b2b-'));
const lab = await startMoto(cli);
const logFile = join(lab.dir, 'moto.log');
const proxy = await startLatencyProxy({
  targetPort: Number(new URL(lab.moto.endpoint).port),
  roundTripMs: 20,
});
try {
  const {
    S3Client,
    CreateBucketCommand,
    PutObjectCommand,
    ListObjectsV2Command,
  } = await import('@aws-sdk/client-s3');
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: lab.moto.endpoint,
    forcePathStyle: true,
    credentials: labCredentials,
  });
  const count = async (bucket) => {
    let objects = 0;
    let bytes = 0;
    let token;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        objects++;
        bytes += object.Size ?? 0;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return { objects, bytes };
  };
  const source = `b2b-src-${Date.now().toString(36)}`;
  await s3.send(new CreateBucketCommand({ Bucket: source }));
  for (let start = 0; start < SMALL; start += 1000) {
    const objects = {};
    for (let index = start; index < Math.min(SMALL, start + 1000); index++)
      objects[
        `d${String(index % 20).padStart(2, '0')}/f${String(index).padStart(5, '0')}.txt`
      ] = `object ${index} `.repeat(256);
    const response = await fetch(`${lab.moto.endpoint}/_lab/s3/objects`, {
      method: 'POST',
      body: JSON.stringify({ bucket: source, objects }),
    });
    if (!response.ok) throw new Error(await response.text());
  }
  for (let index = 0; index < BIG; index++)
    await s3.send(
      new PutObjectCommand({
        Bucket: source,
        Key: `big/big-${index}.bin`,
        Body: Buffer.alloc(BIG_MIB * 1024 * 1024, index + 1),
      }),
    );
  const expected = await count(source);

  const links = [
    ['loopback', lab.moto.endpoint],
    ['20 ms round trip', proxy.url],
  ];
  const results = {};
  const failed = new Set();
  const loads = [loadavg()[0]];
  let serial = 0;
  for (let round = 0; round < RUNS; round++) {
    for (const [link, endpoint] of links)
      for (const tool of tools(
        endpoint,
        link === 'loopback' ? 'loop' : 'rtt',
      )) {
        const name = `${link}|${tool.name}`;
        if (failed.has(name)) continue;
        const target = `b2b-dst-${serial++}-${Date.now().toString(36)}`;
        await s3.send(new CreateBucketCommand({ Bucket: target }));
        const timed = () =>
          timedRun(...tool.sync(`s3://${source}`, `s3://${target}`), tool.env);
        try {
          process.stderr.write(
            `round ${round + 1}/${RUNS} ${link} ${tool.name}...\n`,
          );
          const mark = statSync(logFile).size;
          const first = await timed();
          const again = await timed();
          // moto writes its log as it answers; let the last lines land.
          await new Promise((resolve) => setTimeout(resolve, 200));
          const gets = bodyGets(logFile, source, mark);
          const got = await count(target);
          const entry = (results[name] ??= {
            first: [],
            again: [],
            complete: true,
            gets: 0,
          });
          entry.first.push(first);
          entry.again.push(again);
          entry.complete &&=
            got.objects === expected.objects && got.bytes === expected.bytes;
          entry.gets = Math.max(entry.gets, gets);
        } catch (error) {
          process.stderr.write(
            `${name} failed: ${error.message.slice(0, 400)}\n`,
          );
          if (tool.name === 'opsdeck') throw error;
          failed.add(name);
          delete results[name];
        }
      }
    loads.push(loadavg()[0]);
  }
  s3.destroy();

  console.log(
    `S3 bucket-to-bucket sync, ${SMALL} x 4 KiB + ${BIG} x ${BIG_MIB} MiB against moto (node ${process.version}), median of ${RUNS} rounds`,
  );
  console.log(
    `load average (1 min) at the start and after each round: ${loads.map((load) => load.toFixed(1)).join(', ')} on ${availableParallelism()} CPUs`,
  );
  for (const [link] of links) {
    const names = Object.keys(results)
      .filter((name) => name.startsWith(`${link}|`))
      .map((name) => name.split('|')[1]);
    console.log(`\n${link}`);
    console.log(
      `${''.padEnd(24)}${names.map((name) => name.padStart(10)).join('')}  opsdeck/best peer`,
    );
    for (const [phase, label] of [
      ['first', 'first copy'],
      ['again', 'no-change re-sync'],
    ]) {
      const time = (name) => median(results[`${link}|${name}`][phase]);
      const peers = names.filter((name) => name !== 'opsdeck').map(time);
      const best = peers.length > 0 ? Math.min(...peers) : undefined;
      console.log(
        `${label.padEnd(24)}${names.map((name) => `${(time(name) / 1000).toFixed(2)} s`.padStart(10)).join('')}  ${best === undefined ? '-' : `${(time('opsdeck') / best).toFixed(2)}x`}`,
      );
    }
    console.log(
      `${'complete'.padEnd(24)}${names.map((name) => String(results[`${link}|${name}`].complete).padStart(10)).join('')}`,
    );
    console.log(
      `${'GETs of source bodies'.padEnd(24)}${names.map((name) => String(results[`${link}|${name}`].gets).padStart(10)).join('')}`,
    );
  }
  console.log(
    '\ntargets: <= 0.8x the best peer on both links; 0 GETs of source bodies',
  );
} finally {
  await proxy.close();
  await lab.stop();
  rmSync(work, { recursive: true, force: true });
}
