// Small accessible building blocks shared by the pages.
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorFor, otherErrors, type UserError } from './api';

let nextId = 0;
function useId(prefix: string): string {
  const ref = useRef<string>('');
  if (!ref.current) ref.current = `${prefix}-${++nextId}`;
  return ref.current;
}

type FieldProps = {
  label: string;
  name: string;
  errors?: readonly UserError[];
  hint?: string;
  type?: string;
  value: string;
  onInput: (v: string) => void;
  required?: boolean;
  autocomplete?: string;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  placeholder?: string;
  multiline?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'search' | 'text';
  /** An error found before sending (shown like a UserError). */
  error?: string;
};

/** A labelled control with its hint and the UserError naming it (field path below "input"). */
export function Field(p: FieldProps) {
  const id = useId('f');
  const err = p.error ?? (p.errors ? errorFor(p.errors, p.name) : undefined);
  const describedBy = [p.hint ? `${id}-hint` : '', err ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: p.name,
    value: p.value,
    required: p.required,
    'aria-invalid': err ? true : undefined,
    'aria-describedby': describedBy,
    placeholder: p.placeholder,
  };
  return (
    <div class={`field${err ? ' field-error' : ''}`}>
      <label for={id}>{p.label}</label>
      {p.multiline ? (
        <textarea {...common} rows={3} onInput={(e) => p.onInput((e.target as HTMLTextAreaElement).value)} />
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          autocomplete={p.autocomplete}
          min={p.min}
          max={p.max}
          step={p.step}
          inputMode={p.inputMode}
          onInput={(e) => p.onInput((e.target as HTMLInputElement).value)}
        />
      )}
      {p.hint && (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {err && (
        <p class="error" id={`${id}-err`} role="alert">
          {err}
        </p>
      )}
    </div>
  );
}

type SelectProps = {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  errors?: readonly UserError[];
};

export function Select(p: SelectProps) {
  const id = useId('s');
  const err = p.errors ? errorFor(p.errors, p.name) : undefined;
  return (
    <div class={`field${err ? ' field-error' : ''}`}>
      <label for={id}>{p.label}</label>
      <select
        id={id}
        name={p.name}
        value={p.value}
        aria-invalid={err ? true : undefined}
        aria-describedby={err ? `${id}-err` : undefined}
        onChange={(e) => p.onChange((e.target as HTMLSelectElement).value)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {err && (
        <p class="error" id={`${id}-err`} role="alert">
          {err}
        </p>
      )}
    </div>
  );
}

/** The errors of a form that no control shows (top-level API errors included). */
export function FormErrors({ errors, fields, failure }: { errors: readonly UserError[]; fields: readonly string[]; failure?: string | null }) {
  const rest = otherErrors(errors, fields);
  if (!rest.length && !failure) return null;
  return (
    <div class="alert" role="alert">
      {failure && <p>{failure}</p>}
      {rest.map((e, i) => (
        <p key={i}>{e.message}</p>
      ))}
    </div>
  );
}

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  const msg = error instanceof Error ? error.message : String(error);
  const unauth = error instanceof ApiError && error.code === 'UNAUTHENTICATED';
  return (
    <div class="alert" role="alert">
      <p>{msg}</p>
      {unauth && (
        <p>
          <a href={`/signin?next=${encodeURIComponent(location.pathname)}`}>Sign in</a> to continue.
        </p>
      )}
    </div>
  );
}

export function Loading({ what }: { what?: string }) {
  return (
    <p class="muted" role="status">
      Loading{what ? ` ${what}` : ''}…
    </p>
  );
}

/** Loads data with load() whenever deps change; reload() runs it again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (f: (d: T | undefined) => T | undefined) => void;
} {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const gen = useRef(0);
  const run = useCallback(async () => {
    const g = ++gen.current;
    setLoading(true);
    try {
      const d = await load();
      if (g === gen.current) {
        setDataState(d);
        setError(null);
      }
    } catch (e) {
      if (g === gen.current) setError(e);
    } finally {
      if (g === gen.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    void run();
  }, [run]);
  return { data, error, loading, reload: run, setData: (f) => setDataState((d) => f(d)) };
}

/** Runs a mutation-like action with a busy flag and the failure message. */
export function useAction(): {
  busy: boolean;
  failure: string | null;
  run: <T>(f: () => Promise<T>) => Promise<T | undefined>;
  setFailure: (m: string | null) => void;
} {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async <T,>(f: () => Promise<T>) => {
    setBusy(true);
    setFailure(null);
    try {
      return await f();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run, setFailure };
}

export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

export function countdown(toIso: string, now: number): string {
  let s = Math.max(0, Math.floor((new Date(toIso).getTime() - now) / 1000));
  if (s === 0) return 'starting now';
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `starts in ${d ? `${d}d ` : ''}${pad(h)}:${pad(m)}:${pad(s)}`;
}

export function Countdown({ to }: { to: string }) {
  const now = useNow();
  return (
    <span class="countdown">
      <time dateTime={to}>{countdown(to, now)}</time>
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge badge-${status.toLowerCase()}`}>{status === 'LIVE' ? '● LIVE' : status.toLowerCase()}</span>;
}

export function Section(props: { title: string; children: ComponentChildren; id?: string; level?: 2 | 3 } & JSX.HTMLAttributes<HTMLElement>) {
  const { title, children, level, ...rest } = props;
  const H = level === 3 ? 'h3' : 'h2';
  return (
    <section {...rest} aria-label={title}>
      <H>{title}</H>
      {children}
    </section>
  );
}

/** Converts a <input type="datetime-local"> value to RFC 3339 (UTC). */
export function localToIso(v: string): string {
  const d = new Date(v);
  return isNaN(d.getTime()) ? v : d.toISOString();
}

/** An RFC 3339 time as a <input type="datetime-local"> value in local time. */
export function isoToLocal(iso: string | number): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function bps(n: number): string {
  return `${(n / 100).toFixed(n % 100 ? 2 : 0)}%`;
}
