/**
 * What the console's thread and the instance-page worker say to each other:
 * one page request, its rows or its error, and a cancel. Errors cross as
 * their identifying fields and are rebuilt on the console's side, where
 * toEc2Error turns them into messages as for any other call.
 */
import type { InstanceRow } from '../types.js';

/** The session's keys, resolved by the console's credential chain. */
export interface WireCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
  readonly expiration?: Date | undefined;
}

export interface PageRequest {
  readonly region: string;
  readonly endpoint: string | undefined;
  readonly maxAttempts: number;
  readonly pageSize: number;
  readonly cursor: string | undefined;
  readonly credentials: WireCredentials;
}

/** The fields of an SDK or socket error that error mapping reads. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly Code?: string | undefined;
  readonly code?: string | undefined;
  readonly status?: number | undefined;
}

export type ToWorker =
  | {
      readonly kind: 'page';
      readonly id: number;
      readonly request: PageRequest;
    }
  | { readonly kind: 'cancel'; readonly id: number };

export type FromWorker =
  | {
      readonly kind: 'rows';
      readonly id: number;
      readonly rows: readonly InstanceRow[];
      readonly next: string | undefined;
    }
  | { readonly kind: 'error'; readonly id: number; readonly error: WireError }
  | { readonly kind: 'warn'; readonly text: string };

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

export function toWireError(error: unknown): WireError {
  const record =
    error !== null && typeof error === 'object'
      ? (error as Record<string, unknown>)
      : {};
  const metadata = record['$metadata'] as
    { httpStatusCode?: unknown } | undefined;
  const status = metadata?.httpStatusCode;
  return {
    name: text(record['name']) ?? 'Error',
    message: error instanceof Error ? error.message : String(error),
    Code: text(record['Code']),
    code: text(record['code']),
    status: typeof status === 'number' ? status : undefined,
  };
}

export function fromWireError(wire: WireError): Error {
  const error = new Error(wire.message);
  error.name = wire.name;
  return Object.assign(error, {
    ...(wire.Code === undefined ? {} : { Code: wire.Code }),
    ...(wire.code === undefined ? {} : { code: wire.code }),
    $metadata: { httpStatusCode: wire.status },
  });
}
