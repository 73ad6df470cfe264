/**
 * Whether a path is a local mount point of this host, from /proc/self/mounts:
 * fsfreeze on a network file system freezes nothing that matters (the server
 * keeps writing) or hangs, and a path that is not a mount point would freeze
 * whatever file system it happens to live on.
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../lib/errors.js';

const NOT_LOCAL =
  /^(nfs4?|cifs|smb3?|smbfs|ceph|glusterfs|9p|afs|lustre|davfs|fuse\.sshfs|fuse\.s3fs|fuse\.glusterfs|virtiofs|proc|sysfs|cgroup2?|devpts|devtmpfs|tmpfs|autofs|overlay)$/;

/** /proc/self/mounts writes space, tab, newline and backslash as octal escapes. */
function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(Number.parseInt(octal, 8)),
  );
}

function mountTable(text: string): Map<string, string> {
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [, mountPoint, type] = line.split(' ');
    if (mountPoint !== undefined && type !== undefined)
      types.set(unescapeMount(mountPoint), type);
  }
  return types;
}

/** Throws, naming the mount and the reason, unless every path is a local mount point. */
export async function checkLocalMounts(
  mounts: readonly string[],
  mountsFile = '/proc/self/mounts',
): Promise<void> {
  let text: string;
  try {
    text = await readFile(mountsFile, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${mountsFile} to check the mounts`, {
      hint: '--freeze works on Linux only',
      cause: error,
    });
  }
  const table = mountTable(text);
  for (const mount of mounts) {
    const normal = mount.length > 1 ? mount.replace(/\/+$/, '') : mount;
    const type = table.get(normal);
    if (type === undefined)
      throw new UserError(`--freeze ${mount}: not a mount point on this host`, {
        hint: 'name the mount point of the file system (see findmnt)',
      });
    if (NOT_LOCAL.test(type))
      throw new UserError(
        `--freeze ${mount}: a ${type} file system is not a local disk of this instance`,
        {
          hint: 'freeze only file systems on the EBS volumes being snapshotted',
        },
      );
  }
}
