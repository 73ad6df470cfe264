/**
 * One health check: an HTTP GET that must answer the expected status, or a
 * TCP connect, within a timeout. Each check opens a new connection (no
 * keep-alive), so a server that went away cannot look alive through a
 * socket it opened earlier. The detail is built from numbers and error
 * codes only, never from what the server sent.
 */
import { request } from 'node:http';
import { connect } from 'node:net';

export type CheckSpec =
  | {
      readonly kind: 'http';
      readonly port: number;
      readonly path: string;
      readonly status: number;
    }
  | { readonly kind: 'tcp'; readonly port: number };

export interface CheckTarget {
  readonly host: string;
  readonly port: number;
}

export interface CheckOutcome {
  readonly ok: boolean;
  /** Epoch ms when the check started. */
  readonly at: number;
  readonly millis: number;
  /** "HTTP 200", "HTTP 503, expected 200", "timed out after 2000 ms", "ECONNREFUSED". */
  readonly detail: string;
}

export function runCheck(
  spec: CheckSpec,
  target: CheckTarget,
  timeoutMs: number,
): Promise<CheckOutcome> {
  const at = Date.now();
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (ok: boolean, detail: string, cleanup: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      cleanup();
      resolve({
        ok,
        at,
        millis: Math.round(performance.now() - started),
        detail,
      });
    };
    const failure = (error: Error & { code?: string }, cleanup: () => void) =>
      finish(false, error.code ?? error.message.slice(0, 80), cleanup);
    let cleanup: () => void = () => undefined;
    const timer = setTimeout(() => {
      finish(false, `timed out after ${String(timeoutMs)} ms`, cleanup);
    }, timeoutMs);

    if (spec.kind === 'tcp') {
      const socket = connect({ host: target.host, port: target.port });
      cleanup = () => socket.destroy();
      socket.once('connect', () => finish(true, 'TCP connected', cleanup));
      socket.once('error', (error) => failure(error, cleanup));
      return;
    }
    const call = request({
      host: target.host,
      port: target.port,
      path: spec.path,
      method: 'GET',
      agent: false,
      headers: { Connection: 'close', 'User-Agent': 'opsdeck-failover' },
    });
    cleanup = () => call.destroy();
    call.once('response', (response) => {
      const status = response.statusCode ?? 0;
      response.resume();
      if (status === spec.status)
        finish(true, `HTTP ${String(status)}`, cleanup);
      else
        finish(
          false,
          `HTTP ${String(status)}, expected ${String(spec.status)}`,
          cleanup,
        );
    });
    call.once('error', (error) => failure(error, cleanup));
    call.end();
  });
}
