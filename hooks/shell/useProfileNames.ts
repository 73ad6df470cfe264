import { useEffect, useState } from 'react';
import { describeError } from '../../source/lib/errors.js';
import type { StatusLevel } from '../../source/shell/shell-state.js';
import { useAppDeps } from '../context/app-context.js';

/** Profile names for completion and checks; undefined until read. Re-read on refresh. */
export function useProfileNames(
  refreshToken: number,
  report: (level: StatusLevel, source: string, text: string) => void,
): readonly string[] | undefined {
  const { profiles } = useAppDeps();
  const [names, setNames] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    profiles.listProfiles().then(
      (rows) => setNames(rows.map((row) => row.name)),
      (error: unknown) =>
        report(
          'warn',
          'profiles',
          `cannot read AWS profiles: ${describeError(error)}`,
        ),
    );
  }, [profiles, refreshToken, report]);
  return names;
}
