import { useEffect, useRef, useState } from 'preact/hooks';
import { formatMoney, formatTime, gql, subscribe, type LiveStatus, type UserError } from '../api';
import {
  CollaborationApproveDocument,
  CollaborationCounterDocument,
  CollaborationRejectDocument,
  MyVendorsDocument,
  OfferPublishDocument,
  OffersDocument,
  OfferWithdrawDocument,
  ProductCreateDocument,
  ProductStockAdjustDocument,
  VendorCollaborationsDocument,
  VendorCreateDocument,
  VendorProductsDocument,
  VendorSalesDocument,
  VendorSalesReportDocument,
  type CollaborationFieldsFragment,
  type OffersQuery,
  type SalesGroupBy,
  type VendorSalesSubscription,
} from '../gql/graphql';
import { navigate, useViewer } from '../session';
import { BalancesAndPayouts, SalesTable } from './studio';
import { bps, ErrorBox, Field, FormErrors, Loading, Select, StatusBadge, useAction, useLoad } from '../ui';

type Sale = VendorSalesSubscription['vendorSales'];

function CreateVendor({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const act = useAction();
  return (
    <form
      class="narrow"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await act.run(() => gql(VendorCreateDocument, { input: { name, slug, description } }));
        if (!r) return;
        setErrors(r.vendorCreate.errors);
        if (r.vendorCreate.vendor) onDone();
      }}
    >
      <h2>Open a shop</h2>
      <FormErrors errors={errors} fields={['name', 'slug', 'description']} failure={act.failure} />
      <Field label="Shop name" name="name" required value={name} onInput={setName} errors={errors} />
      <Field label="Slug" name="slug" hint="Lower-case letters, digits and dashes; used in links." required value={slug} onInput={setSlug} errors={errors} />
      <Field label="Description" name="description" multiline value={description} onInput={setDescription} errors={errors} />
      <button type="submit" class="primary" disabled={act.busy}>
        Create shop
      </button>
    </form>
  );
}

// --- Products and stock

function StockForm({ id, title, onStock }: { id: string; title: string; onStock: (n: number) => void }) {
  const [delta, setDelta] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const act = useAction();
  return (
    <form
      class="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await act.run(() => gql(ProductStockAdjustDocument, { input: { id, delta: parseInt(delta, 10) || 0 } }));
        if (!r) return;
        setErrors(r.productStockAdjust.errors);
        if (r.productStockAdjust.product) {
          onStock(r.productStockAdjust.product.stock);
          setDelta('');
        }
      }}
    >
      <FormErrors errors={errors} fields={['delta']} failure={act.failure} />
      <Field label={`Adjust stock of ${title} by`} name="delta" type="number" step={1} value={delta} onInput={setDelta} errors={errors} hint="e.g. 10 or -2" />
      <button type="submit" disabled={act.busy || !delta}>
        Adjust
      </button>
    </form>
  );
}

function OfferForm({ productId, title, onDone }: { productId: string; title: string; onDone: () => void }) {
  const [pct, setPct] = useState('10');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [ok, setOk] = useState<string | null>(null);
  const act = useAction();
  return (
    <form
      class="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setOk(null);
        const r = await act.run(() => gql(OfferPublishDocument, { input: { productId, commissionBps: Math.round(parseFloat(pct) * 100) } }));
        if (!r) return;
        setErrors(r.offerPublish.errors);
        if (r.offerPublish.offer) {
          setOk(`Offer published at ${bps(r.offerPublish.offer.commissionBps)}.`);
          onDone();
        }
      }}
    >
      <FormErrors errors={errors} fields={['commissionBps']} failure={act.failure} />
      <Field label={`Commission for creators on ${title} (%)`} name="commissionBps" type="number" min={1} max={80} step="0.5" value={pct} onInput={setPct} errors={errors} />
      <button type="submit" disabled={act.busy}>
        Publish offer
      </button>
      <span role="status" class="small">
        {ok ?? ''}
      </span>
    </form>
  );
}

function NewProduct({ vendorId, onDone }: { vendorId: string; onDone: () => void }) {
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [price, setPrice] = useState('');
  const [stock, setStock] = useState('10');
  const [sku, setSku] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const act = useAction();
  return (
    <details class="card">
      <summary>Add a product</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await act.run(() =>
            gql(ProductCreateDocument, {
              input: {
                vendorId,
                title,
                description,
                category,
                sku,
                stock: parseInt(stock, 10) || 0,
                price: { amountMinor: Math.round(parseFloat(price || '0') * 100), currency: 'USD' },
              },
            }),
          );
          if (!r) return;
          setErrors(r.productCreate.errors);
          if (r.productCreate.product) {
            setTitle('');
            setSku('');
            onDone();
          }
        }}
      >
        <FormErrors errors={errors} fields={['title', 'category', 'price', 'price.amountMinor', 'stock', 'sku', 'description']} failure={act.failure} />
        <Field label="Title" name="title" required value={title} onInput={setTitle} errors={errors} />
        <Field label="Category" name="category" required value={category} onInput={setCategory} errors={errors} />
        <Field label="Price (USD)" name="price.amountMinor" type="number" min={0} step="0.01" required value={price} onInput={setPrice} errors={errors} />
        <Field label="Stock" name="stock" type="number" min={0} step={1} required value={stock} onInput={setStock} errors={errors} />
        <Field label="SKU" name="sku" required value={sku} onInput={setSku} errors={errors} />
        <Field label="Description" name="description" multiline value={description} onInput={setDescription} errors={errors} />
        <button type="submit" class="primary" disabled={act.busy}>
          Add product
        </button>
      </form>
    </details>
  );
}

type OpenOffer = OffersQuery['offers']['edges'][number]['node'];

/** The product's open offer (what creators may book now) and a Withdraw button. */
function OpenOfferLine({ offer, title, onDone }: { offer: OpenOffer | undefined; title: string; onDone: () => void }) {
  const act = useAction();
  const [errors, setErrors] = useState<UserError[]>([]);
  if (!offer) return <p class="small muted offer-line">No open offer to creators.</p>;
  return (
    <div class="offer-line">
      <p class="small">
        Open offer: <strong>{bps(offer.commissionBps)}</strong> commission
        {offer.startsAt ? ` from ${formatTime(offer.startsAt)}` : ''}
        {offer.endsAt ? ` until ${formatTime(offer.endsAt)}` : ''}{' '}
        <button
          type="button"
          class="linklike"
          disabled={act.busy}
          onClick={async () => {
            const r = await act.run(() => gql(OfferWithdrawDocument, { input: { offerId: offer.id } }));
            if (!r) return;
            setErrors(r.offerWithdraw.errors);
            if (!r.offerWithdraw.errors.length) onDone();
          }}
        >
          Withdraw<span class="sr-only"> the offer on {title}</span>
        </button>
      </p>
      <FormErrors errors={errors} fields={[]} failure={act.failure} />
    </div>
  );
}

function ProductsTab({ vendorId, slug }: { vendorId: string; slug: string }) {
  const res = useLoad(async () => (await gql(VendorProductsDocument, { slug, first: 100 })).vendor?.products, [slug]);
  const offers = useLoad(async () => {
    const out = new Map<string, OpenOffer>();
    let after: string | null | undefined = undefined;
    for (let i = 0; i < 20; i++) {
      const o: OffersQuery = await gql(OffersDocument, { filter: { vendorId }, first: 100, after });
      for (const e of o.offers.edges) if (!out.has(e.node.product.id)) out.set(e.node.product.id, e.node);
      if (!o.offers.pageInfo.hasNextPage) break;
      after = o.offers.pageInfo.endCursor;
    }
    return out;
  }, [vendorId]);
  const [stock, setStock] = useState<Record<string, number>>({});
  return (
    <section aria-labelledby="prod-h">
      <h2 id="prod-h">Products and stock</h2>
      <NewProduct vendorId={vendorId} onDone={() => void res.reload()} />
      <ErrorBox error={res.error} />
      <ErrorBox error={offers.error} />
      {!res.data && res.loading && <Loading what="products" />}
      <ul class="list">
        {res.data?.edges.map(({ node: p }) => (
          <li key={p.id} class="card">
            <strong>{p.title}</strong> <span class="small muted">· {p.category} · {formatMoney(p.price)}</span>
            <p>
              Stock: <strong>{stock[p.id] ?? p.stock}</strong>
            </p>
            <StockForm id={p.id} title={p.title} onStock={(n) => setStock((s) => ({ ...s, [p.id]: n }))} />
            {offers.data && <OpenOfferLine offer={offers.data.get(p.id)} title={p.title} onDone={() => void offers.reload()} />}
            <details>
              <summary>Offer to creators</summary>
              <OfferForm productId={p.id} title={p.title} onDone={() => void offers.reload()} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

// --- Collaboration inbox

function CollabItem({ c, onChange }: { c: CollaborationFieldsFragment; onChange: () => void }) {
  const [reason, setReason] = useState('');
  const [pct, setPct] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const act = useAction();
  const done = (r: { errors: UserError[]; collaboration?: unknown } | undefined) => {
    if (!r) return;
    setErrors(r.errors);
    if (r.collaboration && !r.errors.length) onChange();
  };
  return (
    <li class="card">
      <StatusBadge status={c.status} /> <strong>{c.product.title}</strong> · @{c.influencer.handle} ({c.influencer.displayName})
      <p class="small">
        Asks {bps(c.requestedBps ?? c.commissionBps)} commission, {formatTime(c.startsAt)} – {formatTime(c.endsAt)}
        {c.message && <> · “{c.message}”</>}
      </p>
      {c.status === 'PENDING' && (
        <>
          <FormErrors errors={errors} fields={['reason', 'commissionBps']} failure={act.failure} />
          <div class="actions">
            <button type="button" class="primary" disabled={act.busy} onClick={async () => done((await act.run(() => gql(CollaborationApproveDocument, { input: { id: c.id } })))?.collaborationApprove)}>
              Approve<span class="sr-only"> request from @{c.influencer.handle}</span>
            </button>
          </div>
          <form
            class="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              done((await act.run(() => gql(CollaborationRejectDocument, { input: { id: c.id, reason } })))?.collaborationReject);
            }}
          >
            <Field label="Reason for rejecting" name="reason" value={reason} onInput={setReason} errors={errors} required />
            <button type="submit" disabled={act.busy}>
              Reject
            </button>
          </form>
          <form
            class="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              done(
                (await act.run(() => gql(CollaborationCounterDocument, { input: { id: c.id, commissionBps: Math.round(parseFloat(pct) * 100) } })))
                  ?.collaborationCounter,
              );
            }}
          >
            <Field label="Counter with commission (%)" name="commissionBps" type="number" min={1} max={80} step="0.5" value={pct} onInput={setPct} errors={errors} required />
            <button type="submit" disabled={act.busy}>
              Counter
            </button>
          </form>
        </>
      )}
    </li>
  );
}

function CollabsTab({ vendorId }: { vendorId: string }) {
  const inbox = useLoad(async () => (await gql(VendorCollaborationsDocument, { vendorId, status: 'PENDING', first: 50 })).collaborations, [vendorId]);
  const all = useLoad(async () => (await gql(VendorCollaborationsDocument, { vendorId, first: 50 })).collaborations, [vendorId]);
  const reload = () => {
    void inbox.reload();
    void all.reload();
  };
  return (
    <>
      <section aria-labelledby="inbox-h">
        <h2 id="inbox-h">Requests waiting for you</h2>
        <ErrorBox error={inbox.error} />
        {inbox.data && inbox.data.edges.length === 0 && <p class="muted">No pending requests.</p>}
        <ul class="list">
          {inbox.data?.edges.map(({ node }) => (
            <CollabItem key={node.id} c={node} onChange={reload} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="allcollabs-h">
        <h2 id="allcollabs-h">All collaborations</h2>
        <ul class="list">
          {all.data?.edges.map(({ node: c }) => (
            <li key={c.id}>
              <StatusBadge status={c.status} /> {c.product.title} · @{c.influencer.handle} · {bps(c.commissionBps)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

// --- Live sales: today's totals (UTC) from vendorSalesReport, plus the
// VendorSales events received since that report was asked for. vendorSales
// cannot resume after a reconnect, so the report is fetched again whenever
// the subscription is back and after each sale (which makes the totals exact
// again once it answers).

type Totals = { key: string; label: string; orders: number; orderIds: Set<string>; units: number; gross: number; commission: number; currency: string };
type Row = { key: string; label: string; currency: string; orders: number; units: number; gross: number; commission: number };
type Report = { at: number; byShow: Row[]; byInfluencer: Row[]; byDay: Row[] };

function utcDay(t: number): { from: string; to: string } {
  const d = new Date(t);
  const from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return { from: new Date(from).toISOString(), to: new Date(from + 86400_000).toISOString() };
}

/** Report rows plus the sales not in the report yet, keyed by key and currency. */
function combine(rows: Row[], extra: Sale[], keyOf: (s: Sale) => [string, string], labels: Map<string, string>): Totals[] {
  const out = new Map<string, Totals>();
  const get = (key: string, currency: string, label: string) => {
    const k = `${key}|${currency}`;
    let t = out.get(k);
    if (!t) {
      t = { key, label: labels.get(key) ?? label, orders: 0, orderIds: new Set(), units: 0, gross: 0, commission: 0, currency };
      out.set(k, t);
    }
    return t;
  };
  for (const r of rows) {
    const t = get(r.key, r.currency, r.label);
    t.orders += r.orders;
    t.units += r.units;
    t.gross += r.gross;
    t.commission += r.commission;
  }
  for (const s of extra) {
    const [key, label] = keyOf(s);
    const t = get(key, s.gross.currency, label);
    t.orderIds.add(s.orderId);
    t.units += s.quantity;
    t.gross += s.gross.amountMinor;
    t.commission += s.commission.amountMinor;
  }
  return [...out.values()].sort((a, b) => b.gross - a.gross || a.label.localeCompare(b.label));
}

function TotalsTable({ caption, keyLabel, totals, id }: { caption: string; keyLabel: string; totals: Totals[]; id: string }) {
  return (
    <div class="table-wrap">
      <table id={id} class="stack">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyLabel}</th>
            <th scope="col">Orders</th>
            <th scope="col">Units</th>
            <th scope="col">Gross</th>
            <th scope="col">Commission</th>
          </tr>
        </thead>
        <tbody>
          {totals.length === 0 && (
            <tr>
              <td colSpan={5} class="muted">
                No sales yet today.
              </td>
            </tr>
          )}
          {totals.map((t) => (
            <tr key={`${t.key}|${t.currency}`}>
              <th scope="row" data-label={keyLabel}>
                {t.label}
              </th>
              <td data-label="Orders">{t.orders + t.orderIds.size}</td>
              <td data-label="Units">{t.units}</td>
              <td data-label="Gross">{formatMoney({ amountMinor: t.gross, currency: t.currency })}</td>
              <td data-label="Commission">{formatMoney({ amountMinor: t.commission, currency: t.currency })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LiveTab({ vendorId }: { vendorId: string }) {
  const [sales, setSales] = useState<Sale[]>([]);
  // Every sale received, with when: those after the report's request are
  // added to it.
  const [received, setReceived] = useState<{ at: number; s: Sale }[]>([]);
  const [labels, setLabels] = useState(new Map<string, string>());
  const [report, setReport] = useState<Report | null>(null);
  const [reportError, setReportError] = useState<unknown>(null);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [problem, setProblem] = useState<string | null>(null);
  const fetchGen = useRef(0);
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const fetchReport = async () => {
    const g = ++fetchGen.current;
    const at = Date.now();
    const { from, to } = utcDay(at);
    const rows = async (groupBy: SalesGroupBy): Promise<Row[]> =>
      (await gql(VendorSalesReportDocument, { vendorId, groupBy, from, to })).vendorSalesReport.map((r) => ({
        key: r.key,
        label: r.label,
        currency: r.gross.currency,
        orders: r.orders,
        units: r.units,
        gross: r.gross.amountMinor,
        commission: r.commission.amountMinor,
      }));
    try {
      const [byShow, byInfluencer, byDay] = await Promise.all([rows('SHOW'), rows('INFLUENCER'), rows('DAY')]);
      if (g !== fetchGen.current) return;
      setReport({ at, byShow, byInfluencer, byDay });
      setReportError(null);
      setReceived((list) => list.filter((x) => x.at >= at));
    } catch (e) {
      if (g === fetchGen.current) setReportError(e);
    }
  };
  const refetchSoon = () => {
    if (refetchTimer.current) clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => void fetchReport(), 500);
  };

  useEffect(() => {
    setSales([]);
    setReceived([]);
    setReport(null);
    const un = subscribe(
      VendorSalesDocument,
      { vendorId },
      (d) => {
        const s = d.vendorSales;
        setProblem(null);
        setSales((list) => [s, ...list].slice(0, 100));
        setReceived((list) => [...list, { at: Date.now(), s }]);
        setLabels((m) => {
          const n = new Map(m);
          if (s.show) n.set(s.show.id, s.show.title);
          if (s.influencer) n.set(s.influencer.id, `@${s.influencer.handle} (${s.influencer.displayName})`);
          return n;
        });
        refetchSoon();
      },
      {
        onError: (m) => setProblem(m),
        onStatus: (st) => {
          setStatus(st);
          // Sales made while the subscription was down are not replayed: the
          // report has them.
          if (st === 'live') {
            setProblem(null);
            void fetchReport();
          }
        },
      },
    );
    return () => {
      un();
      fetchGen.current++;
      if (refetchTimer.current) clearTimeout(refetchTimer.current);
    };
  }, [vendorId]);

  const since = report?.at ?? 0;
  const extra = received.filter((x) => x.at >= since).map((x) => x.s);
  const showKey = (s: Sale): [string, string] => [s.show?.id ?? '', s.show ? s.show.title : 'Not from a show'];
  const infKey = (s: Sale): [string, string] => [
    s.influencer?.id ?? '',
    s.influencer ? `@${s.influencer.handle} (${s.influencer.displayName})` : 'No influencer',
  ];
  const fixLabel = (rows: Row[], none: string) => rows.map((r) => (r.key ? r : { ...r, label: none }));
  const byShow = report ? combine(fixLabel(report.byShow, 'Not from a show'), extra, showKey, labels) : [];
  const byInfluencer = report ? combine(fixLabel(report.byInfluencer, 'No influencer'), extra, infKey, labels) : [];
  const headline = report ? combine(report.byDay.map((r) => ({ ...r, key: 'today' })), extra, () => ['today', 'Today'], new Map()) : [];
  const stateText =
    status === 'live'
      ? 'Listening for sales'
      : status === 'error'
        ? `Live connection interrupted${problem ? ` (${problem})` : ''}; reconnecting…`
        : 'Connecting…';
  return (
    <section aria-labelledby="live-h">
      <h2 id="live-h">Live sales</h2>
      <p class="small live-state" role="status" data-state={status}>
        {stateText}
      </p>
      <ErrorBox error={reportError} />
      <p class="big-number" aria-live="polite" id="live-headline">
        <span class="sr-only">Paid sales today: </span>
        {!report
          ? '…'
          : headline.length === 0
            ? `${formatMoney({ amountMinor: 0, currency: 'USD' })} · 0 orders`
            : headline.map((t) => `${formatMoney({ amountMinor: t.gross, currency: t.currency })} · ${t.orders + t.orderIds.size} order${t.orders + t.orderIds.size === 1 ? '' : 's'}`).join(' + ')}
      </p>
      <p class="small muted">Today (UTC, paid orders), updated as sales come in.</p>
      <div class="two-col">
        <TotalsTable id="totals-show" caption="Today by show" keyLabel="Show" totals={byShow} />
        <TotalsTable id="totals-influencer" caption="Today by influencer" keyLabel="Influencer" totals={byInfluencer} />
      </div>
      <h3>Latest sales since you opened this page</h3>
      {sales.length === 0 && <p class="muted small">Waiting for sales…</p>}
      <ol class="sales" aria-live="polite">
        {sales.map((s, i) => (
          <li key={`${s.orderId}-${s.product.id}-${i}`} class="card sale">
            <strong>{s.quantity} × {s.product.title}</strong> · {formatMoney(s.gross)}
            <span class="small">
              {' '}
              · {s.show ? `show “${s.show.title}”` : 'not from a show'}
              {s.influencer ? ` · @${s.influencer.handle}` : ''} · commission {formatMoney(s.commission)} · {formatTime(s.at)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ReportsTab({ vendorId }: { vendorId: string }) {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const [groupBy, setGroupBy] = useState<SalesGroupBy>('SHOW');
  const [from, setFrom] = useState(day(new Date(Date.now() - 30 * 86400_000)));
  const [to, setTo] = useState(day(new Date(Date.now() + 86400_000)));
  const res = useLoad(
    async () =>
      (await gql(VendorSalesReportDocument, { vendorId, groupBy, from: new Date(from + 'T00:00:00Z').toISOString(), to: new Date(to + 'T00:00:00Z').toISOString() }))
        .vendorSalesReport,
    [vendorId, groupBy, from, to],
  );
  return (
    <section aria-labelledby="rep-h">
      <h2 id="rep-h">Sales report</h2>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Select
          label="Group by"
          name="groupBy"
          value={groupBy}
          onChange={(v) => setGroupBy(v as SalesGroupBy)}
          options={[
            { value: 'SHOW', label: 'Show' },
            { value: 'INFLUENCER', label: 'Influencer' },
            { value: 'PRODUCT', label: 'Product' },
            { value: 'DAY', label: 'Day' },
          ]}
        />
        <Field label="From (UTC)" name="from" type="date" value={from} onInput={setFrom} />
        <Field label="To (UTC, exclusive)" name="to" type="date" value={to} onInput={setTo} />
      </form>
      <ErrorBox error={res.error} />
      {res.data && <SalesTable rows={res.data} caption={`Paid sales by ${groupBy.toLowerCase()}`} keyLabel={groupBy[0] + groupBy.slice(1).toLowerCase()} />}
    </section>
  );
}

export function VendorPage({ vendorId, tab }: { vendorId?: string; tab?: string }) {
  const { viewer } = useViewer();
  const res = useLoad(async () => (viewer ? (await gql(MyVendorsDocument)).me?.vendors ?? [] : []), [viewer?.id]);
  const vendors = res.data ?? [];
  const current = vendors.find((v) => v.id === vendorId);
  useEffect(() => {
    if (res.data && !vendorId && res.data.length > 0) navigate(`/vendor/${res.data[0].id}/products`, true);
  }, [res.data, vendorId]);
  if (!viewer)
    return (
      <>
        <h1>Vendor dashboard</h1>
        <p>
          <a href="/signin?next=/vendor">Sign in</a> to manage your shop.
        </p>
      </>
    );
  if (res.error) return <ErrorBox error={res.error} />;
  if (!res.data) return <Loading what="shops" />;
  if (vendors.length === 0)
    return (
      <>
        <h1>Vendor dashboard</h1>
        <CreateVendor onDone={() => void res.reload()} />
      </>
    );
  if (!current) {
    if (!vendorId) return <Loading what="shop" />;
    return (
      <>
        <h1>Shop not found</h1>
        <p>This shop does not exist or you are not on its staff. Your shops:</p>
        <ul>
          {vendors.map((v) => (
            <li key={v.id}>
              <a href={`/vendor/${v.id}/products`}>{v.name}</a>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const t = tab ?? 'products';
  const tabs = [
    ['products', 'Products'],
    ['collaborations', 'Collaborations'],
    ['live', 'Live sales'],
    ['reports', 'Reports'],
    ['money', 'Balances & payouts'],
  ];
  return (
    <>
      <h1>{current.name} · dashboard</h1>
      {vendors.length > 1 && (
        <Select
          label="Shop"
          name="vendor"
          value={current.id}
          onChange={(v) => navigate(`/vendor/${v}/${t}`)}
          options={vendors.map((v) => ({ value: v.id, label: v.name }))}
        />
      )}
      <nav aria-label="Dashboard" class="tabs">
        <ul>
          {tabs.map(([k, label]) => (
            <li key={k}>
              <a href={`/vendor/${current.id}/${k}`} aria-current={t === k ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {t === 'products' && <ProductsTab vendorId={current.id} slug={current.slug} />}
      {t === 'collaborations' && <CollabsTab vendorId={current.id} />}
      {t === 'live' && <LiveTab vendorId={current.id} />}
      {t === 'reports' && <ReportsTab vendorId={current.id} />}
      {t === 'money' && (
        <section aria-labelledby="money-h">
          <h2 id="money-h">Balances and payouts</h2>
          <BalancesAndPayouts partyId={current.id} />
        </section>
      )}
    </>
  );
}
