/**
 * The console's memory of the rows the page worker sent: unchanged rows come
 * back as the same objects, a reset forgets, and a row marked unchanged that
 * the console never saw is refused (the caller then stops using the worker).
 */
import { describe, expect, it } from 'vitest';
import { createKnownRows } from '../../../source/aws/ec2/page-thread/known-rows.js';
import { fakeInstance } from '../../helpers/fakes/fake-ec2.js';

const page = (
  rows: Parameters<ReturnType<typeof createKnownRows>['take']>[0]['rows'],
  reset = false,
  region = 'eu-west-1',
) => ({ kind: 'rows' as const, id: 1, region, rows, next: undefined, reset });

describe('rows the page worker sent before', () => {
  const web = fakeInstance('i-0aaa', 'web', 'running');
  const db = fakeInstance('i-0bbb', 'db', 'running');

  it('gives back the object it has for a row marked unchanged', () => {
    const known = createKnownRows();
    const first = known.take(page([web, db]));
    const second = known.take(
      page([{ same: 'i-0aaa' }, { ...db, state: 'stopped' }]),
    );
    expect(second?.[0]).toBe(first?.[0]);
    expect(second?.[1]).toEqual({ ...db, state: 'stopped' });
    expect(known.take(page([{ same: 'i-0bbb' }]))?.[0]?.state).toBe('stopped');
  });

  it('keeps regions apart and forgets on a reset', () => {
    const known = createKnownRows();
    known.take(page([web]));
    expect(
      known.take(page([{ same: 'i-0aaa' }], false, 'us-east-1')),
    ).toBeUndefined();
    known.take(page([db], true));
    expect(known.take(page([{ same: 'i-0aaa' }]))).toBeUndefined();
    expect(known.take(page([{ same: 'i-0bbb' }]))?.[0]).toEqual(db);
  });
});
