import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built opsdeck binary; end-to-end tests run what users run. */
export function builtCli(): string {
  const path = fileURLToPath(new URL('../../dist/opsdeck.js', import.meta.url));
  if (!existsSync(path))
    throw new Error(
      `${path} is missing: run npm run build first (npm test does)`,
    );
  return path;
}
