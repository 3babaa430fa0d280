import { appStore, currentSession, type Session } from "./session";

/**
 * The running session changes when the cluster boots and on "Reset cluster". The store is
 * updated on every change, so watching it is enough to notice a new session.
 */
export function onSessionChange(listener: (session: Session) => void): () => void {
  let last: Session | null = currentSession();
  if (last) listener(last);
  return appStore.subscribe(() => {
    const now = currentSession();
    if (now && now !== last) {
      last = now;
      listener(now);
    }
  });
}

/** Resolves with the running session once the cluster has booted. */
export function whenSession(): Promise<Session> {
  const s = currentSession();
  if (s) return Promise.resolve(s);
  return new Promise((resolve) => {
    const off = onSessionChange((session) => {
      queueMicrotask(() => off());
      resolve(session);
    });
  });
}
