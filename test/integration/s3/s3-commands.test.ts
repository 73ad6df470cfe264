import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { describe, expect, it, vi } from 'vitest';
import { LAB_CREDENTIALS } from '../../../source/lab/lab-aws.js';
import { capturedIo } from '../../helpers/command-io.js';
import {
  runS3Command,
  type S3CommandName,
  type S3CommandOptions,
} from '../../../source/commands/s3/s3-command.js';
import { allKeys, moto, uniqueBucket, useS3Workspace } from './s3-lab.js';

describe.skipIf(!moto.info)(
  `opsdeck s3 subcommands against moto${moto.missing}`,
  () => {
    const space = useS3Workspace('commands');
    const { direct } = space;
    const env = () => ({
      ...process.env,
      OPSDECK_CONFIG: moto.info?.opsdeckConfigFile,
      OPSDECK_STATE_DIR: join(space.work, 'state'),
    });
    async function run(
      name: S3CommandName,
      args: string[],
      options: Partial<S3CommandOptions> = {},
      prompt?: string,
    ) {
      const io = capturedIo(prompt === undefined ? {} : { typed: prompt });
      const code = await runS3Command(
        name,
        args,
        { profile: 'lab', endpointUrl: moto.info?.endpoint, ...options },
        io,
        env(),
      );
      return { code, out: io.stdout, err: io.stderr };
    }

    it('mb, put, sync --dryrun/--json, get, ls and rb --force with exit codes', async () => {
      const bucket = uniqueBucket('cli');
      const made = await run('mb', [`s3://${bucket}`]);
      expect(made.err).toEqual([]);
      expect(made).toMatchObject({
        code: 0,
        out: [`make_bucket: ${bucket} (us-east-1)`],
      });
      expect((await run('mb', ['s3://Bad_Name'])).code).toBe(1);
      const dir = join(space.work, 'src');
      mkdirSync(join(dir, 'logs'), { recursive: true });
      writeFileSync(join(dir, 'a.txt'), 'a');
      writeFileSync(join(dir, 'logs', 'x.log'), 'x');
      const dry = await run('sync', [dir, `s3://${bucket}/site`], {
        dryrun: true,
        filters: [{ type: 'exclude', pattern: '*.log' }],
      });
      expect(dry.code).toBe(0);
      expect(dry.out).toEqual([
        '(dryrun) upload: a.txt (new)',
        expect.stringMatching(
          /^would upload 1, download 0, delete 0/,
        ) as string,
      ]);
      expect(await allKeys(direct, bucket)).toEqual([]);
      const real = await run('sync', [dir, `s3://${bucket}/site`], {
        json: true,
      });
      expect(real.code).toBe(0);
      expect(JSON.parse(real.out[0] ?? '{}')).toMatchObject({
        uploaded: 2,
        failedCount: 0,
      });
      expect(
        (await run('put', [join(dir, 'a.txt'), `s3://${bucket}/single/`])).code,
      ).toBe(0);
      expect(await allKeys(direct, bucket)).toEqual([
        'single/a.txt',
        'site/a.txt',
        'site/logs/x.log',
      ]);
      const ls = await run('ls', [`s3://${bucket}/site/`]);
      expect(ls.out.map((line) => line.trim().split(/\s+/).at(-1))).toEqual([
        'site/logs/',
        'site/a.txt',
      ]);
      const got = await run('get', [
        `s3://${bucket}/site/logs/x.log`,
        join(space.work, 'got'),
      ]);
      expect(got.code).toBe(0);
      expect(readFileSync(join(space.work, 'got', 'x.log'), 'utf8')).toBe('x');
      // A prefix download beside an unrelated local file keeps it and says so
      // apart from what is unchanged.
      const into = join(space.work, 'got-prefix');
      mkdirSync(into);
      writeFileSync(join(into, 'notes.txt'), 'mine');
      const first = await run('get', [`s3://${bucket}/site/`, into]);
      expect(first.out[0]).toMatch(
        /^uploaded 0, downloaded 2, deleted 0, \(.*\), 0 unchanged, 1 only at the destination, kept in /,
      );
      const again = await run('get', [`s3://${bucket}/site/`, into]);
      expect(again.out[0]).toMatch(
        /, 2 unchanged, 1 only at the destination, kept in /,
      );
      expect(readFileSync(join(into, 'notes.txt'), 'utf8')).toBe('mine');
      // Usage errors exit 2; refusals exit 1.
      expect(
        (await run('sync', [dir, join(space.work, 'elsewhere')])).code,
      ).toBe(2);
      expect(
        (
          await run('sync', [dir, `s3://${bucket}/site`], {
            sizeOnly: true,
            checksum: true,
          })
        ).code,
      ).toBe(2);
      const noTty = await run('rb', [`s3://${bucket}`], { force: true });
      expect(noTty.code).toBe(2);
      expect(noTty.err.join('\n')).toMatch(/removes 3 objects.*\n.*pass --yes/);
      expect((await run('rb', [`s3://${bucket}`])).err.join('\n')).toMatch(
        /not empty: 3 objects/,
      );
      expect(
        (await run('rb', [`s3://${bucket}`], { force: true }, 'wrong-name'))
          .code,
      ).toBe(1);
      expect(await allKeys(direct, bucket)).toHaveLength(3);
      const removed = await run('rb', [`s3://${bucket}`], {
        force: true,
        yes: true,
      });
      expect(removed.code).toBe(0);
      expect(removed.out[0]).toMatch(/^remove_bucket: .* \(deleted 3 versions/);
      expect((await run('ls', [`s3://${bucket}`])).err.join('\n')).toMatch(
        `bucket ${bucket} does not exist`,
      );
    });

    it('refuses writes with --read-only', async () => {
      const result = await run('mb', [`s3://${uniqueBucket('ro')}`], {
        readOnly: true,
      });
      expect(result.code).toBe(1);
      expect(result.err.join('\n')).toMatch(
        /read-only: s3:CreateBucket was not sent/,
      );
    });

    it('holds profiles.default.readOnly when no profile is named', async () => {
      const dir = join(space.work, 'default-profile');
      mkdirSync(dir, { recursive: true });
      const credentials = join(dir, 'credentials');
      writeFileSync(
        credentials,
        `[default]\naws_access_key_id = ${LAB_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${LAB_CREDENTIALS.secretAccessKey}\n`,
      );
      writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\n');
      const config = join(dir, 'opsdeck.yaml');
      writeFileSync(config, 'profiles:\n  default:\n    readOnly: true\n');
      vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', credentials);
      vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
      for (const name of [
        'AWS_PROFILE',
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
      ])
        vi.stubEnv(name, undefined);
      const bucket = uniqueBucket('default-ro');
      const io = capturedIo();
      const code = await runS3Command(
        'mb',
        [`s3://${bucket}`],
        { endpointUrl: moto.info?.endpoint },
        io,
        { ...process.env, OPSDECK_CONFIG: config },
      );
      expect(code).toBe(1);
      expect(io.stderr.join('\n')).toMatch(
        /read-only: s3:CreateBucket was not sent \(profile default is read-only/,
      );
      const { Buckets } = await direct.send(new ListBucketsCommand({}));
      expect(Buckets?.map((found) => found.Name)).not.toContain(bucket);
    });
  },
);
