/**
 * A stdin for Ink that hands over one key press per turn of the event loop.
 * Over a slow link or with a held key, several presses arrive in one chunk;
 * Ink would deliver them all to handlers rendered before the first one, so
 * "jjj" would move the cursor once and ":reg" would lose "reg". Pacing lets
 * the screen (and the prompt that ':' opened) catch up between presses.
 */
import { EventEmitter } from 'node:events';
import { firstUnitLength } from './key-units.js';

export interface PacedSource extends EventEmitter {
  readonly isTTY?: boolean;
  setEncoding(encoding: BufferEncoding): unknown;
  setRawMode?(mode: boolean): unknown;
  read(): string | Buffer | null;
  ref(): unknown;
  unref(): unknown;
}

export class PacedInput extends EventEmitter {
  readonly isTTY: boolean;
  private buffer = '';
  private current: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listening = false;

  constructor(
    private readonly source: PacedSource,
    private readonly textMode: () => boolean,
  ) {
    super();
    this.isTTY = source.isTTY === true;
    this.on('newListener', (event: string) => {
      if (event !== 'readable') return;
      if (!this.listening) {
        this.listening = true;
        source.on('readable', this.onSourceReadable);
      }
      // Keys that came while nobody listened go out once the listener is in.
      if (this.buffer !== '') this.schedule();
    });
    this.on('removeListener', (event: string) => {
      if (
        event === 'readable' &&
        this.listenerCount('readable') === 0 &&
        this.listening
      ) {
        this.listening = false;
        source.off('readable', this.onSourceReadable);
      }
    });
  }

  setEncoding(encoding: BufferEncoding): this {
    this.source.setEncoding(encoding);
    return this;
  }

  setRawMode(mode: boolean): this {
    this.source.setRawMode?.(mode);
    return this;
  }

  ref(): this {
    this.source.ref();
    return this;
  }

  unref(): this {
    this.source.unref();
    return this;
  }

  /** One key press, then null until the next 'readable'. */
  read(): string | null {
    const unit = this.current;
    this.current = null;
    return unit;
  }

  private readonly onSourceReadable = () => {
    let chunk: string | Buffer | null;
    while ((chunk = this.source.read()) !== null)
      this.buffer += chunk.toString();
    if (this.timer === undefined && this.current === null) this.pump();
  };

  private schedule(): void {
    // Unref'd: a pending key never keeps the process alive by itself. The
    // key goes out from an immediate behind the timer, so the effects of the
    // last key's render (React flushes them in an immediate queued at commit:
    // a field that just became active subscribes there) run before it.
    this.timer ??= setTimeout(() => setImmediate(() => this.pump()), 0).unref();
  }

  private pump(): void {
    this.timer = undefined;
    if (this.buffer === '') return;
    // No one to hand a key to (Ink re-subscribing): keep it for the listener.
    if (this.listenerCount('readable') === 0) return;
    const length = firstUnitLength(this.buffer, this.textMode());
    this.current = this.buffer.slice(0, length);
    this.buffer = this.buffer.slice(length);
    this.emit('readable');
    this.current = null;
    if (this.buffer !== '') this.schedule();
  }
}
