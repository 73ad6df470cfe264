import { Box, Text } from 'ink';
import { createElement, useEffect, useMemo, useState } from 'react';
import { useAppDeps } from '../../hooks/context/app-context.js';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useStore } from '../../hooks/context/useStore.js';
import { detailLines } from '../../source/shell/detail-lines.js';
import { helpLines } from '../../source/shell/help-lines.js';
import { findPane } from '../../source/shell/pane-catalog.js';
import type { View } from '../../source/shell/shell-state.js';
import { hasPane, loadedPane, loadPane } from './pane-registry.js';
import { ScrollView } from '../widgets/ScrollView.js';
import { useTheme } from '../theme.js';
import { safeLine } from '../../source/lib/terminal-text.js';

/** From this width the help is laid out in two columns. */
const WIDE_HELP = 160;

export interface ViewHostProps {
  readonly view: View;
  /** The pane under a help overlay, for its own keys. */
  readonly paneUnder: string | undefined;
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
}

/** Shows the view on top of the stack: a pane, a detail view or the help. */
export function ViewHost({
  view,
  paneUnder,
  height,
  width,
  isActive,
}: ViewHostProps) {
  const shell = useShellApi();
  const { keymap } = useAppDeps();
  const theme = useTheme();
  const keysNow = useStore(shell.keysNow);
  const paneName = view.kind === 'pane' ? view.pane : undefined;
  // Set when a pane's code arrives, to render it; its value is not read.
  const [, setArrived] = useState<string>();
  const [loadFailure, setLoadFailure] = useState<string>();
  useEffect(() => {
    if (paneName === undefined || loadedPane(paneName)) return;
    let current = true;
    loadPane(paneName)?.then(
      () => {
        if (current) setArrived(paneName);
      },
      (error: unknown) => {
        if (current)
          setLoadFailure(
            `cannot load the ${paneName} pane: ${(error as Error).message}`,
          );
      },
    );
    return () => {
      current = false;
    };
  }, [paneName]);
  const lines = useMemo(() => {
    if (view.kind === 'help') {
      return helpLines(
        keymap,
        theme.keys,
        paneUnder ? `pane:${paneUnder}` : undefined,
        // The scroll view's own column, less a margin for its scroll mark.
        Math.floor(width / (width >= WIDE_HELP ? 2 : 1)) - 2,
        keysNow,
      ).map((line) => ({
        text: line.text,
        bold: line.heading ?? false,
        ...(line.heading ? { tone: 'accent' as const } : {}),
      }));
    }
    if (view.kind === 'detail') {
      return detailLines(view.sections, width).map((line) => ({
        text: line.text,
        bold: line.heading ?? false,
        ...(line.heading ? { tone: 'accent' as const } : {}),
      }));
    }
    return [];
  }, [view, keymap, theme.keys, paneUnder, width, keysNow]);

  if (view.kind === 'help')
    return (
      <ScrollView
        title="Help (Esc closes)"
        lines={lines}
        height={height}
        width={width}
        isActive={isActive}
        columns={width >= WIDE_HELP ? 2 : 1}
      />
    );
  if (view.kind === 'detail')
    return (
      <ScrollView
        title={`${view.title} (Esc back)`}
        lines={lines}
        height={height}
        width={width}
        isActive={isActive}
      />
    );

  const Pane = loadedPane(view.pane);
  const info = findPane(view.pane);
  if (!info || !hasPane(view.pane)) {
    return (
      <Box height={height}>
        <Text
          color={theme.tone('error')}
        >{`no pane named ${safeLine(view.pane)}`}</Text>
      </Box>
    );
  }
  if (!Pane)
    return (
      <Box height={height}>
        <Text color={theme.tone(loadFailure ? 'error' : 'muted')}>
          {safeLine(loadFailure ?? `loading ${info.title}...`)}
        </Text>
      </Box>
    );
  // Keyed by session: a profile or region switch remounts the pane empty.
  // The registry's components are module-level and stable once loaded.
  return createElement(Pane, {
    key: `${shell.session.id}:${view.pane}:${view.at ?? ''}`,
    title: info.title,
    height,
    width,
    isActive,
    filter: shell.state.filters[view.pane] ?? '',
    ...(view.at === undefined ? {} : { at: view.at }),
  });
}
