/** `opsdeck s3 ...`: the flags users of aws s3 already know; the work loads on use. */
import { InvalidArgumentError, type Command } from 'commander';
import type { S3CommandName, S3CommandOptions } from './s3-command.js';
import type { JobsOptions } from './jobs-commands.js';

/** `opsdeck s3 jobs ...`: copies handed to S3 Batch Operations and DataSync. */
function registerJobsCommands(s3: Command): void {
  const jobs = s3
    .command('jobs')
    .description(
      'copies handed to S3 Batch Operations and DataSync: ls, status, cancel',
    );
  const run =
    (name: 'ls' | 'status' | 'cancel') =>
    async (...received: unknown[]) => {
      const command = received.at(-1) as Command;
      const [{ runJobsCommand }, { processIo }] = await Promise.all([
        import('./jobs-commands.js'),
        import('../command-io.js'),
      ]);
      process.exitCode = await runJobsCommand(
        name,
        command.args[0],
        command.optsWithGlobals<JobsOptions>(),
        processIo(),
      );
    };
  jobs
    .command('ls')
    .description('Batch Operations copy jobs and DataSync tasks of the region')
    .option('--json', 'one JSON object per line')
    .action(run('ls'));
  jobs
    .command('status')
    .argument('<id>', 'a Batch Operations job ID or a DataSync execution ARN')
    .description("a job's status, progress and first failed objects")
    .option('--json', 'machine-readable output')
    .action(run('status'));
  jobs
    .command('cancel')
    .argument('<id>', 'a Batch Operations job ID or a DataSync execution ARN')
    .description('cancel a job (asks first; objects copied so far stay)')
    .option('--yes', 'confirm without asking (for scripts)')
    .option('--json', 'machine-readable output')
    .action(run('cancel'));
}

export function registerS3Commands(program: Command): void {
  const s3 = program
    .command('s3')
    .description(
      'S3 buckets and objects for scripts: ls, mb, rb, get, put, sync, multipart, abortmp, jobs',
    );
  registerJobsCommands(s3);
  const run =
    (name: S3CommandName) =>
    async (...received: unknown[]) => {
      const command = received.at(-1) as Command;
      const [{ runS3Command }, { processIo }] = await Promise.all([
        import('./s3-command.js'),
        import('../command-io.js'),
      ]);
      process.exitCode = await runS3Command(
        name,
        command.args,
        command.optsWithGlobals<S3CommandOptions>(),
        processIo({ cancelOnInterrupt: true }),
      );
    };
  const count = (value: string) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0)
      throw new InvalidArgumentError(`"${value}" is not a whole number.`);
    return number;
  };
  const transfer = (command: Command) => {
    // --exclude and --include share one list so their order is kept.
    const rules: { type: 'exclude' | 'include'; pattern: string }[] = [];
    const rule = (type: 'exclude' | 'include') => (pattern: string) => {
      rules.push({ type, pattern });
      return rules;
    };
    return command
      .option('--dryrun', 'print the plan, change nothing')
      .option(
        '--exclude <glob>',
        'leave out matching paths (repeatable)',
        rule('exclude'),
      )
      .option(
        '--include <glob>',
        'take matching paths back in (repeatable; the last matching rule wins)',
        rule('include'),
      )
      .option('--size-only', 'compare sizes only')
      .option('--checksum', 'compare contents (MD5 and multipart ETags)')
      .option('--exact-timestamps', 'download when times differ at all')
      .option('--concurrency <n>', 'files in flight (default 16)', count)
      .option('--json', 'machine-readable summary')
      .action(run(command.name() as S3CommandName));
  };
  s3.command('ls')
    .argument('[uri]', 's3://bucket[/prefix]; no argument lists the buckets')
    .option('--recursive', 'every key under the prefix, not one level')
    .option('--json', 'one JSON object per line')
    .action(run('ls'));
  s3.command('multipart')
    .argument('<uri>', 's3://bucket[/prefix]')
    .description(
      'list the multipart uploads never completed (their parts are billed): key, start, parts, size',
    )
    .option('--json', 'one JSON object per line')
    .action(run('multipart'));
  s3.command('abortmp')
    .argument('<uri>', 's3://bucket[/prefix]')
    .description(
      'abort pending multipart uploads (all, or --older-than DAYS) after a typed confirmation',
    )
    .option(
      '--older-than <days>',
      'only uploads started more than DAYS ago',
      count,
    )
    .option('--yes', 'confirm without typing the name (for scripts)')
    .option('--json', 'machine-readable output')
    .action(run('abortmp'));
  s3.command('mb')
    .argument('<uri>', 's3://bucket')
    .description('make a bucket in --region')
    .option('--json', 'machine-readable output')
    .action(run('mb'));
  s3.command('rb')
    .argument('<uri>', 's3://bucket')
    .description(
      'remove a bucket; --force empties it first (every version, delete marker and pending upload)',
    )
    .option('--force', 'delete everything in the bucket first')
    .option('--yes', 'confirm --force without typing the name (for scripts)')
    .option('--json', 'machine-readable output')
    .action(run('rb'));
  transfer(
    s3
      .command('get')
      .argument('<uri>', 's3://bucket/key or s3://bucket[/prefix]')
      .argument('[dir]', 'local directory', '.')
      .description('download an object or everything under a prefix'),
  );
  transfer(
    s3
      .command('put')
      .argument('<path>', 'local file or directory')
      .argument('<uri>', 's3://bucket[/prefix]')
      .description('upload a file or a directory'),
  );
  transfer(
    s3
      .command('sync')
      .argument('<source>', 'local directory or s3://bucket[/prefix]')
      .argument('<destination>', 'local directory or s3://bucket[/prefix]')
      .description(
        'make the destination match the source; s3:// to s3:// copies server-side',
      )
      .option(
        '--delete',
        'delete what the source does not have (after every transfer succeeded)',
      )
      .option(
        '--max-delete <n>',
        'delete nothing when more than n deletions are planned',
        count,
      )
      .option('--allow-empty-source', 'let --delete act on an empty source')
      .option(
        '--storage-class <class>',
        "bucket to bucket: storage class of the copies (default: the source object's)",
      )
      .option(
        '--sse <algorithm>',
        "bucket to bucket: encrypt the copies with AES256 or aws:kms (default: the destination bucket's encryption)",
      )
      .option(
        '--sse-kms-key-id <key>',
        'bucket to bucket: the KMS key for --sse aws:kms',
      )
      .option(
        '--handoff <engine>',
        "bucket to bucket: plan, then hand the copy to AWS's own engines instead of copying here: batch (S3 Batch Operations job over the planned keys) or datasync (DataSync task); a --dryrun of a large copy shows both offers",
      )
      .option(
        '--role-arn <arn>',
        'with --handoff: the IAM role the engine acts as (default: handoff.batchRoleArn / handoff.dataSyncRoleArn in config.yaml)',
      )
      .option(
        '--report-bucket <bucket>',
        'with --handoff batch: the bucket for the manifest and the failure report (default: handoff.reportBucket, else the target bucket)',
      )
      .option(
        '--yes',
        'with --handoff: create the job without asking (for scripts)',
      ),
  );
}
