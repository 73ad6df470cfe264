/**
 * AWS DataSync S3-to-S3 copies: a location per bucket, a task between them,
 * an execution followed by DescribeTaskExecution. The task and both
 * locations live in the source bucket's region; DataSync reaches a target
 * bucket in another region from there.
 */
import type {
  DescribeTaskExecutionResponse,
  TaskListEntry,
} from '@aws-sdk/client-datasync';
import type { AwsClientFactory } from '../client-factory.js';
import { mappedCall } from '../aws-errors.js';
import { jobError } from './job-errors.js';
import type { CopyJob, CopyJobPhase, DataSyncCopyRequest } from './types.js';

const TASK_PAGE = 50;

/** The region of a DataSync ARN (arn:aws:datasync:<region>:<account>:task/...). */
function dataSyncRegion(arn: string): string | undefined {
  const match = /^arn:[^:]+:datasync:([^:]+):/.exec(arn);
  return match?.[1];
}

export function isDataSyncId(id: string): boolean {
  return dataSyncRegion(id) !== undefined;
}

function phaseOf(status: string | undefined): CopyJobPhase {
  if (status === 'SUCCESS') return 'done';
  if (status === 'ERROR') return 'failed';
  return 'active';
}

/** An execution as a job; the execution ARN holds the task's ARN before "/execution/". */
function executionView(
  execution: DescribeTaskExecutionResponse,
  name: string,
): CopyJob {
  const id = execution.TaskExecutionArn ?? '?';
  const failed = execution.FilesFailed;
  const failedCount =
    failed === undefined
      ? undefined
      : (failed.Prepare ?? 0) +
        (failed.Transfer ?? 0) +
        (failed.Verify ?? 0) +
        (failed.Delete ?? 0);
  const result = execution.Result;
  return {
    engine: 'datasync',
    id,
    name,
    status: execution.Status ?? 'unknown',
    phase: phaseOf(execution.Status),
    region: dataSyncRegion(id) ?? '?',
    created: execution.StartTime,
    total: execution.EstimatedFilesToTransfer,
    succeeded: execution.FilesVerified ?? execution.FilesTransferred,
    failed: failedCount,
    bytesDone: execution.BytesTransferred,
    bytesTotal: execution.EstimatedBytesToTransfer,
    failureReasons:
      result?.ErrorCode === undefined
        ? []
        : [`${result.ErrorCode}: ${result.ErrorDetail ?? ''}`],
  };
}

function taskView(task: TaskListEntry, region: string): CopyJob {
  return {
    engine: 'datasync',
    id: task.TaskArn ?? '?',
    name: task.Name ?? '',
    status: task.Status ?? 'unknown',
    phase: task.Status === 'UNAVAILABLE' ? 'failed' : 'done',
    region,
    failureReasons: [],
  };
}

export function createDataSyncTasks(factory: AwsClientFactory) {
  const call = <T>(action: string, run: () => Promise<T>) =>
    mappedCall(action, run, (error, name) =>
      jobError(error, name, factory.settings),
    );
  const sdk = () => import('@aws-sdk/client-datasync');

  async function describe(id: string, signal?: AbortSignal): Promise<CopyJob> {
    const region = dataSyncRegion(id);
    const [client, { DescribeTaskExecutionCommand, DescribeTaskCommand }] =
      await Promise.all([factory.datasync(region), sdk()]);
    const taskArn = id.split('/execution/')[0] ?? id;
    const task = await call('datasync:DescribeTask', () =>
      client.send(new DescribeTaskCommand({ TaskArn: taskArn }), {
        abortSignal: signal,
      }),
    );
    if (!id.includes('/execution/'))
      return taskView(task, region ?? factory.settings.region);
    const execution = await call('datasync:DescribeTaskExecution', () =>
      client.send(new DescribeTaskExecutionCommand({ TaskExecutionArn: id }), {
        abortSignal: signal,
      }),
    );
    return executionView(execution, task.Name ?? '');
  }

  /** The task's latest execution, or the task itself when it never ran. */
  async function latest(
    task: TaskListEntry,
    signal?: AbortSignal,
  ): Promise<CopyJob> {
    const region = factory.settings.region;
    const [client, { DescribeTaskCommand, ListTaskExecutionsCommand }] =
      await Promise.all([factory.datasync(), sdk()]);
    const taskArn = task.TaskArn ?? '';
    const described = await call('datasync:DescribeTask', () =>
      client.send(new DescribeTaskCommand({ TaskArn: taskArn }), {
        abortSignal: signal,
      }),
    );
    let executionArn = described.CurrentTaskExecutionArn;
    if (executionArn === undefined || executionArn === null) {
      // Only a running execution is "current"; finished ones are listed.
      const listed = await client
        .send(new ListTaskExecutionsCommand({ TaskArn: taskArn }), {
          abortSignal: signal,
        })
        .catch(() => undefined);
      executionArn = listed?.TaskExecutions?.at(-1)?.TaskExecutionArn;
    }
    return executionArn === undefined
      ? taskView(task, region)
      : describe(executionArn, signal);
  }

  return {
    describe,
    async list(signal?: AbortSignal): Promise<CopyJob[]> {
      const [client, { ListTasksCommand }] = await Promise.all([
        factory.datasync(),
        sdk(),
      ]);
      const listed = await call('datasync:ListTasks', () =>
        client.send(new ListTasksCommand({ MaxResults: TASK_PAGE }), {
          abortSignal: signal,
        }),
      );
      return Promise.all(
        (listed.Tasks ?? []).map((task) => latest(task, signal)),
      );
    },
    async cancel(id: string): Promise<CopyJob> {
      const [client, { CancelTaskExecutionCommand }] = await Promise.all([
        factory.datasync(dataSyncRegion(id)),
        sdk(),
      ]);
      await call('datasync:CancelTaskExecution', () =>
        client.send(new CancelTaskExecutionCommand({ TaskExecutionArn: id })),
      );
      return describe(id);
    },
    async create(request: DataSyncCopyRequest): Promise<CopyJob> {
      const region = request.sourceRegion;
      const [
        client,
        {
          CreateLocationS3Command,
          CreateTaskCommand,
          StartTaskExecutionCommand,
        },
      ] = await Promise.all([factory.datasync(region), sdk()]);
      const location = async (bucket: string, prefix: string | undefined) => {
        const made = await call('datasync:CreateLocationS3', () =>
          client.send(
            new CreateLocationS3Command({
              S3BucketArn: `arn:aws:s3:::${bucket}`,
              Subdirectory: `/${prefix ?? ''}`,
              S3Config: { BucketAccessRoleArn: request.roleArn },
            }),
          ),
        );
        return made.LocationArn ?? '';
      };
      const source = await location(request.sourceBucket, request.sourcePrefix);
      const target = await location(request.targetBucket, request.targetPrefix);
      const name = `opsdeck copy ${request.sourceBucket} to ${request.targetBucket}`;
      const task = await call('datasync:CreateTask', () =>
        client.send(
          new CreateTaskCommand({
            SourceLocationArn: source,
            DestinationLocationArn: target,
            Name: name,
            Options: {
              TransferMode: 'CHANGED',
              VerifyMode: 'ONLY_FILES_TRANSFERRED',
              OverwriteMode: 'ALWAYS',
              // Like sync without --delete: nothing at the target is removed.
              PreserveDeletedFiles: 'PRESERVE',
              ObjectTags: 'PRESERVE',
            },
          }),
        ),
      );
      const started = await call('datasync:StartTaskExecution', () =>
        client.send(new StartTaskExecutionCommand({ TaskArn: task.TaskArn })),
      );
      return {
        engine: 'datasync',
        id: started.TaskExecutionArn ?? task.TaskArn ?? '?',
        name,
        status: 'QUEUED',
        phase: 'active',
        region,
        failureReasons: [],
      };
    },
  };
}
