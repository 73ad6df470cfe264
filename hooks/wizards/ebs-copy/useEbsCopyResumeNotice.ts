import { useEffect, useRef } from 'react';
import type { StatusLevel } from '../../../source/shell/shell-state.js';
import type { Session } from '../../../source/session/session.js';

/**
 * At start, an unfinished region copy (a crash, a lost SSH session, a
 * cancel) is announced in the status line with how to resume it. Once per
 * console, and without waiting for it: the start is never held up.
 */
export function useEbsCopyResumeNotice(
  session: Session,
  report: (level: StatusLevel, source: string, text: string) => void,
): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    session.services.ebsCopy.runs().then(
      (runs) => {
        const open = runs.filter((run) => run.state !== 'done');
        const [first] = open;
        if (first === undefined) return;
        const more = open.length > 1 ? ` (+${open.length - 1} more)` : '';
        report(
          'warn',
          'ebs-copy',
          // The way to resume first: a narrow status line cuts the end.
          `region copy ${first.runId} unfinished: :migrations, r resumes it (${first.stepsDone}/${first.stepsTotal} steps, ${first.source.id} to ${first.targetRegion})${more}`,
        );
      },
      // No journal directory yet, or an unreadable one: nothing to say at start.
      () => undefined,
    );
  }, [session, report]);
}
