/**
 * The DataSync engine and the storage metrics against moto: locations, task
 * and execution made, the execution followed to its end, cancel, the jobs
 * list, CloudWatch's NumberOfObjects/BucketSizeBytes; read-only refusals
 * before any call.
 */
import { describe, expect, it } from 'vitest';
import { createS3JobsService } from '../../../source/aws/s3jobs/s3-jobs-service.js';
import { DEFAULT_HANDOFF } from '../../../source/config/handoff-defaults.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';
import {
  createBucket,
  directS3,
  labS3Factory,
  moto,
  putText,
  uniqueBucket,
  useLabProfiles,
} from '../s3/s3-lab.js';

const ROLE = 'arn:aws:iam::123456789012:role/opsdeck-datasync';

function service(readOnly = false) {
  const { factory, events } = labS3Factory(readOnly);
  const jobs = createS3JobsService({
    factory,
    guard: createWriteGuard(readOnly, '--read-only'),
    handoff: { ...DEFAULT_HANDOFF, dataSyncRoleArn: ROLE },
    accountId: () => Promise.resolve('123456789012'),
  });
  return { factory, events, jobs };
}

describe.skipIf(!moto.info)(
  `DataSync and storage metrics against moto${moto.missing}`,
  () => {
    useLabProfiles();

    it('creates the locations, task and execution and follows it to SUCCESS', async () => {
      const direct = directS3();
      const source = await createBucket(direct, uniqueBucket('ds'));
      const target = await createBucket(direct, uniqueBucket('ds'));
      const { factory, events, jobs } = service();
      const created = await jobs.createDataSyncCopy({
        sourceBucket: source,
        sourceRegion: 'us-east-1',
        targetBucket: target,
        roleArn: ROLE,
      });
      expect(created.engine).toBe('datasync');
      expect(created.id).toMatch(
        /^arn:aws:datasync:us-east-1:\d+:task\/task-\d+\/execution\/exec-\d+$/,
      );
      const seen: string[] = [];
      let job = created;
      for (let poll = 0; poll < 10 && job.phase === 'active'; poll++) {
        job = await jobs.status(created.id);
        seen.push(job.status);
      }
      expect(job.phase).toBe('done');
      expect(seen.at(-1)).toBe('SUCCESS');
      expect(seen).toContain('TRANSFERRING');
      expect(job.name).toBe(`opsdeck copy ${source} to ${target}`);
      const listed = await jobs.list();
      expect(listed.jobs.map((row) => row.name)).toContain(job.name);
      // moto has no S3 Batch Operations: the list says so and still shows DataSync's.
      expect(listed.note).toMatch(/^Batch Operations: /);
      // Every write is in the event log once, with what it acted on and how it ended.
      const writes = events
        .getSnapshot()
        .filter((entry) => entry.level === 'write')
        .map((entry) => entry.message);
      expect(writes).toContain(
        `datasync:CreateLocationS3 S3BucketArn=arn:aws:s3:::${source}: succeeded`,
      );
      expect(
        writes.some((text) =>
          text.startsWith('datasync:StartTaskExecution TaskArn='),
        ),
      ).toBe(true);
      factory.destroy();
      direct.destroy();
    });

    it('cancels a running execution', async () => {
      const direct = directS3();
      const source = await createBucket(direct, uniqueBucket('dc'));
      const { factory, jobs } = service();
      const created = await jobs.createDataSyncCopy({
        sourceBucket: source,
        sourceRegion: 'us-east-1',
        targetBucket: source,
        targetPrefix: 'copy',
        roleArn: ROLE,
      });
      const cancelled = await jobs.cancel(created.id);
      // moto ends a cancelled execution in ERROR, as DataSync does.
      expect(cancelled.status).toBe('ERROR');
      expect(cancelled.phase).toBe('failed');
      factory.destroy();
      direct.destroy();
    });

    it('read-only refuses create and cancel before any call', async () => {
      const { factory, events, jobs } = service(true);
      await expect(
        jobs.createDataSyncCopy({
          sourceBucket: 'a-bucket',
          sourceRegion: 'us-east-1',
          targetBucket: 'b-bucket',
          roleArn: ROLE,
        }),
      ).rejects.toThrow('read-only: datasync:CreateTask was not sent');
      await expect(
        jobs.cancel(
          'arn:aws:datasync:us-east-1:123456789012:task/task-1/execution/exec-1',
        ),
      ).rejects.toThrow('read-only');
      // Nothing reached the guard middleware: no call was even attempted.
      expect(events.getSnapshot()).toEqual([]);
      factory.destroy();
    });

    it('reads NumberOfObjects and BucketSizeBytes from CloudWatch', async () => {
      const direct = directS3();
      const bucket = await createBucket(direct, uniqueBucket('cw'));
      await putText(direct, bucket, 'a.txt', 'hello');
      await putText(direct, bucket, 'b/c.txt', 'hello world');
      const { factory, jobs } = service();
      const size = await jobs.storageMetrics(bucket, 'us-east-1');
      // moto reports a bucket's size as its Python objects' sizes, not the
      // bodies' bytes; the count is exact.
      expect(size?.objects).toBe(2);
      expect(size?.bytes).toBeGreaterThan(0);
      expect(
        await jobs.storageMetrics(`${bucket}-none`, 'us-east-1'),
      ).toBeUndefined();
      factory.destroy();
      direct.destroy();
    });
  },
);
