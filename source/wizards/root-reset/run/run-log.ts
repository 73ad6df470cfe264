/** Reads the reset script's log: `@@` lines are events, the rest is remote output. */
import type { RemoteOutcome, RunEvent, StepId, StepStatus } from '../types.js';

export interface RunLog {
  /** Feeds raw output; returns the events of the complete lines. */
  readonly push: (chunk: string) => RunEvent[];
  /** Ends the input; the outcome, or undefined when the log never ended. */
  readonly end: () => RunEvent[];
  readonly work: () => string | undefined;
  readonly outcome: () => RemoteOutcome | undefined;
  readonly lines: () => readonly string[];
}

export function createRunLog(): RunLog {
  let buffer = '';
  let work: string | undefined;
  let outcome: RemoteOutcome | undefined;
  const lines: string[] = [];
  const partial: {
    failedStep?: StepId;
    error?: string;
    serverState?: RemoteOutcome['serverState'];
    password?: RemoteOutcome['password'];
    socketLogin?: boolean;
    left: string[];
  } = { left: [] };
  let current: StepId | undefined;

  const line = (text: string): RunEvent[] => {
    if (!text.startsWith('@@')) {
      lines.push(text);
      return [{ kind: 'output', line: text }];
    }
    const [tag = '', ...rest] = text.slice(2).split(' ');
    const value = rest.join(' ');
    switch (tag) {
      case 'work':
        work = value;
        return [{ kind: 'started', work: value }];
      case 'step': {
        const [id, status = 'running'] = rest as [StepId, StepStatus];
        current = id;
        if (status === 'failed') partial.failedStep = id;
        return [{ kind: 'step', id, status }];
      }
      case 'error':
        partial.error = value;
        lines.push(`error: ${value}`);
        return current
          ? [{ kind: 'step', id: current, status: 'running', detail: value }]
          : [];
      case 'target':
        return [];
      case 'state':
        partial.serverState =
          value === 'running'
            ? 'running'
            : value === 'stopped'
              ? 'stopped'
              : 'unknown';
        return [];
      case 'password':
        partial.password =
          value === 'new' ? 'new' : value === 'old' ? 'old' : 'unknown';
        return [];
      case 'socket':
        partial.socketLogin = value === 'yes';
        return [];
      case 'left':
        partial.left.push(value);
        return [];
      case 'end':
        outcome = {
          ok: value === 'ok',
          failedStep: partial.failedStep,
          error: partial.error,
          serverState: partial.serverState ?? 'unknown',
          password: partial.password ?? 'unknown',
          socketLogin: partial.socketLogin,
          leftFiles: partial.left,
        };
        return [{ kind: 'finished', outcome }];
      default:
        lines.push(text);
        return [{ kind: 'output', line: text }];
    }
  };

  return {
    push(chunk) {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      return parts.flatMap(line);
    },
    end() {
      const rest = buffer;
      buffer = '';
      return rest ? line(rest) : [];
    },
    work: () => work,
    outcome: () => outcome,
    lines: () => lines,
  };
}
