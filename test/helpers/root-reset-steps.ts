/** The steps each reset method must run, in order: what the tests expect to see done. */
import type { StepId } from '../../source/wizards/root-reset/types.js';

export const INIT_FILE_STEPS: readonly StepId[] = [
  'check',
  'write-init-file',
  'stop-server',
  'start-with-init-file',
  'confirm-login',
  'remove-init-file',
  'restart-normally',
  'check-normal',
];

export const FALLBACK_STEPS: readonly StepId[] = [
  'check',
  'stop-server',
  'start-without-grants',
  'change-without-grants',
  'confirm-login',
  'restart-normally',
  'check-normal',
];
