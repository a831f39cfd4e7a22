import { useEffect, useState } from 'preact/hooks';
import { formatMoney, formatTime, gql } from '../api';
import {
  SearchProductsDocument,
  SearchShowsDocument,
  ShowReminderCancelDocument,
  ShowRemindMeDocument,
  type ShowCardFieldsFragment,
  type ProductSearchFilter,
  type ShowSearchFilter,
} from '../gql/graphql';
import { navigate, useViewer } from '../session';
import { Countdown, ErrorBox, Field, Loading, Select, StatusBadge, useAction, useLoad } from '../ui';

const WITHIN: { value: string; label: string; hours: number }[] = [
  { value: '', label: 'Any time', hours: 0 },
  { value: '1h', label: 'Within 1 hour', hours: 1 },
  { value: '24h', label: 'Within 24 hours', hours: 24 },
  { value: '48h', label: 'Within 2 days', hours: 48 },
  { value: '7d', label: 'Within 7 days', hours: 24 * 7 },
];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function useDebounced<T>(v: T, ms: number): T {
  const [d, setD] = useState(v);
  useEffect(() => {
    const t = setTimeout(() => setD(v), ms);
    return () => clearTimeout(t);
  }, [v, ms]);
  return d;
}

export function RemindButton({ show }: { show: Pick<ShowCardFieldsFragment, 'id' | 'status' | 'viewerHasReminder' | 'reminderCount' | 'title'> }) {
  const { viewer } = useViewer();
  const [has, setHas] = useState(show.viewerHasReminder);
  const [count, setCount] = useState(show.reminderCount);
  const [msg, setMsg] = useState<string | null>(null);
  const act = useAction();
  useEffect(() => {
    setHas(show.viewerHasReminder);
    setCount(show.reminderCount);
  }, [show.id, show.viewerHasReminder, show.reminderCount]);
  if (show.status !== 'SCHEDULED') return null;
  return (
    <div class="remind">
      <button
        type="button"
        aria-pressed={has}
        disabled={act.busy}
        onClick={async () => {
          if (!viewer) {
            navigate(`/signin?next=${encodeURIComponent(location.pathname)}`);
            return;
          }
          const r = await act.run(async () =>
            has
              ? (await gql(ShowReminderCancelDocument, { input: { id: show.id } })).showReminderCancel
              : (await gql(ShowRemindMeDocument, { input: { id: show.id } })).showRemindMe,
          );
          if (!r) return;
          if (r.errors.length) setMsg(r.errors[0].message);
          else if (r.show) {
            setHas(r.show.viewerHasReminder);
            setCount(r.show.reminderCount);
            setMsg(r.show.viewerHasReminder ? 'Reminder set' : 'Reminder cancelled');
          }
        }}
      >
        {has ? '✓ Reminder set' : 'Remind me'}
        <span class="sr-only"> for {show.title}</span>
      </button>
      <span class="muted small">{count} reminded</span>
      <span class="small" role="status">
        {act.failure ?? msg ?? ''}
      </span>
    </div>
  );
}

export function ShowCard({ show }: { show: ShowCardFieldsFragment }) {
  const vendors = [...new Set(show.featuredProducts.map((f) => f.product.vendor.name))];
  return (
    <article class="card show-card" aria-labelledby={`show-${show.id}`}>
      <div class="card-top">
        <StatusBadge status={show.status} />
        {show.status === 'LIVE' ? (
          <span class="muted small">{show.viewerCount} watching</span>
        ) : (
          <Countdown to={show.scheduledStart} />
        )}
      </div>
      <h3 id={`show-${show.id}`}>
        <a href={`/shows/${show.id}`}>{show.title}</a>
      </h3>
      <p class="muted small">
        with @{show.host.handle} · {formatTime(show.scheduledStart)} · {show.category}
      </p>
      <ul class="chips" aria-label="Featured products">
        {show.featuredProducts.map((f) => (
          <li key={f.product.id}>
            {f.product.title} <span class="muted">{formatMoney(f.product.price)}</span>
          </li>
        ))}
      </ul>
      {vendors.length > 0 && <p class="muted small">From {vendors.join(', ')}</p>}
      <RemindButton show={show} />
    </article>
  );
}

export function DiscoverPage() {
  const [query, setQuery] = useState(new URLSearchParams(location.search).get('q') ?? '');
  const [category, setCategory] = useState('');
  const [minPrice, setMinPrice] = useState('');
  const [maxPrice, setMaxPrice] = useState('');
  const [within, setWithin] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const q = useDebounced(query.trim(), 200);
  // The query is part of the address (a reload or a shared link keeps it).
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    if ((params.get('q') ?? '') === q) return;
    if (q) params.set('q', q);
    else params.delete('q');
    const search = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  }, [q]);

  const minMinor = minPrice === '' ? undefined : Math.round(parseFloat(minPrice) * 100);
  const maxMinor = maxPrice === '' ? undefined : Math.round(parseFloat(maxPrice) * 100);
  const priceError =
    minMinor !== undefined && maxMinor !== undefined && minMinor > maxMinor ? 'The maximum price must be at least the minimum.' : undefined;

  const res = useLoad(async () => {
    const hours = WITHIN.find((w) => w.value === within)?.hours ?? 0;
    const startsBefore = hours ? new Date(Date.now() + hours * 3600_000).toISOString() : undefined;
    const showFilter: ShowSearchFilter = { category: category || undefined, startsBefore };
    const productFilter: ProductSearchFilter = {
      category: category || undefined,
      startsBefore,
      minPriceMinor: Number.isFinite(minMinor) ? minMinor : undefined,
      maxPriceMinor: Number.isFinite(maxMinor) ? maxMinor : undefined,
    };
    const [shows, products] = await Promise.all([
      gql(SearchShowsDocument, { query: q, filter: showFilter, sort: q ? 'RELEVANCE' : 'STARTS_AT', first: 24 }),
      gql(SearchProductsDocument, { query: q, filter: productFilter, sort: q ? 'RELEVANCE' : 'STARTS_AT', first: 12 }),
    ]);
    return { shows: shows.searchShows, products: products.searchProducts };
  }, [q, category, minMinor, maxMinor, within]);

  useEffect(() => {
    const found = [
      ...(res.data?.shows.facets ?? []),
      ...(res.data?.products.facets ?? []),
    ]
      .filter((f) => f.name === 'category')
      .flatMap((f) => f.values.map((v) => v.value));
    if (found.some((c) => !categories.includes(c))) setCategories([...new Set([...categories, ...found])].sort());
  }, [res.data]);

  // Price filters apply to products: shows are kept when one of their
  // featured products is in the range.
  const inRange = (s: ShowCardFieldsFragment) =>
    s.featuredProducts.some(
      (f) =>
        (minMinor === undefined || !Number.isFinite(minMinor) || f.product.price.amountMinor >= minMinor) &&
        (maxMinor === undefined || !Number.isFinite(maxMinor) || f.product.price.amountMinor <= maxMinor),
    );
  const shows = (res.data?.shows.edges ?? []).map((e) => e.node).filter(inRange);
  const live = shows.filter((s) => s.status === 'LIVE');
  const upcoming = shows.filter((s) => s.status === 'SCHEDULED');
  const products = res.data?.products.edges ?? [];

  return (
    <>
      <h1>Discover live shopping</h1>
      <form class="filters" role="search" aria-label="Search and filters" onSubmit={(e) => e.preventDefault()}>
        <div class="search-box">
          <Field
            label="Search shows and products"
            name="query"
            type="search"
            inputMode="search"
            placeholder="Try “lipstick”, “earbuds”…"
            value={query}
            onInput={setQuery}
          />
        </div>
        <Select
          label="Category"
          name="category"
          value={category}
          onChange={setCategory}
          options={[{ value: '', label: 'All categories' }, ...categories.map((c) => ({ value: c, label: c }))]}
        />
        <Field label="Min price ($)" name="minPrice" type="number" min={0} step="0.01" inputMode="decimal" value={minPrice} onInput={setMinPrice} />
        <Field label="Max price ($)" name="maxPrice" type="number" min={0} step="0.01" inputMode="decimal" value={maxPrice} onInput={setMaxPrice} error={priceError} />
        <Select label="Starts" name="within" value={within} onChange={setWithin} options={WITHIN} />
      </form>
      <p class="muted small" role="status" aria-live="polite">
        {res.loading ? 'Searching…' : res.data ? `${plural(shows.length, 'show')}, ${plural(res.data.products.totalCount, 'product')}` : ''}
      </p>
      <ErrorBox error={res.error} />
      {!res.data && res.loading && <Loading what="shows" />}
      {live.length > 0 && (
        <section aria-labelledby="live-h">
          <h2 id="live-h">Live now</h2>
          <div class="grid">
            {live.map((s) => (
              <ShowCard key={s.id} show={s} />
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="upcoming-h">
        <h2 id="upcoming-h">Upcoming shows</h2>
        {res.data && upcoming.length === 0 && <p class="muted">No upcoming shows match.</p>}
        <div class="grid">
          {upcoming.map((s) => (
            <ShowCard key={s.id} show={s} />
          ))}
        </div>
      </section>
      <section aria-labelledby="products-h">
        <h2 id="products-h">Products in shows</h2>
        {res.data && products.length === 0 && <p class="muted">No products match.</p>}
        <ul class="product-list">
          {products.map(({ node }) => (
            <li key={node.product.id} class="card product-hit">
              <strong>{node.product.title}</strong> <span class="price">{formatMoney(node.product.price)}</span>
              <span class="muted small"> · {node.product.vendor.name}</span>
              <ul class="small">
                {node.shows.map((s) => (
                  <li key={s.id}>
                    <a href={`/shows/${s.id}`}>{s.title}</a> — {s.status === 'LIVE' ? 'live now' : formatTime(s.scheduledStart)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
