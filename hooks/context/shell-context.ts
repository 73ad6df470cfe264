/**
 * What panes and dialogs may ask of the shell: navigation, status messages,
 * session switches, confirmations, the refresh signal.
 */
import { createContext, useContext } from 'react';
import type { FormSpec, FormValues } from '../../source/lib/form.js';
import type { PickRequest } from '../../source/lib/pick-request.js';
import type {
  ConfirmAnswer,
  ConfirmRequest,
} from '../../source/safety/confirm.js';
import type { KeysNow } from '../../source/keymap/keys-now.js';
import type { Store } from '../../source/lib/store.js';
import type { Session } from '../../source/session/session.js';
import type { IdentityState } from '../shell/useIdentity.js';
import type { ShellControl } from '../shell/useShell.js';

export interface ShellApi extends ShellControl {
  readonly session: Session;
  readonly identity: IdentityState;
  /** Increments on Ctrl+R; panes reload when it changes. */
  readonly refreshToken: number;
  readonly switchProfile: (profile: string) => void;
  readonly switchRegion: (region: string) => void;
  /** What the user answered; `confirmed` is true only on an explicit yes. */
  readonly confirm: (request: ConfirmRequest) => Promise<ConfirmAnswer>;
  /** The form's values, or undefined when cancelled. */
  readonly ask: (form: FormSpec) => Promise<FormValues | undefined>;
  /** The chosen item's ID, or undefined when cancelled. */
  readonly pick: (request: PickRequest) => Promise<string | undefined>;
  readonly copy: (text: string, label: string) => void;
  /** Dialog answers kept for the next time in this run ("the last directory"), by name. */
  readonly remembered: Map<string, string>;
  /** Which keys of a view's scope do something now (see useKeysNow), for the footer and the help. */
  readonly keysNow: Store<KeysNow>;
}

export const ShellContext = createContext<ShellApi | null>(null);

export function useShellApi(): ShellApi {
  const api = useContext(ShellContext);
  if (!api) throw new Error('useShellApi must be used inside <Shell>');
  return api;
}
