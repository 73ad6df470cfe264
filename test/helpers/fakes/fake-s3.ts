/**
 * An in-memory S3 for component tests: buckets of objects, a flat key space
 * listed with a delimiter the way S3 does, and transfers that record what they
 * were asked and plan from what is in the bucket. `calls` lists every write.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { PendingUpload } from '../../../source/aws/s3/pending-uploads.js';
import type {
  BucketRow,
  ObjectRow,
  S3Service,
} from '../../../source/aws/s3/types.js';
import { UserError } from '../../../source/lib/errors.js';
import type { S3Transfers } from '../../../source/s3sync/transfer/console-transfers.js';
import type { SyncResult } from '../../../source/s3sync/sync-spec.js';
import { fakeBucketCopy } from './fake-bucket-copy.js';

export interface FakeS3 {
  readonly s3: S3Service;
  readonly transfers: S3Transfers;
  readonly buckets: Map<string, Map<string, ObjectRow>>;
  readonly calls: string[];
  /** Pending multipart uploads, by bucket. */
  readonly uploads: Map<string, PendingUpload[]>;
  /** Bucket names another account owns. */
  readonly foreign: Set<string>;
  /** Set to make the next listing of objects fail. */
  failNextList?: string;
}

const created = new Date('2026-01-05T10:00:00Z');

export function fakeObject(key: string, size = 1024): ObjectRow {
  return {
    key,
    size,
    modified: created,
    storageClass: 'STANDARD',
    etag: `"${key.length}"`,
  };
}

export function createFakeS3(
  seed: Record<string, readonly string[]> = {
    'acme-logs': [
      '2026/01/app.log',
      '2026/01/db.log',
      '2026/02/app.log',
      'README.txt',
    ],
    'acme-backups': [],
  },
): FakeS3 {
  const buckets = new Map(
    Object.entries(seed).map(([name, keys]) => [
      name,
      new Map(keys.map((key) => [key, fakeObject(key)])),
    ]),
  );
  const calls: string[] = [];
  const uploads = new Map<string, PendingUpload[]>();
  const bucket = (name: string) => {
    const found = buckets.get(name);
    if (!found) throw new UserError(`bucket ${name} does not exist`);
    return found;
  };
  const fake: FakeS3 = {
    foreign: new Set(),
    buckets,
    calls,
    uploads,
    s3: {
      listBuckets: () =>
        Promise.resolve(
          [...buckets.keys()].map((name): BucketRow => ({
            name,
            region: 'us-east-1',
            created,
          })),
        ),
      bucketRegion: () => Promise.resolve('us-east-1'),
      listObjects(name, options) {
        if (fake.failNextList) {
          const message = fake.failNextList;
          fake.failNextList = undefined;
          return Promise.reject(new UserError(message));
        }
        const prefix = options.prefix ?? '';
        const prefixes = new Set<string>();
        const objects: ObjectRow[] = [];
        for (const [key, object] of [...bucket(name)].sort()) {
          if (!key.startsWith(prefix)) continue;
          const rest = key.slice(prefix.length);
          const slash = options.delimiter
            ? rest.indexOf(options.delimiter)
            : -1;
          if (slash >= 0) prefixes.add(prefix + rest.slice(0, slash + 1));
          else objects.push(object);
        }
        return Promise.resolve({
          prefixes: [...prefixes],
          objects,
          next: undefined,
        });
      },
      objectDetail: (name, key) => {
        const object = bucket(name).get(key);
        if (!object) return Promise.reject(new UserError(`no object ${key}`));
        return Promise.resolve({
          bucket: name,
          key,
          size: object.size,
          modified: object.modified,
          etag: object.etag,
          contentType: 'text/plain',
          storageClass: 'STANDARD',
          versionId: undefined,
          metadata: { owner: 'ops' },
          tags: {},
          versions: [],
          moreVersions: false,
        });
      },
      getObject: () => Promise.reject(new Error('not in the fake')),
      readStart: (_name, key) =>
        Promise.resolve({
          bytes: Buffer.from(`first line of ${key}\nsecond line`),
          truncated: false,
        }),
      putObject: () => Promise.reject(new Error('not in the fake')),
      presignGet: (name, key) =>
        Promise.resolve(
          `https://${name}.s3.example/${key}?X-Amz-Signature=abc`,
        ),
      checkNewBucket(name) {
        if (buckets.has(name))
          return Promise.reject(
            new UserError(`you already own ${name} (us-east-1)`),
          );
        if (fake.foreign.has(name))
          return Promise.reject(
            new UserError(`the name ${name} is taken by another account`),
          );
        return Promise.resolve();
      },
      makeBucket(name) {
        calls.push(`mb ${name}`);
        buckets.set(name, new Map());
        return Promise.resolve();
      },
      removeBucket(name) {
        calls.push(`rb ${name}`);
        const size = bucket(name).size;
        if (size > 0)
          return Promise.reject(
            new UserError(`bucket ${name} is not empty: ${size} objects`, {
              hint: 'F removes it with everything in it',
            }),
          );
        buckets.delete(name);
        return Promise.resolve();
      },
      peekBucket: (name) => {
        const objects = bucket(name).size;
        return Promise.resolve({
          bucket: name,
          objects,
          versions: objects,
          deleteMarkers: 0,
          uploads: (uploads.get(name) ?? []).length,
          more: false,
        });
      },
      bucketContents: (name) => {
        const objects = [...bucket(name).values()];
        return Promise.resolve({
          bucket: name,
          versioned: true,
          objects: objects.length,
          versions: objects.length + 2,
          deleteMarkers: 1,
          uploads: 1,
          bytes: objects.reduce((sum, object) => sum + object.size, 0),
        });
      },
      purgeBucket(name, _signal, onProgress) {
        calls.push(`rb --force ${name}`);
        const count = bucket(name).size;
        onProgress?.({
          deleted: count,
          total: count,
          bytesDeleted: 0,
          uploadsAborted: 1,
        });
        buckets.delete(name);
        return Promise.resolve({
          deleted: count + 3,
          bytesDeleted: count * 1024,
          uploadsAborted: 1,
          failed: [],
          bucketRemoved: true,
        });
      },
      pendingUploads: (name, prefix) =>
        Promise.resolve(
          (uploads.get(name) ?? []).filter((upload) =>
            upload.key.startsWith(prefix),
          ),
        ),
      abortUploads(name, aborted) {
        calls.push(
          `abortmp ${name} ${aborted.map((upload) => upload.uploadId).join(' ')}`,
        );
        const ids = new Set(aborted.map((upload) => upload.uploadId));
        uploads.set(
          name,
          (uploads.get(name) ?? []).filter(
            (upload) => !ids.has(upload.uploadId),
          ),
        );
        return Promise.resolve({ aborted: ids.size, failed: [] });
      },
      deleteObjects(name, keys) {
        calls.push(`delete ${name} ${keys.join(',')}`);
        for (const key of keys) bucket(name).delete(key);
        return Promise.resolve({ deleted: keys.length, failed: [] });
      },
    },
    transfers: {
      sync(spec, hooks) {
        if (spec.source.kind === 's3' && spec.destination.kind === 's3')
          return Promise.resolve(fakeBucketCopy(bucket, calls, spec, hooks));
        const remote =
          spec.source.kind === 's3' ? spec.source : spec.destination;
        const up = spec.source.kind === 'local';
        if (remote.kind !== 's3') throw new Error('one side is S3');
        calls.push(
          `sync${spec.dryRun ? ' --dryrun' : ''}${spec.delete ? ' --delete' : ''} ${up ? 'up' : 'down'} s3://${remote.bucket}/${remote.prefix}`,
        );
        const keys = [...bucket(remote.bucket).keys()].filter((key) =>
          key.startsWith(remote.prefix),
        );
        // Down: files already in the directory that are not in the bucket are kept.
        const local =
          spec.destination.kind === 'local' ? spec.destination.path : '';
        const rels = new Set(
          keys.map((key) => key.slice(remote.prefix.length)),
        );
        const kept =
          local === '' || !existsSync(local)
            ? 0
            : readdirSync(local).filter((name) => !rels.has(name)).length;
        // Up: every key "changed" locally; down: every key new locally.
        for (const key of keys)
          hooks.onPlanned?.({
            action: up ? 'upload' : 'download',
            rel: key.slice(remote.prefix.length),
            reason: up ? 'size differs' : 'new',
            bytes: 1024,
          });
        const result: SyncResult = {
          direction: up ? 'up' : 'down',
          dryRun: spec.dryRun === true,
          cancelled: false,
          planned: {
            upload: up ? keys.length : 0,
            download: up ? 0 : keys.length,
            copy: 0,
            delete: 0,
            skip: kept,
          },
          plannedBytes: keys.length * 1024,
          skipped: { unchanged: 0, onlyAtDestination: kept, other: 0 },
          uploaded: spec.dryRun || !up ? 0 : keys.length,
          downloaded: spec.dryRun || up ? 0 : keys.length,
          copied: 0,
          deleted: 0,
          bytes: spec.dryRun ? 0 : keys.length * 1024,
          failed: [],
          failedCount: 0,
          warningCount: 0,
          deletesRefused: undefined,
          leftoverUploadsAborted: 0,
          partialsRemoved: 0,
          seconds: 0.1,
        };
        return Promise.resolve(result);
      },
      getObject(name, object, dir) {
        calls.push(`get s3://${name}/${object.key} ${dir}`);
        return Promise.resolve(`${dir}/${object.key.split('/').at(-1) ?? ''}`);
      },
      putTargets(path, name, prefix) {
        // A path ending in '/' is a directory here; anything else a file.
        const base = path.replace(/\/$/, '').split('/').at(-1) ?? '';
        const target = prefix + base;
        const replaced = path.endsWith('/')
          ? [...bucket(name).values()].filter((object) =>
              object.key.startsWith(`${target}/`),
            )
          : [bucket(name).get(target)].filter((object) => object !== undefined);
        return Promise.resolve({
          replaced,
          replacedCount: replaced.length,
          added: replaced.length === 0 ? 1 : 0,
        });
      },
      put(path, name, prefix) {
        calls.push(`put ${path} s3://${name}/${prefix}`);
        return Promise.resolve({ items: 1, bytes: 10, failed: 0 });
      },
      async uploadStream(name, key, body) {
        let size = 0;
        for await (const chunk of body) size += (chunk as Buffer).length;
        calls.push(`upload s3://${name}/${key} ${size} bytes`);
        bucket(name).set(key, fakeObject(key, size));
      },
      putFile(path, name, key) {
        calls.push(`put ${path} s3://${name}/${key}`);
        return Promise.resolve(key);
      },
      deleteUnder(name, keys, prefixes) {
        calls.push(`delete ${name} ${[...keys, ...prefixes].join(',')}`);
        let deleted = 0;
        for (const key of [...bucket(name).keys()])
          if (
            keys.includes(key) ||
            prefixes.some((prefix) => key.startsWith(prefix))
          ) {
            bucket(name).delete(key);
            deleted++;
          }
        return Promise.resolve({ deleted, failed: [] });
      },
    },
  };
  return fake;
}
