// The data set of the S3 sync benchmark, the checks that a run is complete,
// and moto's request log read back by request type.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const name = (index) =>
  join(
    `d${String(index % 20).padStart(2, '0')}`,
    `f${String(index).padStart(5, '0')}.txt`,
  );

/** `small` files of 4 KiB in 20 directories and `big` files of `bigMib` MiB. */
export function makeDataset(dir, { small, big, bigMib }) {
  mkdirSync(dir, { recursive: true });
  for (let index = 0; index < small; index++) {
    const path = join(dir, name(index));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, smallContent(index, 0));
  }
  const buffer = Buffer.alloc(bigMib * 1024 * 1024);
  for (let index = 0; index < big; index++) {
    buffer.fill(index + 1);
    // A marker every MiB, so a part written at the wrong offset is caught.
    for (let mib = 0; mib < bigMib; mib++)
      buffer.write(`big ${index} MiB ${mib}\n`, mib * 1024 * 1024);
    writeFileSync(join(dir, `big-${index}.bin`), buffer);
  }
}

/**
 * 4 KiB that no other file of the set has: s3cmd copies files with equal
 * MD5s locally instead of downloading them, which would flatter it.
 */
function smallContent(index, round) {
  const buffer = Buffer.alloc(4096, (index + round * 7) % 251);
  buffer.write(`file ${index} round ${round}\n`);
  return buffer;
}

/** Rewrites 10% of the small files with other bytes of the same size and a newer mtime. */
export function touchTenPercent(dir, small, round) {
  const later = Date.now() / 1000 + 120 * round;
  for (let index = 0; index < small; index += 10) {
    const path = join(dir, name(index));
    writeFileSync(path, smallContent(index, round));
    utimesSync(path, later, later);
  }
}

/** Files (hidden ones left out), their bytes and one digest over names and contents. */
export function treeSummary(dir) {
  const hash = createHash('sha256');
  let files = 0;
  let bytes = 0;
  const visit = (at, rel) => {
    const entries = readdirSync(at, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) visit(path, `${rel}${entry.name}/`);
      else if (!entry.name.startsWith('.')) {
        files++;
        bytes += statSync(path).size;
        hash.update(`${rel}${entry.name}\0`).update(readFileSync(path));
      }
    }
  };
  visit(dir, '');
  return { files, bytes, digest: hash.digest('hex') };
}

/** Keys and bytes under `prefix`, listed with the SDK. */
export async function bucketSummary(s3, bucket, prefix) {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  let files = 0;
  let bytes = 0;
  let token;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ContinuationToken: token,
      }),
    );
    for (const object of page.Contents ?? []) {
      files++;
      bytes += object.Size ?? 0;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return { files, bytes };
}

/** Requests in moto's log since `from` (byte offset), by type. */
export function requestsSince(logFile, from) {
  const text = readFileSync(logFile, 'utf8').slice(from);
  const counts = {};
  for (const match of text.matchAll(
    /"(GET|PUT|POST|HEAD|DELETE) (\S+) HTTP/g,
  )) {
    const type = requestType(match[1], match[2]);
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

function requestType(method, url) {
  const [path, query = ''] = url.split('?');
  const isKey = path.split('/').filter(Boolean).length > 1;
  if (method === 'GET' && !isKey)
    return query.includes('list-type=2')
      ? 'ListObjectsV2'
      : query.includes('uploads')
        ? 'ListMultipartUploads'
        : 'ListObjects';
  if (method === 'GET') return 'GetObject';
  if (method === 'HEAD') return isKey ? 'HeadObject' : 'HeadBucket';
  if (method === 'PUT')
    return query.includes('partNumber')
      ? 'UploadPart'
      : isKey
        ? 'PutObject'
        : 'CreateBucket';
  if (method === 'POST')
    return query.includes('delete')
      ? 'DeleteObjects'
      : query.includes('uploads')
        ? 'CreateMultipartUpload'
        : query.includes('uploadId')
          ? 'CompleteMultipartUpload'
          : 'Post';
  return 'DeleteObject';
}
