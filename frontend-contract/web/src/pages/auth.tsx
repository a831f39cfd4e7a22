import { useState } from 'preact/hooks';
import { gql, type UserError } from '../api';
import { SignInDocument, SignUpDocument } from '../gql/graphql';
import { navigate, signedIn, useLocation } from '../session';
import { Field, FormErrors, useAction } from '../ui';

/** Where to go after signing in: next when it is a path of this site, else Discover. */
function next(params: URLSearchParams): string {
  const n = params.get('next');
  if (!n || !n.startsWith('/')) return '/';
  try {
    // "/\\example.com" and "//example.com" resolve to another origin.
    const u = new URL(n, location.origin);
    if (u.origin !== location.origin) return '/';
    return u.pathname + u.search + u.hash;
  } catch {
    return '/';
  }
}

export function SignInPage() {
  const { params } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const act = useAction();
  const fields = ['email', 'password'];
  return (
    <div class="narrow">
      <h1>Sign in</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await act.run(() => gql(SignInDocument, { input: { email, password } }));
          if (!r) return;
          setErrors(r.signIn.errors);
          if (r.signIn.token) {
            signedIn(r.signIn.token, r.signIn.user);
            navigate(next(params));
          }
        }}
      >
        <FormErrors errors={errors} fields={fields} failure={act.failure} />
        <Field label="Email" name="email" type="email" autocomplete="email" required value={email} onInput={setEmail} errors={errors} />
        <Field label="Password" name="password" type="password" autocomplete="current-password" required value={password} onInput={setPassword} errors={errors} />
        <button type="submit" class="primary" disabled={act.busy}>
          {act.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here? <a href={`/signup${location.search}`}>Create an account</a>.
      </p>
      <p class="hint">Demo accounts use the password printed by the server at start-up.</p>
    </div>
  );
}

export function SignUpPage() {
  const { params } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const act = useAction();
  const fields = ['email', 'password', 'displayName'];
  return (
    <div class="narrow">
      <h1>Create your account</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await act.run(() => gql(SignUpDocument, { input: { email, password, displayName } }));
          if (!r) return;
          setErrors(r.signUp.errors);
          if (r.signUp.token) {
            signedIn(r.signUp.token, r.signUp.user);
            navigate(next(params));
          }
        }}
      >
        <FormErrors errors={errors} fields={fields} failure={act.failure} />
        <Field label="Name" name="displayName" autocomplete="name" required value={displayName} onInput={setDisplayName} errors={errors} />
        <Field label="Email" name="email" type="email" autocomplete="email" required value={email} onInput={setEmail} errors={errors} />
        <Field
          label="Password"
          name="password"
          type="password"
          autocomplete="new-password"
          hint="8 to 128 characters."
          required
          value={password}
          onInput={setPassword}
          errors={errors}
        />
        <button type="submit" class="primary" disabled={act.busy}>
          {act.busy ? 'Creating…' : 'Sign up'}
        </button>
      </form>
      <p>
        Already have an account? <a href={`/signin${location.search}`}>Sign in</a>.
      </p>
    </div>
  );
}
