import { Box, Text } from 'ink';
import { Component, type ReactNode } from 'react';
import { safeLine } from '../../source/lib/terminal-text.js';

export interface ErrorBoundaryProps {
  readonly children: ReactNode;
  /** Called once with the error; the composition root exits non-zero. */
  readonly onFatal: (error: Error) => void;
}

interface State {
  readonly error: Error | undefined;
}

/** A bug in a component shows a plain panel and ends the process, never a half-drawn screen. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    this.props.onFatal(error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Box flexDirection="column">
        <Text color="red" bold>
          opsdeck hit a bug and stopped: {safeLine(this.state.error.message)}
        </Text>
        <Text>
          Nothing was written after this point. The event log file holds what
          ran before.
        </Text>
      </Box>
    );
  }
}
