import { Text } from 'ink';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface TableStatus {
  readonly loading: boolean;
  readonly refreshing?: boolean;
  /** More pages exist. */
  readonly partial: boolean;
  readonly loadingMore?: boolean;
  readonly note?: string | undefined;
  /** The last refresh failed; the rows are older. */
  readonly error?: string | undefined;
  readonly updatedAt?: number | undefined;
}

export interface TableTitleProps {
  readonly title: string;
  readonly total: number;
  readonly shown: number;
  readonly filter: string;
  readonly filterError: string | undefined;
  readonly marked: number;
  readonly status: TableStatus;
  readonly width: number;
}

function clock(at: number): string {
  return new Date(at).toTimeString().slice(0, 8);
}

/** "Regions (12/38) · filter eu · 2 marked · partial: m for more". */
export function TableTitle({
  title,
  total,
  shown,
  filter,
  filterError,
  marked,
  status,
  width,
}: TableTitleProps) {
  const theme = useTheme();
  const dot = ` ${theme.glyphs.dot} `;
  const more = theme.glyphs.ellipsis;
  const count = filter && shown !== total ? `${shown}/${total}` : String(total);
  const parts = [`${title} (${count}${status.partial ? '+' : ''})`];
  if (filter) parts.push(`filter ${filter}`);
  if (marked > 0) parts.push(`${marked} marked`);
  if (status.loading) parts.push(`loading${more}`);
  else if (status.loadingMore) parts.push(`loading more${more}`);
  else if (status.partial) parts.push('partial: m loads more');
  else if (status.refreshing) parts.push(`refreshing${more}`);
  if (status.note) parts.push(status.note);
  const main = parts.join(dot);
  const problem = filterError
    ? `${theme.glyphs.error} ${filterError}`
    : status.error
      ? `${theme.glyphs.error} refresh failed${status.updatedAt ? `, rows from ${clock(status.updatedAt)}` : ''} (! shows why)`
      : '';
  if (!problem) {
    return (
      <Text bold color={theme.ui.title}>
        {fitCell(main, width, { ellipsis: theme.glyphs.ellipsis })}
      </Text>
    );
  }
  const mainWidth = Math.min(main.length, Math.max(10, Math.floor(width / 2)));
  return (
    <Text>
      <Text bold color={theme.ui.title}>
        {fitCell(main, mainWidth, { ellipsis: theme.glyphs.ellipsis })}
      </Text>
      <Text color={theme.tone('error')}>
        {fitCell(`${dot}${problem}`, width - mainWidth, {
          ellipsis: theme.glyphs.ellipsis,
        })}
      </Text>
    </Text>
  );
}
