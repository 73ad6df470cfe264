import { readFileSync } from 'node:fs';

/** The version in package.json, found from source/ (tests) or dist/source/ (installed). */
export function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const text = readFileSync(new URL(relative, import.meta.url), 'utf8');
      const parsed = JSON.parse(text) as { name?: string; version?: string };
      if (parsed.name === 'opsdeck' && parsed.version) return parsed.version;
    } catch {
      // Try the next location.
    }
  }
  return '0.0.0';
}
