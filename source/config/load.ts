/**
 * Reads the config file. A missing file means defaults; a broken one gives
 * messages that name the file, the line or the field, and never throws.
 */
import { readFile } from 'node:fs/promises';
import type { Config } from './schema.js';
import { defaultConfig } from './defaults.js';

export interface LoadedConfig {
  readonly path: string;
  readonly config: Config;
  /** Empty when the file is absent or valid. */
  readonly problems: readonly string[];
  readonly exists: boolean;
}

export async function loadConfig(path: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { path, config: defaultConfig(), problems: [], exists: false };
    }
    return {
      path,
      config: defaultConfig(),
      problems: [`${path}: cannot read: ${(error as Error).message}`],
      exists: true,
    };
  }
  return { ...(await parseConfig(text, path)), exists: true };
}

export async function parseConfig(
  text: string,
  path: string,
): Promise<Omit<LoadedConfig, 'exists'>> {
  // yaml and zod load only when there is a file to read.
  // yaml is CommonJS: import() gives its exports as `default`, bundled or not.
  const [{ default: yaml }, { configSchema }] = await Promise.all([
    import('yaml'),
    import('./schema.js'),
  ]);
  const { parseDocument } = yaml;
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const position = error.linePos?.[0];
      const where = position ? `:${position.line}:${position.col}` : '';
      // The message ends with " at line L, column C:" and a code excerpt; the position is in front already.
      const message = (error.message.split('\n')[0] ?? error.message).replace(
        / at line \d+, column \d+:?$/,
        '',
      );
      return `${path}${where}: ${message}`;
    });
    return { path, config: defaultConfig(), problems };
  }
  let raw: unknown;
  try {
    // Aliases expanded past yaml's limit (a "billion laughs") throw here.
    raw = document.toJS() ?? {};
  } catch (error) {
    return {
      path,
      config: defaultConfig(),
      problems: [`${path}: ${(error as Error).message}`],
    };
  }
  const result = configSchema.safeParse(raw);
  if (result.success) return { path, config: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys
        .map((key) => (field ? `${field}.${key}` : key))
        .join(', ');
      return `${path}: unknown field ${keys}`;
    }
    return `${path}: ${field || '(top level)'}: ${issue.message}`;
  });
  return { path, config: defaultConfig(), problems };
}
