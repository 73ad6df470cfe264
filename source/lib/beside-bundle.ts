/**
 * A file shipped beside the code (the lab's moto launcher, the instance-page
 * worker): next to the calling module in source/, or in dist/ beside the
 * bundle when the caller was bundled into one of its chunks.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The first of `<module dir>/name` and `<module dir>/../name` that exists. */
export function fileBesideBundle(
  name: string,
  moduleUrl: string,
): string | undefined {
  const here = fileURLToPath(new URL('.', moduleUrl));
  return [join(here, name), join(here, '..', name)].find((path) =>
    existsSync(path),
  );
}
