/** A fresh mocked world and journal directory for every test of a file. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createWorld } from './ebs-copy-world.js';

export interface WorldSpace {
  readonly world: ReturnType<typeof createWorld>;
  readonly dir: string;
  /** A new world in the same test, as after a restart: the old one's mocks end. */
  readonly renew: () => void;
}

export function useWorld(label: string): WorldSpace {
  let world: ReturnType<typeof createWorld> | undefined;
  let dir = '';
  const end = () => {
    world?.mocks.ec2.restore();
    world?.mocks.sts.restore();
  };
  beforeEach(async () => {
    world = createWorld();
    dir = await mkdtemp(join(tmpdir(), `opsdeck-${label}-`));
  });
  afterEach(async () => {
    end();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get world() {
      if (!world) throw new Error('useWorld: no test is running');
      return world;
    },
    get dir() {
      return dir;
    },
    renew() {
      end();
      world = createWorld();
    },
  };
}
