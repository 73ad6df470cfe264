import type { DetailSection } from '../lib/view-types.js';

export type View =
  | {
      readonly kind: 'pane';
      readonly pane: string;
      /** Where the pane looks, for panes that browse (the S3 browser: "bucket/prefix/"). */
      readonly at?: string;
    }
  | {
      readonly kind: 'detail';
      readonly title: string;
      readonly sections: readonly DetailSection[];
    }
  | { readonly kind: 'help' };

export type Prompt =
  | { readonly kind: 'command' }
  | { readonly kind: 'filter'; readonly previous: string };

export type StatusLevel = 'info' | 'warn' | 'error';

export interface Status {
  readonly id: number;
  readonly level: StatusLevel;
  readonly text: string;
}

export interface ShellState {
  /** Never empty; the last view is on screen. */
  readonly views: readonly View[];
  readonly prompt: Prompt | null;
  readonly filters: Readonly<Record<string, string>>;
  readonly status: Status | null;
}

export type ShellAction =
  | { type: 'open-pane'; pane: string; filter?: string | undefined }
  | { type: 'push'; view: View }
  /** Opens a browsing pane at a place, on top: Esc comes back to where it was. */
  | { type: 'open-at'; pane: string; at: string }
  | { type: 'back' }
  | { type: 'pop' }
  | { type: 'prompt'; prompt: 'command' | 'filter' }
  | { type: 'close-prompt'; restoreFilter?: boolean }
  | { type: 'set-filter'; text: string }
  | { type: 'status'; level: StatusLevel; text: string; id: number }
  | { type: 'clear-status'; id: number }
  /** A key was pressed: warnings and errors, kept until now, go. */
  | { type: 'key-pressed' }
  | { type: 'session-switched' };

export function initialShellState(pane: string, filter?: string): ShellState {
  return {
    views: [{ kind: 'pane', pane }],
    prompt: null,
    filters: filter ? { [pane]: filter } : {},
    status: null,
  };
}

export function currentView(state: ShellState): View {
  return state.views[state.views.length - 1] ?? { kind: 'help' };
}

/** The pane a filter applies to: the one on screen, if it is a pane. */
export function currentPane(state: ShellState): string | undefined {
  const view = currentView(state);
  return view.kind === 'pane' ? view.pane : undefined;
}

export function shellReducer(
  state: ShellState,
  action: ShellAction,
): ShellState {
  switch (action.type) {
    case 'open-pane': {
      const filters =
        action.filter === undefined
          ? state.filters
          : { ...state.filters, [action.pane]: action.filter };
      if (currentPane(state) === action.pane)
        return { ...state, filters, prompt: null };
      // Reopening a pane brings it forward instead of stacking a second copy.
      const others = state.views.filter(
        (view) => !(view.kind === 'pane' && view.pane === action.pane),
      );
      return {
        ...state,
        filters,
        prompt: null,
        views: [...others, { kind: 'pane', pane: action.pane }],
      };
    }
    case 'push':
      return { ...state, prompt: null, views: [...state.views, action.view] };
    case 'open-at': {
      const top = currentView(state);
      if (
        top.kind === 'pane' &&
        top.pane === action.pane &&
        top.at === action.at
      )
        return { ...state, prompt: null };
      return {
        ...state,
        prompt: null,
        // A new place starts unfiltered: a filter belongs to the listing it was typed on.
        filters: { ...state.filters, [action.pane]: '' },
        views: [
          ...state.views,
          { kind: 'pane', pane: action.pane, at: action.at },
        ],
      };
    }
    case 'back': {
      const pane = currentPane(state);
      if (pane !== undefined && (state.filters[pane] ?? '') !== '') {
        return { ...state, filters: { ...state.filters, [pane]: '' } };
      }
      if (state.views.length <= 1) return state;
      return { ...state, views: state.views.slice(0, -1) };
    }
    case 'pop':
      return state.views.length <= 1
        ? state
        : { ...state, views: state.views.slice(0, -1) };
    case 'prompt': {
      if (action.prompt === 'command')
        return { ...state, prompt: { kind: 'command' } };
      const pane = currentPane(state);
      if (pane === undefined) return state;
      return {
        ...state,
        prompt: { kind: 'filter', previous: state.filters[pane] ?? '' },
      };
    }
    case 'close-prompt': {
      const prompt = state.prompt;
      const pane = currentPane(state);
      if (
        action.restoreFilter &&
        prompt?.kind === 'filter' &&
        pane !== undefined
      ) {
        return {
          ...state,
          prompt: null,
          filters: { ...state.filters, [pane]: prompt.previous },
        };
      }
      return { ...state, prompt: null };
    }
    case 'set-filter': {
      const pane = currentPane(state);
      if (pane === undefined) return state;
      return { ...state, filters: { ...state.filters, [pane]: action.text } };
    }
    case 'status':
      return {
        ...state,
        status: { id: action.id, level: action.level, text: action.text },
      };
    case 'clear-status':
      return state.status?.id === action.id
        ? { ...state, status: null }
        : state;
    case 'key-pressed':
      return state.status && state.status.level !== 'info'
        ? { ...state, status: null }
        : state;
    case 'session-switched': {
      // Detail views hold rows of the old session, and a browsing pane's place
      // (a bucket) may not exist in the new one: they go. Panes reload.
      const views = state.views.filter(
        (view) => view.kind !== 'detail' && !(view.kind === 'pane' && view.at),
      );
      return {
        ...state,
        prompt: null,
        views: views.length > 0 ? views : state.views.slice(0, 1),
      };
    }
  }
}
