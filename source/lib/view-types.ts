/**
 * Plain view data that services, wizards and panes all produce: a page of
 * rows, a detail section, the tone of a value. The theme decides the look.
 */

/** Semantic colour of a cell; the theme decides what it looks like. */
export type Tone = 'ok' | 'warn' | 'error' | 'muted' | 'accent' | 'info';

export interface DetailSection {
  readonly title: string;
  readonly rows: readonly (readonly [string, string])[];
}

export interface Page<Row> {
  readonly rows: readonly Row[];
  /** Present when there is more to load. */
  readonly next?: string | undefined;
  /** A reason the list is known to be incomplete or approximate (shown in the title). */
  readonly note?: string | undefined;
}
