/**
 * What the console's thread and the instance-page worker say to each other:
 * one signed page request, and its rows, a decline or a cancellation. The
 * worker declines anything but a plain 200 answer; the caller then asks the
 * SDK on its own thread, which retries and explains errors as for any call.
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
  /** EC2's endpoint for the region, or the one endpoint the session uses. */
  readonly endpoint: string;
  readonly region: string;
  readonly pageSize: number;
  readonly cursor: string | undefined;
  readonly credentials: WireCredentials;
  /** The SDK's correction for a skewed clock, in milliseconds. */
  readonly clockOffset: number;
}

export type ToWorker =
  | {
      readonly kind: 'page';
      readonly id: number;
      readonly request: PageRequest;
    }
  | { readonly kind: 'cancel'; readonly id: number };

/** A row the worker sent before, unchanged since: the console keeps its copy. */
export interface SameRow {
  readonly same: string;
}

export type FromWorker =
  | {
      readonly kind: 'rows';
      readonly id: number;
      readonly region: string;
      readonly rows: readonly (InstanceRow | SameRow)[];
      readonly next: string | undefined;
      /** The worker forgot what it sent: so does the console, before these rows. */
      readonly reset: boolean;
    }
  | { readonly kind: 'declined'; readonly id: number }
  | { readonly kind: 'cancelled'; readonly id: number };
