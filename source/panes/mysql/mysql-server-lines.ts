/** The server view's figures as a few lines. Pure. */
import type { Glyphs } from '../../lib/charset.js';
import { fitCell } from '../../lib/fit-cell.js';
import { safeLine } from '../../lib/terminal-text.js';
import type { ServerSummary } from '../../mysql/admin/server-status.js';
import { formatBytes, formatUptime } from './mysql-format.js';

export function serverLines(
  summary: ServerSummary | undefined,
  width: number,
  glyphs: Glyphs,
): string[] {
  if (!summary) return [`reading server status${glyphs.ellipsis}`];
  const dot = ` ${glyphs.dot} `;
  const pool = summary.bufferPool
    ? `buffer pool ${formatBytes(summary.bufferPool.bytes)}, ${Math.round(summary.bufferPool.usedFraction * 100)}% used`
    : 'no InnoDB buffer pool';
  const qps =
    summary.queriesPerSecond === undefined
      ? 'QPS: next sample'
      : `QPS ${summary.queriesPerSecond.toFixed(1)}`;
  const lines = [
    `${summary.flavour} ${summary.version}${dot}up ${formatUptime(summary.uptimeSeconds)}${dot}${qps}`,
    `connections ${summary.connections.current}/${summary.connections.max} (max used ${summary.connections.maxUsed}, ${summary.connections.total} since start)${dot}threads running ${summary.threadsRunning}`,
    `${pool}${dot}binary log ${summary.binaryLog.enabled ? `${summary.binaryLog.file ?? ''}:${summary.binaryLog.position ?? ''}` : 'off'}`,
  ];
  const replica = summary.replica;
  if (replica)
    lines.push(
      `replica of ${replica.source}: IO ${replica.ioRunning}, SQL ${replica.sqlRunning}, ${replica.secondsBehind === null ? 'lag unknown' : `${replica.secondsBehind}s behind`}${replica.lastError ? `, error: ${replica.lastError}` : ''}`,
    );
  // The version, the replica's source and its error come from the server.
  return lines
    .map(safeLine)
    .map((line) =>
      line.length > width
        ? fitCell(line, width, { ellipsis: glyphs.ellipsis })
        : line,
    );
}
