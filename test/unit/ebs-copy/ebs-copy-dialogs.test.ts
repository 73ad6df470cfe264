/** What the region-copy wizard and the shell ask before they act. */
import { describe, expect, it } from 'vitest';
import { quitRequest } from '../../../source/shell/shell-dialogs.js';
import {
  deleteLeftoverRequest,
  startCopyRequest,
} from '../../../source/wizards/ebs-copy/views/dialogs.js';

describe('the region copy confirmations', () => {
  it('lists every resource the plan creates and the warnings to acknowledge', () => {
    const request = startCopyRequest({
      request: {
        source: { kind: 'volume', id: 'vol-1', region: 'us-east-1' },
        target: { region: 'eu-west-1', encryption: { mode: 'keep' } },
        tags: { mode: 'all' },
      },
      preflight: {
        account: '123456789012',
        facts: undefined,
        ok: true,
        problems: [
          { severity: 'warning', code: 'w', message: 'unencrypted', fix: '' },
          { severity: 'info', code: 'n', message: 'a note', fix: '' },
        ],
      },
      plan: [
        {
          id: 'snapshot-source',
          title: 'snapshot the source',
          region: 'us-east-1',
          creates: [
            {
              type: 'snapshot',
              region: 'us-east-1',
              intermediate: true,
              note: '',
            },
          ],
        },
        {
          id: 'create-volume',
          title: 'create the volume',
          region: 'eu-west-1',
          creates: [
            {
              type: 'volume',
              region: 'eu-west-1',
              intermediate: false,
              note: '',
            },
          ],
        },
      ],
    });
    expect(request.level).toBe('yes-no');
    expect(request.title).toBe('Copy vol-1 to eu-west-1: 2 new resources');
    expect(request.targets).toEqual([
      'snapshot in us-east-1 (intermediate)',
      'volume in eu-west-1',
    ]);
    expect(request.warnings).toEqual([
      'Acknowledge: unencrypted',
      'They cost money until removed. Nothing is deleted.',
    ]);
  });

  it('asks for the ID of each leftover before deleting it', () => {
    const request = deleteLeftoverRequest(
      {
        type: 'snapshot',
        id: 'snap-9',
        region: 'us-east-1',
        intermediate: true,
      },
      'run-1',
    );
    expect(request.level).toBe('typed');
    expect(request.expected).toBe('snap-9');
    expect(request.targets).toEqual(['snapshot snap-9, made by run run-1']);
  });

  it('names every running job before quitting', () => {
    expect(quitRequest(['sync a', 'dump b']).title).toBe(
      '2 jobs are still running',
    );
    expect(quitRequest(['sync a']).title).toBe('1 job is still running');
    expect(quitRequest(['sync a']).targets).toEqual(['sync a']);
  });
});
