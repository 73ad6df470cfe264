/**
 * Where opsdeck keeps its files, following the XDG base directories.
 * env-paths knows each platform's defaults; an XDG variable in `env` wins.
 */
import envPaths from 'env-paths';
import { dirname, join } from 'node:path';

const paths = envPaths('opsdeck', { suffix: '' });

/** OPSDECK_CONFIG overrides the path, for tests and for several setups side by side. */
export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env['OPSDECK_CONFIG'] ??
    join(
      env['XDG_CONFIG_HOME'] ?? dirname(paths.config),
      'opsdeck',
      'config.yaml',
    )
  );
}

/** XDG_STATE_HOME/opsdeck: event log, journals, history. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env['OPSDECK_STATE_DIR'] ??
    join(env['XDG_STATE_HOME'] ?? dirname(paths.log), 'opsdeck')
  );
}
