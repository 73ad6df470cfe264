/** --freeze's mount check against mount tables as /proc/self/mounts writes them. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLocalMounts } from '../../../source/consistency/local-mounts.js';

const TABLE = [
  '/dev/nvme0n1p1 / ext4 rw,relatime 0 0',
  '/dev/nvme1n1 /var/lib/mysql xfs rw,noatime 0 0',
  '/dev/nvme2n1 /srv/my\\040data ext4 rw 0 0',
  'fs-1.efs:/ /mnt/shared nfs4 rw,vers=4.1 0 0',
  'tmpfs /run tmpfs rw 0 0',
].join('\n');

function mounts(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'opsdeck-mounts-')), 'mounts');
  writeFileSync(file, TABLE);
  return file;
}

describe('local mounts for --freeze', () => {
  it('accepts local disks, also with a trailing slash and an escaped space', async () => {
    await expect(
      checkLocalMounts(['/', '/var/lib/mysql/', '/srv/my data'], mounts()),
    ).resolves.toBeUndefined();
  });

  it('refuses a network file system, naming its type', async () => {
    await expect(checkLocalMounts(['/mnt/shared'], mounts())).rejects.toThrow(
      '--freeze /mnt/shared: a nfs4 file system is not a local disk of this instance',
    );
  });

  it('refuses a directory that is not a mount point', async () => {
    await expect(checkLocalMounts(['/var/lib'], mounts())).rejects.toThrow(
      '--freeze /var/lib: not a mount point on this host',
    );
  });
});
