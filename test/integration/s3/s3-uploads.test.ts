/** Pending multipart uploads against moto: listed with their parts, aborted, refused read-only. */
import {
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createS3Service } from '../../../source/aws/s3/s3-service.js';
import { runS3Command } from '../../../source/commands/s3/s3-command.js';
import { capturedIo } from '../../helpers/command-io.js';
import {
  createBucket,
  labS3Factory,
  moto,
  uniqueBucket,
  useS3Workspace,
} from './s3-lab.js';

const MiB = 1024 * 1024;
const signal = new AbortController().signal;

describe.skipIf(!moto.info)(
  `pending multipart uploads against moto${moto.missing}`,
  () => {
    const space = useS3Workspace('uploads');
    const { direct } = space;

    /** An upload of `key` left with `parts` parts of 5 MiB. */
    async function leftUpload(bucket: string, key: string, parts: number) {
      const created = await direct.send(
        new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }),
      );
      for (let part = 1; part <= parts; part++)
        await direct.send(
          new UploadPartCommand({
            Bucket: bucket,
            Key: key,
            UploadId: created.UploadId,
            PartNumber: part,
            Body: new Uint8Array(5 * MiB).fill(part),
          }),
        );
      return created.UploadId ?? '';
    }

    const pendingKeys = async (bucket: string) =>
      (
        (await direct.send(new ListMultipartUploadsCommand({ Bucket: bucket })))
          .Uploads ?? []
      )
        .map((upload) => upload.Key)
        .sort();

    it('lists pending uploads with their parts and size, and aborts the chosen ones', async () => {
      const bucket = await createBucket(direct, uniqueBucket('mpu'));
      const first = await leftUpload(bucket, 'db/dump-1.gz', 2);
      await leftUpload(bucket, 'db/dump-2.gz', 1);
      await leftUpload(bucket, 'logs/big.log', 0);
      const { factory } = labS3Factory();
      const s3 = createS3Service(factory);
      const listed = await s3.pendingUploads(bucket, 'db/', signal);
      expect(
        listed.map(({ key, parts, bytes }) => ({ key, parts, bytes })),
      ).toEqual([
        { key: 'db/dump-1.gz', parts: 2, bytes: 10 * MiB },
        { key: 'db/dump-2.gz', parts: 1, bytes: 5 * MiB },
      ]);
      expect(
        await s3.abortUploads(
          bucket,
          [{ key: 'db/dump-1.gz', uploadId: first }],
          signal,
        ),
      ).toEqual({ aborted: 1, failed: [] });
      expect(await pendingKeys(bucket)).toEqual([
        'db/dump-2.gz',
        'logs/big.log',
      ]);
      factory.destroy();
    });

    it('s3 multipart lists and s3 abortmp aborts after --yes; read-only aborts nothing', async () => {
      const bucket = await createBucket(direct, uniqueBucket('abortmp'));
      await leftUpload(bucket, 'a.bin', 1);
      await leftUpload(bucket, 'b.bin', 1);
      const run = async (
        name: 'multipart' | 'abortmp',
        options: Record<string, unknown> = {},
      ) => {
        const io = capturedIo();
        const code = await runS3Command(
          name,
          [`s3://${bucket}`],
          { profile: 'lab', endpointUrl: moto.info?.endpoint, ...options },
          io,
          { ...process.env, OPSDECK_CONFIG: moto.info?.opsdeckConfigFile },
        );
        return { code, out: io.stdout, err: io.stderr };
      };
      const listed = await run('multipart', { json: true });
      expect(listed.code).toBe(0);
      expect(
        listed.out.map((line) => (JSON.parse(line) as { key: string }).key),
      ).toEqual(['a.bin', 'b.bin']);

      // Without a terminal and without --yes nothing is aborted.
      expect((await run('abortmp')).code).toBe(2);
      const refused = await run('abortmp', { yes: true, readOnly: true });
      expect(refused.code).toBe(1);
      expect(refused.err.join('\n')).toContain(
        'read-only: abortmp was not run (started with --read-only)',
      );
      expect(await pendingKeys(bucket)).toEqual(['a.bin', 'b.bin']);

      // moto dates every upload 2010: both are older than a week.
      const aborted = await run('abortmp', { yes: true, olderThan: 7 });
      expect(aborted).toMatchObject({
        code: 0,
        out: [`abortmp: 2 of 2 uploads aborted in s3://${bucket}/`],
      });
      expect(await pendingKeys(bucket)).toEqual([]);
    });
  },
);
