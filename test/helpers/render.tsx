/**
 * The one way component tests render: ink-testing-library at a fixed terminal
 * size, with helpers that wait for a condition or a frame change, never a
 * fixed sleep.
 */
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { stripVTControlCharacters } from 'node:util';

export interface Size {
  readonly columns: number;
  readonly rows: number;
}

export interface Rendered {
  /** The last frame as plain text. */
  frame(): string;
  /** Every frame so far, as plain text. */
  frames(): string[];
  /** Types keys, then waits until the frame changes (and `until` holds). */
  press(input: string, until?: (frame: string) => boolean): Promise<string>;
  waitFor(
    predicate: (frame: string) => boolean,
    what?: string,
  ): Promise<string>;
  unmount(): void;
  readonly size: Size;
  readonly raw: ReturnType<typeof render>;
}

const TIMEOUT_MS = 4000;

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function renderAt(
  tree: ReactElement,
  size: Size = { columns: 80, rows: 24 },
): Promise<Rendered> {
  // ink-testing-library's stdout is 100 columns and has no rows: set the size
  // before the tree mounts, so every frame of the tree has the size asked for.
  const raw = render(<></>);
  Object.defineProperty(raw.stdout, 'columns', {
    value: size.columns,
    configurable: true,
  });
  Object.defineProperty(raw.stdout, 'rows', {
    value: size.rows,
    configurable: true,
  });
  const firstFrame = raw.frames.length;
  raw.rerender(tree);
  const frames = () =>
    raw.frames
      .slice(firstFrame)
      .map((frame) => stripVTControlCharacters(frame));
  const frame = () => stripVTControlCharacters(raw.lastFrame() ?? '');

  const waitFor = async (
    predicate: (text: string) => boolean,
    what = 'a frame that matches',
  ) => {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const text = frame();
      if (predicate(text)) return text;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; last frame:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  const press = async (input: string, until?: (text: string) => boolean) => {
    // Raw frames: a key that only moves a highlight changes colours, not text.
    const before = raw.lastFrame();
    raw.stdin.write(input);
    // Esc is held back by Ink for a tick in case a sequence follows.
    await tick();
    // Always a new frame first: a condition that was already true before the key proves nothing.
    return waitFor(
      (text) => raw.lastFrame() !== before && (until ? until(text) : true),
      `the frame to change after ${JSON.stringify(input)}`,
    );
  };

  // Input handlers subscribe in effects after the first commit.
  await tick();
  await tick();
  return {
    frame,
    frames,
    press,
    waitFor,
    unmount: () => raw.unmount(),
    size,
    raw,
  };
}

/** Lines of a frame, without the trailing newline Ink may add. */
export function lines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}
