import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DescribeRegionsCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import * as ec2 from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachWriteGuard } from '../../../source/aws/write-guard-middleware.js';
import { createEventLog } from '../../../source/events/event-log.js';
import {
  ReadOnlyError,
  createWriteGuard,
  isReadOperation,
} from '../../../source/safety/read-only.js';

const ec2Operations = Object.keys(ec2)
  .filter((name) => name.endsWith('Command') && name !== 'Command')
  .map((name) => name.replace(/Command$/, ''));

describe('read-only allowlist', () => {
  it('lets every EC2 Describe call through and blocks the writes we will use', () => {
    const describes = ec2Operations.filter((operation) =>
      operation.startsWith('Describe'),
    );
    expect(describes.length).toBeGreaterThan(100);
    expect(
      describes.every((operation) => isReadOperation('ec2', operation)),
    ).toBe(true);
    for (const write of [
      'RunInstances',
      'TerminateInstances',
      'StopInstances',
      'CreateSnapshot',
      'CreateSnapshots',
      'CopySnapshot',
      'DeleteVolume',
      'ReleaseAddress',
      'AssociateAddress',
      'CreateTags',
      'ModifyInstanceAttribute',
      'RegisterImage',
      'ImportKeyPair',
    ]) {
      expect(isReadOperation('ec2', write), write).toBe(false);
    }
  });

  it('classifies no EC2 operation that changes state as a read', () => {
    const reads = ec2Operations.filter((operation) =>
      isReadOperation('ec2', operation),
    );
    const suspicious = reads.filter((operation) =>
      /^(Create|Delete|Modify|Start|Stop|Terminate|Run|Associate|Disassociate|Attach|Detach|Release|Allocate|Copy|Register|Import|Reset|Replace|Reboot|Cancel|Enable|Disable|Put|Update)/.test(
        operation,
      ),
    );
    expect(suspicious).toEqual([]);
  });

  it('blocks S3 writes and allows S3 reads', () => {
    for (const read of [
      'ListBuckets',
      'ListObjectsV2',
      'ListObjectVersions',
      'ListMultipartUploads',
      'HeadObject',
      'GetObject',
      'GetBucketLocation',
      'GetBucketVersioning',
    ]) {
      expect(isReadOperation('s3', read), read).toBe(true);
    }
    for (const write of [
      'PutObject',
      'DeleteObject',
      'DeleteObjects',
      'DeleteBucket',
      'CreateBucket',
      'AbortMultipartUpload',
      'CreateMultipartUpload',
      'CopyObject',
      'PutBucketVersioning',
    ]) {
      expect(isReadOperation('s3', write), write).toBe(false);
    }
  });

  it('treats unknown services as writes', () => {
    expect(isReadOperation('rds', 'DescribeDBInstances')).toBe(false);
  });

  it('throws a ReadOnlyError that names the action and the reason', () => {
    const guard = createWriteGuard(
      true,
      'profile prod is read-only in config.yaml',
    );
    expect(guard.check('ec2', 'DescribeInstances')).toEqual({ write: false });
    expect(() => guard.check('ec2', 'TerminateInstances')).toThrow(
      ReadOnlyError,
    );
    expect(() => guard.check('ec2', 'TerminateInstances')).toThrow(
      'read-only: ec2:TerminateInstances was not sent',
    );
    expect(createWriteGuard(false).check('ec2', 'TerminateInstances')).toEqual({
      write: true,
    });
  });
});

describe('write guard on a real SDK client', () => {
  let server: Server;
  let requests: string[] = [];
  let endpoint = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const params = new URLSearchParams(body);
        requests.push(params.get('Action') ?? '?');
        // EC2's answer to an allowed dry run is an error with this code.
        if (params.get('DryRun') === 'true') {
          response.writeHead(412, { 'content-type': 'text/xml' });
          response.end(
            '<Response><Errors><Error><Code>DryRunOperation</Code><Message>Request would have succeeded, but DryRun flag is set.</Message></Error></Errors><RequestID>1</RequestID></Response>',
          );
          return;
        }
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.end(
          '<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><regionInfo/></DescribeRegionsResponse>',
        );
      });
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function client(readOnly: boolean) {
    const events = createEventLog();
    const created = new EC2Client({
      region: 'us-east-1',
      endpoint,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    });
    attachWriteGuard(created.middlewareStack, 'ec2', {
      guard: createWriteGuard(readOnly, 'started with --read-only'),
      events,
    });
    return { created, events };
  }

  it('sends nothing for a write in read-only mode, and logs the refusal', async () => {
    requests = [];
    const { created, events } = client(true);
    await expect(
      created.send(new TerminateInstancesCommand({ InstanceIds: ['i-0123'] })),
    ).rejects.toThrow(ReadOnlyError);
    expect(requests).toEqual([]);
    expect(
      events.getSnapshot().map((event) => `${event.level} ${event.message}`),
    ).toEqual([
      'warn blocked ec2:TerminateInstances InstanceIds=i-0123: read-only: ec2:TerminateInstances was not sent (started with --read-only)',
    ]);
    await created.send(new DescribeRegionsCommand({}));
    expect(requests).toEqual(['DescribeRegions']);
    created.destroy();
  });

  it('records every write call with its targets when writes are allowed', async () => {
    requests = [];
    const { created, events } = client(false);
    // The fake answers every call as DescribeRegions; the response shape does not matter here.
    await created
      .send(
        new RunInstancesCommand({
          ImageId: 'ami-1',
          MinCount: 1,
          MaxCount: 1,
          DryRun: true,
        }),
      )
      .catch(() => undefined);
    expect(requests).toEqual(['RunInstances']);
    const messages = events.getSnapshot().map((event) => event.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^ec2:RunInstances ImageId=ami-1 \(dry run\): /,
    );
    created.destroy();
  });

  it('logs a dry run as information, and an allowed one is no error', async () => {
    requests = [];
    const { created, events } = client(false);
    await expect(
      created.send(
        new TerminateInstancesCommand({
          InstanceIds: ['i-0123'],
          DryRun: true,
        }),
      ),
    ).rejects.toThrow(/DryRun/);
    expect(
      events.getSnapshot().map((event) => `${event.level} ${event.message}`),
    ).toEqual([
      'info ec2:TerminateInstances InstanceIds=i-0123 (dry run): would be allowed',
    ]);
    created.destroy();
  });
});
