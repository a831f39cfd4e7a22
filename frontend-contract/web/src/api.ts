// The app's only way to the server: the typed documents generated from
// frontend-contract/operations (src/gql), sent over POST /graphql and, for
// subscriptions, over a graphql-transport-ws websocket on /graphql.
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString, UserErrorFieldsFragment } from './gql/graphql';

export type UserError = UserErrorFieldsFragment;

const TOKEN_KEY = 'livemarket.token';

let token: string | null = localStorage.getItem(TOKEN_KEY);
const listeners = new Set<() => void>();

export function getToken(): string | null {
  return token;
}

export function setToken(t: string | null): void {
  token = t;
  if (t) localStorage.setItem(TOKEN_KEY, t);
  else localStorage.removeItem(TOKEN_KEY);
  if (wsClient) {
    void wsClient.dispose();
    wsClient = null;
    setConnected(false);
  }
  listeners.forEach((l) => l());
}

export function onTokenChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** A top-level GraphQL error (UNAUTHENTICATED, FORBIDDEN, ...) or a network failure. */
export class ApiError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

function operationName(doc: string): string {
  const m = /\b(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(doc);
  return m ? m[2] : '';
}

type Vars<V> = V extends Record<string, never> ? V | undefined : V;

/** Sends one operation of the contract and returns its data. */
export async function gql<R, V>(doc: TypedDocumentString<R, V>, variables?: Vars<V>): Promise<R> {
  const query = doc.toString();
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ operationName: operationName(query), query, variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError('Cannot reach the server. Check your connection and try again.', 'NETWORK');
  }
  let body: { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The server answered ${res.status}.`, 'HTTP');
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    const code = e.extensions?.code;
    if (code === 'UNAUTHENTICATED' && token) {
      setToken(null); // expired or revoked: sign in again
    }
    throw new ApiError(e.message, code);
  }
  if (!body.data) throw new ApiError('Empty answer from the server.');
  return body.data;
}

let wsClient: Client | null = null;
let wsConnected = false;
const wsListeners = new Set<(up: boolean) => void>();

/** Follows the live connection: called at once with its state, then on every change. */
export function onLiveConnection(l: (up: boolean) => void): () => void {
  wsListeners.add(l);
  l(wsConnected);
  return () => wsListeners.delete(l);
}

function setConnected(up: boolean) {
  wsConnected = up;
  wsListeners.forEach((l) => l(up));
}

function ws(): Client {
  if (!wsClient) {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    const authToken = token;
    const client: Client = createClient({
      url,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: async (n) => new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** n, 10000))),
      connectionParams: () => (authToken ? { authToken } : {}),
      on: {
        // A disposed client (the token changed) may report its close late.
        connected: () => {
          if (wsClient === client) setConnected(true);
        },
        closed: () => {
          if (wsClient === client) setConnected(false);
        },
      },
    });
    wsClient = client;
  }
  return wsClient;
}

export type LiveStatus = 'connecting' | 'live' | 'error';

type SubscribeOptions = {
  /** A message to show when the subscription failed (it is retried). */
  onError?: (message: string) => void;
  /** The state of this subscription: called at once, then on every change. */
  onStatus?: (s: LiveStatus) => void;
};

/**
 * Subscribes to a subscription of the contract and keeps it running until
 * the returned function is called: when the server ends it, or the socket
 * closes with a code graphql-ws does not retry itself (e.g. 1008 for a
 * slow consumer), or the auth token changes, it subscribes again (after a
 * backoff on failures). variables is sent again on every (re)subscription,
 * so a caller may update it in place (e.g. ShowEvents' afterSeq) to resume
 * where it left off. Returns the unsubscribe function.
 */
export function subscribe<R, V extends Record<string, unknown>>(
  doc: TypedDocumentString<R, V>,
  variables: V,
  onData: (data: R) => void,
  options: SubscribeOptions = {},
): () => void {
  const query = doc.toString();
  const name = operationName(query);
  let stopped = false;
  let gen = 0; // callbacks of an earlier (re)subscription are ignored
  let failures = 0;
  let active = false;
  let status: LiveStatus | null = null;
  let cancel: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const setStatus = (s: LiveStatus) => {
    if (s !== status) {
      status = s;
      options.onStatus?.(s);
    }
  };
  const start = () => {
    timer = null;
    if (stopped) return;
    const g = ++gen;
    active = true;
    setStatus(wsConnected ? 'live' : 'connecting');
    cancel = ws().subscribe<R>(
      { operationName: name, query, variables },
      {
        next: (msg) => {
          if (g !== gen) return;
          failures = 0;
          if (msg.errors?.length) options.onError?.(msg.errors[0].message);
          else if (msg.data) {
            setStatus('live');
            onData(msg.data as R);
          }
        },
        error: (err) => {
          if (g !== gen) return;
          options.onError?.(describe(err));
          retry();
        },
        // Never expected: the server does not end these subscriptions, so a
        // completion means the connection was closed (or the client disposed).
        complete: () => {
          if (g === gen) retry();
        },
      },
    );
  };
  const retry = () => {
    active = false;
    cancel = null;
    if (stopped) return;
    setStatus('error');
    const wait = Math.min(1000 * 2 ** failures, 15000);
    failures++;
    if (!timer) timer = setTimeout(start, wait);
  };
  const restart = () => {
    // A new token: the old client was disposed; subscribe again at once.
    gen++;
    const c = cancel;
    cancel = null;
    c?.();
    if (timer) clearTimeout(timer);
    failures = 0;
    start();
  };
  const offToken = onTokenChange(restart);
  const offConn = onLiveConnection((up) => {
    if (active) setStatus(up ? 'live' : 'connecting');
  });
  start();
  return () => {
    stopped = true;
    gen++;
    offToken();
    offConn();
    if (timer) clearTimeout(timer);
    cancel?.();
  };
}

function describe(err: unknown): string {
  if (Array.isArray(err) && err[0]?.message) return String(err[0].message);
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'code' in err) {
    const e = err as { code: number; reason?: string };
    return `connection closed (${e.code}${e.reason ? `: ${e.reason}` : ''})`;
  }
  return 'The live connection failed.';
}

// --- User errors: UserError.field is the input path, e.g. ["input",
// "shippingAddress", "city"]; a form names its controls by the path below
// "input" ("shippingAddress.city").

export function fieldKey(e: UserError): string {
  const f = e.field ?? [];
  return (f[0] === 'input' ? f.slice(1) : f).join('.');
}

export function errorFor(errors: readonly UserError[], name: string): string | undefined {
  return errors.find((e) => fieldKey(e) === name)?.message;
}

/** The errors no control of the form shows (no field, or a field not in names). */
export function otherErrors(errors: readonly UserError[], names: readonly string[]): UserError[] {
  return errors.filter((e) => !names.includes(fieldKey(e)));
}

export function formatMoney(m: { amountMinor: number; currency: string } | null | undefined): string {
  if (!m) return '';
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: m.currency }).format(m.amountMinor / 100);
  } catch {
    return `${(m.amountMinor / 100).toFixed(2)} ${m.currency}`;
  }
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
