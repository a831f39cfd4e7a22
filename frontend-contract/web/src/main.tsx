import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './styles.css';
import { navigate, refreshViewer, signOut, useLocation, useViewer } from './session';
import { SignInPage, SignUpPage } from './pages/auth';
import { DiscoverPage } from './pages/discover';
import { ShowPage } from './pages/show';
import { CartPage, OrderPage, OrdersPage } from './pages/orders';
import { StudioPage } from './pages/studio';
import { VendorPage } from './pages/vendor';

function Route({ path }: { path: string }) {
  let m: RegExpExecArray | null;
  if (path === '/' || path === '/discover') return <DiscoverPage />;
  if (path === '/signin') return <SignInPage />;
  if (path === '/signup') return <SignUpPage />;
  if ((m = /^\/shows\/([^/]+)$/.exec(path))) return <ShowPage id={decodeURIComponent(m[1])} />;
  if (path === '/cart') return <CartPage />;
  if (path === '/orders') return <OrdersPage />;
  if ((m = /^\/orders\/([^/]+)$/.exec(path))) return <OrderPage id={decodeURIComponent(m[1])} />;
  if (path === '/studio' || path.startsWith('/studio/')) return <StudioPage />;
  if ((m = /^\/vendor(?:\/([^/]+)(?:\/([^/]+))?)?$/.exec(path))) return <VendorPage vendorId={m[1]} tab={m[2]} />;
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <a href="/">Back to Discover</a>
      </p>
    </>
  );
}

function Header() {
  const { viewer, loaded } = useViewer();
  const { path } = useLocation();
  const link = (href: string, label: string) => {
    const current = href === '/' ? path === '/' : path === href || path.startsWith(href + '/');
    return (
      <li>
        <a href={href} aria-current={current ? 'page' : undefined}>
          {label}
        </a>
      </li>
    );
  };
  return (
    <header class="site-header">
      <a class="brand" href="/">
        Livemarket
      </a>
      <nav aria-label="Main">
        <ul>
          {link('/', 'Discover')}
          {viewer && link('/cart', 'Cart')}
          {viewer && link('/orders', 'Orders')}
          {viewer?.influencer ? link('/studio', 'Studio') : null}
          {viewer && link('/vendor', 'Vendor')}
          {!loaded ? null : viewer ? (
            <li>
              <button
                type="button"
                class="linklike"
                onClick={async () => {
                  await signOut();
                  navigate('/');
                }}
              >
                Sign out <span class="sr-only">({viewer.displayName})</span>
              </button>
            </li>
          ) : (
            <>
              {link('/signin', 'Sign in')}
              {link('/signup', 'Sign up')}
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}

function App() {
  const { path } = useLocation();
  const { loaded, loadError } = useViewer();
  useEffect(() => {
    void refreshViewer();
  }, []);
  const first = useRef(true);
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // After navigating, move focus to the start of the new page (its <main>)
    // for screen reader and keyboard users: the page may still be loading,
    // so not to a heading that may not be there yet.
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [path]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" tabIndex={-1} ref={mainRef}>{loaded ? (
          <Route path={path} />
        ) : loadError ? (
          <div class="alert" role="alert">
            <p>{loadError}</p>
            <p>
              Trying again…{' '}
              <button type="button" onClick={() => void refreshViewer()}>
                Retry now
              </button>
            </p>
          </div>
        ) : (
          <p role="status">Loading…</p>
        )}</main>
      <footer class="site-footer">
        <p>
          Livemarket reference client · built only on the <a href="/graphiql">GraphQL contract</a>
        </p>
      </footer>
    </>
  );
}

// Same-origin links navigate in the app, without a page load.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element).closest?.('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname === '/graphiql') return;
  if (url.hash && url.pathname === location.pathname && url.search === location.search) {
    // A link within the page (e.g. "Skip to content"): move focus to its
    // target, as the browser would for a focusable one.
    const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (!target) return;
    e.preventDefault();
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
    target.scrollIntoView?.({ block: 'start' });
    return;
  }
  e.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

render(<App />, document.getElementById('app')!);
