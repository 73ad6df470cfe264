import { inject } from 'vitest';
import type { LabInfo } from './lab-info.js';

/** The lab part, or undefined with the reason it is missing (for describe.skipIf titles). */
export function labPart<K extends 'moto' | 'mariadb' | 'sshd'>(
  part: K,
): { info: LabInfo[K]; missing: string } {
  const lab = inject('lab');
  const info = lab[part];
  const reason =
    lab.skipped.find((skip) => skip.part === part)?.reason ?? 'not started';
  return { info, missing: info === undefined ? ` (skipped: ${reason})` : '' };
}
