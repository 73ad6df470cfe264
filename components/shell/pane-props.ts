/** What the shell gives every pane. */
export interface PaneProps {
  readonly title: string;
  readonly height: number;
  readonly width: number;
  /** False while a prompt or dialog has the keyboard. */
  readonly isActive: boolean;
  readonly filter: string;
  /** Where a browsing pane looks ("bucket/prefix/"); see View in shell-state. */
  readonly at?: string;
}
