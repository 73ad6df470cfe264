import {
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetBucketLocationCommand,
  HeadBucketCommand,
  ListMultipartUploadsCommand,
  PutBucketVersioningCommand,
} from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { createS3Service } from '../../../source/aws/s3/s3-service.js';
import { LAB_BUCKETS } from '../../../source/lab/seed/seed-s3.js';
import { ReadOnlyError } from '../../../source/safety/read-only.js';
import {
  countRequests,
  createBucket,
  directS3,
  labS3Factory,
  moto,
  putText,
  uniqueBucket,
  useLabProfiles,
} from './s3-lab.js';

const signal = new AbortController().signal;

async function seedObjects(bucket: string, objects: Record<string, string>) {
  const response = await fetch(`${moto.info?.endpoint}/_lab/s3/objects`, {
    method: 'POST',
    body: JSON.stringify({ bucket, objects }),
  });
  if (!response.ok) throw new Error(await response.text());
}

describe.skipIf(!moto.info)(
  `S3 buckets and objects against moto${moto.missing}`,
  () => {
    useLabProfiles();
    const direct = directS3();
    afterAll(() => direct.destroy());

    it('lists the lab buckets with region and creation date', async () => {
      const { factory } = labS3Factory();
      const buckets = await createS3Service(factory).listBuckets(signal);
      const assets = buckets.find(
        (bucket) => bucket.name === LAB_BUCKETS.assets,
      );
      expect(assets).toMatchObject({
        region: 'eu-west-1',
        created: expect.any(Date) as Date,
      });
      expect(
        buckets.find((bucket) => bucket.name === LAB_BUCKETS.logs)?.region,
      ).toBe('us-east-1');
      factory.destroy();
    });

    it('browses by prefix with a delimiter, one page at a time', async () => {
      const { factory } = labS3Factory();
      const service = createS3Service(factory);
      const top = await service.listObjects(
        LAB_BUCKETS.logs,
        { delimiter: '/' },
        signal,
      );
      expect(top.prefixes).toEqual(['app/']);
      expect(top.objects.map((object) => object.key)).toEqual(['README.txt']);
      const first = await service.listObjects(
        LAB_BUCKETS.logs,
        { prefix: 'app/2026/11/01/', pageSize: 10 },
        signal,
      );
      expect(first.objects).toHaveLength(10);
      expect(first.next).toBeDefined();
      const second = await service.listObjects(
        LAB_BUCKETS.logs,
        { prefix: 'app/2026/11/01/', pageSize: 10, cursor: first.next },
        signal,
      );
      expect(
        (second.objects[0]?.key ?? '') > (first.objects[9]?.key ?? ''),
      ).toBe(true);
      factory.destroy();
    });

    it('shows object detail with versions, reads text, and presigns a working URL', async () => {
      const { factory } = labS3Factory();
      const service = createS3Service(factory);
      const detail = await service.objectDetail(
        LAB_BUCKETS.assets,
        'index.html',
        signal,
      );
      expect(detail.versions).toHaveLength(3);
      expect(
        detail.versions.filter((version) => version.isLatest),
      ).toHaveLength(1);
      expect(detail.size).toBe('<h1>release 3</h1>\n'.length);
      const start = await service.readStart(
        LAB_BUCKETS.assets,
        'index.html',
        8,
        signal,
      );
      expect(Buffer.from(start.bytes).toString()).toBe('<h1>rele');
      expect(start.truncated).toBe(true);
      const url = await service.presignGet(
        LAB_BUCKETS.assets,
        'index.html',
        300,
      );
      expect(url).toMatch(/X-Amz-Signature=/);
      const fetched = await fetch(url);
      expect(await fetched.text()).toBe('<h1>release 3</h1>\n');
      factory.destroy();
    });

    it('makes buckets in us-east-1 (no location) and eu-west-1, and refuses bad names before sending', async () => {
      const { factory } = labS3Factory();
      const service = createS3Service(factory);
      const east = uniqueBucket('mb-east');
      const west = uniqueBucket('mb-west');
      await service.makeBucket(east, 'us-east-1');
      await service.makeBucket(west, 'eu-west-1');
      expect(
        (await direct.send(new GetBucketLocationCommand({ Bucket: west })))
          .LocationConstraint,
      ).toBe('eu-west-1');
      expect(await service.bucketRegion(east, signal)).toBe('us-east-1');
      const counts = countRequests(await factory.s3());
      await expect(service.makeBucket('Bad_Name', 'us-east-1')).rejects.toThrow(
        /uppercase.*"_"/,
      );
      expect(counts.size).toBe(0);
      await service.removeBucket(east, signal);
      await expect(
        direct.send(new HeadBucketCommand({ Bucket: east })),
      ).rejects.toThrow();
      factory.destroy();
    });

    it('mb says a bucket you own is yours (with its region) and sends no CreateBucket', async () => {
      const { factory } = labS3Factory();
      const service = createS3Service(factory);
      const east = await createBucket(direct, uniqueBucket('own-east'));
      const west = uniqueBucket('own-west');
      await service.makeBucket(west, 'eu-west-1');
      const counts = countRequests(await factory.s3());
      await expect(service.makeBucket(east, 'us-east-1')).rejects.toThrow(
        `you already own ${east} (us-east-1)`,
      );
      await expect(service.makeBucket(west, 'us-east-1')).rejects.toThrow(
        `you already own ${west} (eu-west-1)`,
      );
      expect(counts.get('CreateBucket')).toBeUndefined();
      await service.checkNewBucket(uniqueBucket('free'), 'us-east-1', signal);
      factory.destroy();
    });

    it('blocks every write in read-only mode before it is sent', async () => {
      const { factory, events } = labS3Factory(true);
      const service = createS3Service(factory);
      await expect(
        service.putObject(LAB_BUCKETS.empty, 'x', 'y'),
      ).rejects.toBeInstanceOf(ReadOnlyError);
      await expect(
        service.makeBucket(uniqueBucket('ro'), 'us-east-1'),
      ).rejects.toBeInstanceOf(ReadOnlyError);
      await expect(
        service.purgeBucket(LAB_BUCKETS.assets, signal),
      ).rejects.toBeInstanceOf(ReadOnlyError);
      await expect(
        service.deleteObjects(LAB_BUCKETS.logs, ['README.txt'], signal),
      ).rejects.toBeInstanceOf(ReadOnlyError);
      expect(
        events
          .getSnapshot()
          .filter((event) => event.message.startsWith('blocked s3:')).length,
      ).toBe(4);
      // Reads still work.
      expect(
        (
          await service.listObjects(
            LAB_BUCKETS.logs,
            { delimiter: '/' },
            signal,
          )
        ).prefixes,
      ).toEqual(['app/']);
      factory.destroy();
    });

    it('rb refuses a non-empty bucket with counts; rb --force removes every version, marker and upload', async () => {
      const bucket = await createBucket(direct, uniqueBucket('rb'));
      await direct.send(
        new PutBucketVersioningCommand({
          Bucket: bucket,
          VersioningConfiguration: { Status: 'Enabled' },
        }),
      );
      const objects = Object.fromEntries(
        Array.from({ length: 600 }, (_, index) => [
          `v/${index}`,
          `one ${index}`,
        ]),
      );
      await seedObjects(bucket, objects);
      await seedObjects(
        bucket,
        Object.fromEntries(
          Object.keys(objects).map((key) => [key, `two ${key}`]),
        ),
      );
      for (const key of ['v/1', 'v/2', 'v/3'])
        await direct.send(
          new DeleteObjectCommand({ Bucket: bucket, Key: key }),
        );
      await putText(direct, bucket, 'plain.txt', 'x');
      for (const key of ['up/1', 'up/2'])
        await direct.send(
          new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }),
        );

      const { factory } = labS3Factory();
      const service = createS3Service(factory);
      // X asks one page of each before anything: lower bounds, said so.
      const peek = await service.peekBucket(bucket, signal);
      expect(peek).toMatchObject({ uploads: 2, more: true });
      expect(peek.versions + peek.deleteMarkers).toBe(1000);
      const empty = await createBucket(direct, uniqueBucket('rb-empty'));
      expect(await service.peekBucket(empty, signal)).toEqual({
        bucket: empty,
        objects: 0,
        versions: 0,
        deleteMarkers: 0,
        uploads: 0,
        more: false,
      });
      await service.removeBucket(empty, signal);
      const contents = await service.bucketContents(bucket, signal);
      expect(contents).toMatchObject({
        versioned: true,
        objects: 598,
        versions: 1201,
        deleteMarkers: 3,
        uploads: 2,
      });
      await expect(service.removeBucket(bucket, signal)).rejects.toThrow(
        /not empty: 598 objects, 1201 versions, 3 delete markers, 2 pending uploads/,
      );

      const progress: number[] = [];
      const result = await service.purgeBucket(bucket, signal, (step) =>
        progress.push(step.deleted),
      );
      expect(result).toMatchObject({
        deleted: 1204,
        uploadsAborted: 2,
        bucketRemoved: true,
        failed: [],
      });
      expect(progress.at(-1)).toBe(1204);
      await expect(
        direct.send(new HeadBucketCommand({ Bucket: bucket })),
      ).rejects.toThrow();
      await expect(
        direct.send(new ListMultipartUploadsCommand({ Bucket: bucket })),
      ).rejects.toThrow(/NoSuchBucket|does not exist/);
      factory.destroy();
    });

    it('names a missing bucket in its error', async () => {
      const { factory } = labS3Factory();
      await expect(
        createS3Service(factory).listObjects(
          'opsdeck-no-such-bucket',
          {},
          signal,
        ),
      ).rejects.toThrow('bucket opsdeck-no-such-bucket does not exist');
      factory.destroy();
    });
  },
);
