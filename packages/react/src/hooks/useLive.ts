/**
 * `useLive()`: Stash's job events for the provider's store while the component is mounted
 * (`store.connectLive()`, closed on unmount); returns the connection's state, kept current.
 * graphql-ws loads only when a component uses it.
 */
import { useEffect, useState } from 'react';
import { useSyncExternalStore } from 'use-sync-external-store/shim';
import type { LiveConnection, LiveOptions, LiveState } from '@stashkit/core/live';
import { useStashContext } from '../provider/stashContext';

/** Read on the first render (like a subscription's setup); `enabled` and the store may change. */
export interface UseLiveOptions extends LiveOptions {
  /** `false`: no connection (state `null`). Default `true`. */
  enabled?: boolean;
}

const NONE = () => () => {};
const NULL_STATE = () => null;

/** The state of the component's live connection (`null` until it is opened, or when disabled). */
export function useLive(options: UseLiveOptions = {}): LiveState | null {
  const { store } = useStashContext('useLive');
  const { enabled = true } = options;
  const [initial] = useState(options);
  const [opened, setOpened] = useState<{ store: unknown; live: LiveConnection } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!enabled) return;
    let open = true;
    let connection: LiveConnection | null = null;
    store.connectLive(initial).then(
      (c) => {
        if (open) setOpened({ store, live: (connection = c) });
        else c.close();
      },
      (e: unknown) => open && setError(() => e),
    );
    return () => {
      open = false;
      // No state update here (React 17 warns on unmount); a closed connection shows as 'closed'.
      connection?.close();
    };
  }, [store, enabled, initial]);
  // A connection that cannot open (no WebSocket, disposed store) is the error boundary's.
  if (error !== null) throw error;
  const live = enabled && opened?.store === store ? opened.live : null;
  return useSyncExternalStore(
    live?.subscribe ?? NONE,
    live?.getState ?? NULL_STATE,
    live?.getState ?? NULL_STATE,
  );
}
