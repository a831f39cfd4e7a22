// The signed-in viewer and client-side routing.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql, getToken, onTokenChange, setToken } from './api';
import { MeDocument, SignOutDocument, type ViewerFieldsFragment } from './gql/graphql';

let viewer: ViewerFieldsFragment | null = null;
let loaded = false;
let loadError: string | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let failures = 0;
const subs = new Set<() => void>();
const emit = () => subs.forEach((s) => s());

/**
 * Loads the signed-in viewer. Only an UNAUTHENTICATED answer signs the user
 * out (gql drops the token); when the server cannot be reached the token is
 * kept, loadError says so and it is tried again with a backoff.
 */
export async function refreshViewer(): Promise<void> {
  if (retryTimer) {
    clearTimeout(retryTimer);
    retryTimer = null;
  }
  if (!getToken()) {
    viewer = null;
  } else {
    try {
      viewer = (await gql(MeDocument)).me ?? null;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') {
        viewer = null;
      } else {
        loadError = e instanceof Error ? e.message : String(e);
        const wait = Math.min(2000 * 2 ** failures, 30000);
        failures++;
        retryTimer = setTimeout(() => void refreshViewer(), wait);
        emit();
        return;
      }
    }
  }
  failures = 0;
  loadError = null;
  loaded = true;
  emit();
}

export function signedIn(token: string, user: ViewerFieldsFragment | null | undefined): void {
  setToken(token);
  viewer = user ?? null;
  loaded = true;
  emit();
}

export async function signOut(): Promise<void> {
  try {
    await gql(SignOutDocument);
  } catch {
    // the token is dropped either way
  }
  setToken(null);
  viewer = null;
  emit();
}

onTokenChange(() => {
  if (!getToken() && viewer) {
    viewer = null;
    emit();
  }
});

export function useViewer(): { viewer: ViewerFieldsFragment | null; loaded: boolean; loadError: string | null } {
  const [, force] = useState(0);
  useEffect(() => {
    const s = () => force((n) => n + 1);
    subs.add(s);
    return () => {
      subs.delete(s);
    };
  }, []);
  return { viewer, loaded, loadError };
}

// --- Routing: history API; links are ordinary <a href> elements that the
// app intercepts (see main.tsx).

const routeSubs = new Set<() => void>();

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  routeSubs.forEach((s) => s());
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => routeSubs.forEach((s) => s()));

export function useLocation(): { path: string; params: URLSearchParams } {
  const [, force] = useState(0);
  useEffect(() => {
    const s = () => force((n) => n + 1);
    routeSubs.add(s);
    return () => {
      routeSubs.delete(s);
    };
  }, []);
  return { path: location.pathname, params: new URLSearchParams(location.search) };
}
