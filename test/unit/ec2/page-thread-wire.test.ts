/**
 * An error that crossed from the page worker reads as the original would:
 * the same message and hint after toEc2Error, for service errors, socket
 * errors, throttling and cancellation.
 */
import { describe, expect, it } from 'vitest';
import { toEc2Error } from '../../../source/aws/ec2/ec2-errors.js';
import {
  fromWireError,
  toWireError,
} from '../../../source/aws/ec2/page-thread/wire.js';
import { describeError, isAbortError } from '../../../source/lib/errors.js';

const context = {
  profile: 'prod',
  endpoint: undefined,
  region: 'eu-west-1',
  action: 'ec2:DescribeInstances',
};

function serviceError(name: string, message: string, status: number) {
  return Object.assign(new Error(message), {
    name,
    Code: name,
    $fault: 'client',
    $metadata: { httpStatusCode: status, requestId: 'r-1' },
  });
}

const socketError = Object.assign(
  new Error('connect ECONNREFUSED 10.0.0.1:443'),
  { code: 'ECONNREFUSED' },
);
const abort = Object.assign(new Error('Request aborted'), {
  name: 'AbortError',
});

describe('page worker errors', () => {
  it.each([
    [
      'denied',
      serviceError(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation.',
        403,
      ),
    ],
    ['expired', serviceError('RequestExpired', 'Request has expired.', 400)],
    [
      'throttled',
      serviceError('RequestLimitExceeded', 'Request limit exceeded.', 503),
    ],
    [
      'bad token',
      serviceError('InvalidPaginationToken', 'The token abc is invalid', 400),
    ],
    ['socket', socketError],
  ])('%s: the same message and hint as the original', (_, original) => {
    const crossed = fromWireError(structuredClone(toWireError(original)));
    const before = toEc2Error(original, context);
    const after = toEc2Error(crossed, context);
    expect(describeError(after)).toBe(describeError(before));
    expect(after.hint).toBe(before.hint);
    expect(describeError(after)).not.toBe('');
  });

  it('keeps a cancellation a cancellation', () => {
    const crossed = fromWireError(structuredClone(toWireError(abort)));
    expect(isAbortError(crossed)).toBe(true);
  });

  it('carries no request input across', () => {
    const original = Object.assign(serviceError('X', 'boom', 500), {
      $response: { body: 'secret-bearing body' },
      input: { NextToken: 'tok' },
    });
    expect(JSON.stringify(toWireError(original))).not.toMatch(/secret|tok/);
  });
});
