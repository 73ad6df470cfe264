/** snapshot-all for console tests: records each request, answers a plan or a run with one old snapshot to delete. */
import type {
  SnapshotAllRequest,
  SnapshotAllService,
} from '../../../source/aws/ec2/snapshot-all/snapshot-all.js';

export interface FakeSnapshotAll {
  readonly service: SnapshotAllService;
  readonly requests: SnapshotAllRequest[];
}

export function createFakeSnapshotAll(): FakeSnapshotAll {
  const requests: SnapshotAllRequest[] = [];
  return {
    requests,
    service: {
      run: (request) => {
        requests.push(request);
        const old = {
          snapshotId: 'snap-0000000000000d001',
          volumeId: 'vol-0aaaaaaaaaaaaaaa1',
          made: new Date('2026-11-01T03:00:00.000Z'),
        };
        return Promise.resolve({
          at: '2026-12-06T04:00:00.000Z',
          dryRun: request.dryRun,
          instances: [
            {
              instanceId:
                'instanceId' in request.selector
                  ? request.selector.instanceId
                  : '',
              name: '',
              volumes: [],
              snapshots: request.dryRun
                ? []
                : [
                    {
                      snapshotId: 'snap-0000000000000aa01',
                      volumeId: old.volumeId,
                      device: '/dev/xvda',
                    },
                  ],
            },
          ],
          deleted: [old],
          keptForImages: [
            {
              ...old,
              snapshotId: 'snap-0000000000000d002',
              imageId: 'ami-0golden',
              imageName: 'golden',
            },
          ],
          failures: [],
        });
      },
    },
  };
}
