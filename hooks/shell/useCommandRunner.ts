import { useCallback } from 'react';
import { isRegionCode } from '../../source/aws/region-names.js';
import { parseCommand } from '../../source/shell/command-line.js';

export interface CommandTargets {
  readonly openPane: (pane: string, filter?: string) => void;
  readonly switchProfile: (profile: string) => void;
  readonly switchRegion: (region: string) => void;
  readonly showHelp: () => void;
  readonly showWhoAmI: () => void;
  readonly requestQuit: () => void;
  readonly warn: (text: string) => void;
  /** Known profile names, when loaded; undefined skips the check. */
  readonly profileNames: readonly string[] | undefined;
}

/** Runs a `:` command line against the shell. */
export function useCommandRunner(
  targets: CommandTargets,
): (text: string) => void {
  return useCallback(
    (text: string) => {
      const parsed = parseCommand(text);
      switch (parsed.kind) {
        case 'empty':
          return;
        case 'pane':
          return targets.openPane(parsed.pane, parsed.filter);
        case 'profile':
          if (parsed.name === undefined) return targets.openPane('profiles');
          if (
            targets.profileNames &&
            !targets.profileNames.includes(parsed.name)
          ) {
            return targets.warn(
              `no profile ${parsed.name} in ~/.aws/config or ~/.aws/credentials (:profile lists them)`,
            );
          }
          return targets.switchProfile(parsed.name);
        case 'region':
          if (parsed.name === undefined) return targets.openPane('regions');
          if (!isRegionCode(parsed.name))
            return targets.warn(
              `${parsed.name} is not a region code (like eu-west-1); :region lists them`,
            );
          return targets.switchRegion(parsed.name);
        case 'help':
          return targets.showHelp();
        case 'whoami':
          return targets.showWhoAmI();
        case 'quit':
          return targets.requestQuit();
        case 'unknown':
          return targets.warn(
            `unknown command :${parsed.word}${parsed.suggestion ? `, did you mean :${parsed.suggestion}?` : ''}`,
          );
      }
    },
    [targets],
  );
}
