/** The lab's description, handed from the global setup to the test files. */
import type { LabDescription } from '../../source/lab/lab-info.js';

export type LabInfo = LabDescription;

declare module 'vitest' {
  export interface ProvidedContext {
    lab: LabDescription;
  }
}
