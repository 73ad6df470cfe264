import { Box, Text } from 'ink';
import { useAppDeps } from '../../hooks/context/app-context.js';
import { useShellApi } from '../../hooks/context/shell-context.js';
import type { Dialog } from '../../hooks/shell/useDialogs.js';
import { useStore } from '../../hooks/context/useStore.js';
import { useTerminalSize } from '../../hooks/input/useTerminalSize.js';
import { KNOWN_REGIONS } from '../../source/aws/region-names.js';
import { liveScopes } from '../../source/keymap/live-scopes.js';
import { findPane } from '../../source/shell/pane-catalog.js';
import {
  currentView,
  type StatusLevel,
  type View,
} from '../../source/shell/shell-state.js';
import { statusLines } from '../../source/shell/status-lines.js';
import type { Glyphs } from '../../source/lib/charset.js';
import { CommandLine } from './CommandLine.js';
import { DialogHost } from '../dialogs/DialogHost.js';
import { bannerHeight, CredentialsBanner } from './CredentialsBanner.js';
import { FilterLine } from './FilterLine.js';
import { Footer, type FooterDialog } from './Footer.js';
import { Header } from './Header.js';
import { JobStrip, jobStripHeight } from './JobStrip.js';
import { StatusLine } from './StatusLine.js';
import { useTheme } from '../theme.js';
import { ViewHost } from './ViewHost.js';

const MIN_COLUMNS = 40;
const MIN_ROWS = 10;
const REGION_CODES = Object.keys(KNOWN_REGIONS);

export interface ShellLayoutProps {
  readonly profileLabel: string;
  readonly dialog: Dialog | null;
  readonly history: readonly string[];
  readonly profileNames: readonly string[];
  readonly onCommand: (text: string) => void;
}

/**
 * Header, view, jobs, status or prompt, footer. The frame is one row shorter
 * than the terminal: a frame as tall as the screen makes Ink redraw it all.
 */
export function ShellLayout({
  profileLabel,
  dialog,
  history,
  profileNames,
  onCommand,
}: ShellLayoutProps) {
  const deps = useAppDeps();
  const shell = useShellApi();
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  const jobs = useStore(deps.jobs);
  const keysNow = useStore(shell.keysNow);
  const { state, session, identity } = shell;
  const view = currentView(state);
  const pane = view.kind === 'pane' ? view.pane : undefined;

  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return (
      <Text
        color={theme.tone('warn')}
      >{`opsdeck needs ${MIN_COLUMNS}x${MIN_ROWS} or more (now ${columns}x${rows}); q quits`}</Text>
    );
  }

  const frameRows = rows - 1;
  const width = columns;
  const banner = bannerHeight(identity);
  const jobRows = jobStripHeight(jobs);
  // A long message takes its second row (and an error more) from the view,
  // never from beyond the screen: the frame's height stays the same.
  const status = state.status;
  const statusText =
    status && !state.prompt
      ? statusLines(status.text, {
          level: status.level,
          glyph: statusGlyph(status.level, theme.glyphs),
          width,
          maxLines: frameRows - 5 - banner - jobRows,
          ellipsis: theme.glyphs.ellipsis,
          more: `${theme.keys.key(deps.keymap.binding('shell.log')?.keys[0] ?? '!')} shows all`,
        })
      : [];
  const statusRows = Math.max(1, statusText.length);
  const viewHeight = Math.max(3, frameRows - 2 - statusRows - banner - jobRows);
  const scopes = liveScopes(
    dialog
      ? { kind: 'dialog' }
      : state.prompt
        ? { kind: 'prompt' }
        : pane
          ? { kind: 'pane', pane, keys: findPane(pane)?.keys ?? 'table' }
          : { kind: 'view' },
  );
  const paneUnder = [...state.views]
    .reverse()
    .find(
      (entry): entry is Extract<View, { kind: 'pane' }> =>
        entry.kind === 'pane',
    );

  return (
    <Box flexDirection="column" width={width} height={frameRows}>
      <Header
        settings={session.settings}
        profileLabel={profileLabel}
        identity={identity}
        width={width}
      />
      <CredentialsBanner identity={identity} width={width} />
      <Box height={viewHeight} flexDirection="column" overflow="hidden">
        {dialog ? (
          <DialogHost dialog={dialog} width={width} height={viewHeight} />
        ) : null}
        {/* Hidden, not unmounted, under a dialog, a detail view or the help:
            the pane keeps its cursor, marks and data for when the user comes back. */}
        <Box display={dialog ? 'none' : 'flex'} flexDirection="column">
          {paneUnder ? (
            <Box
              display={view.kind === 'pane' ? 'flex' : 'none'}
              flexDirection="column"
            >
              <ViewHost
                view={paneUnder}
                paneUnder={undefined}
                height={viewHeight}
                width={width}
                isActive={view.kind === 'pane' && !dialog && !state.prompt}
              />
            </Box>
          ) : null}
          {view.kind === 'pane' ? null : (
            <ViewHost
              view={view}
              paneUnder={paneUnder?.pane}
              height={viewHeight}
              width={width}
              isActive={!dialog && !state.prompt}
            />
          )}
        </Box>
      </Box>
      <JobStrip jobs={jobs} width={width} />
      {state.prompt?.kind === 'command' ? (
        <CommandLine
          width={width}
          history={history}
          completion={{ profiles: profileNames, regions: REGION_CODES }}
          onRun={onCommand}
          onCancel={() => shell.closePrompt()}
        />
      ) : state.prompt?.kind === 'filter' ? (
        <FilterLine
          value={pane ? (state.filters[pane] ?? '') : ''}
          width={width}
          onChange={shell.setFilter}
          onAccept={() => shell.closePrompt()}
          onCancel={() => shell.closePrompt(true)}
        />
      ) : (
        <StatusLine status={status} lines={statusText} />
      )}
      <Footer
        dialog={footerDialog(dialog)}
        scopes={scopes}
        width={width}
        openLabel={pane ? findPane(pane)?.openLabel : undefined}
        readOnly={session.settings.readOnly}
        keysNow={keysNow}
      />
    </Box>
  );
}

function statusGlyph(level: StatusLevel, glyphs: Glyphs): string {
  return level === 'error'
    ? glyphs.error
    : level === 'warn'
      ? glyphs.warn
      : glyphs.info;
}

function footerDialog(dialog: Dialog | null): FooterDialog | undefined {
  if (!dialog) return undefined;
  if (dialog.kind === 'confirm')
    return dialog.request.level === 'typed' ? 'typed' : 'buttons';
  return dialog.kind;
}
