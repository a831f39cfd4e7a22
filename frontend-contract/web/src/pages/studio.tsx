import { useState } from 'preact/hooks';
import { formatMoney, formatTime, gql, type UserError } from '../api';
import {
  BalancesDocument,
  CollaborationAcceptCounterDocument,
  CollaborationBookDocument,
  CollaborationCancelDocument,
  EarningsDocument,
  InfluencerProfileCreateDocument,
  MyCollaborationsDocument,
  MyShowsDocument,
  OffersDocument,
  PayoutsDocument,
  ShowcaseDocument,
  ShowCreateDocument,
  ShowPublishDocument,
  type CollaborationFieldsFragment,
  type SalesRowFieldsFragment,
} from '../gql/graphql';
import { navigate, refreshViewer, useLocation, useViewer } from '../session';
import { bps, Countdown, ErrorBox, Field, FormErrors, isoToLocal, Loading, localToIso, StatusBadge, useAction, useLoad } from '../ui';

export function SalesTable({ rows, caption, keyLabel }: { rows: SalesRowFieldsFragment[]; caption: string; keyLabel: string }) {
  return (
    <div class="table-wrap">
      <table class="stack">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyLabel}</th>
            <th scope="col">Orders</th>
            <th scope="col">Units</th>
            <th scope="col">Gross</th>
            <th scope="col">Commission</th>
            <th scope="col">Platform fee</th>
            <th scope="col">Vendor net</th>
            <th scope="col">Refunded</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={8} class="muted">
                No sales in this period.
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.key + r.gross.currency}>
              <th scope="row" data-label={keyLabel}>
                {r.label || (r.key ? r.key : `No ${keyLabel.toLowerCase()}`)}
              </th>
              <td data-label="Orders">{r.orders}</td>
              <td data-label="Units">{r.units}</td>
              <td data-label="Gross">{formatMoney(r.gross)}</td>
              <td data-label="Commission">{formatMoney(r.commission)}</td>
              <td data-label="Platform fee">{formatMoney(r.platformFee)}</td>
              <td data-label="Vendor net">{formatMoney(r.vendorNet)}</td>
              <td data-label="Refunded">{formatMoney(r.refunded)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BalancesAndPayouts({ partyId }: { partyId: string }) {
  const res = useLoad(async () => {
    const [b, p] = await Promise.all([gql(BalancesDocument), gql(PayoutsDocument, { first: 50 })]);
    return {
      balances: b.balances.filter((x) => x.partyId === partyId),
      payouts: p.payouts.edges.map((e) => e.node).filter((x) => x.partyId === partyId),
    };
  }, [partyId]);
  if (res.error) return <ErrorBox error={res.error} />;
  if (!res.data) return <Loading what="balances" />;
  return (
    <>
      <h3>Balances</h3>
      {res.data.balances.length === 0 ? (
        <p class="muted">Nothing earned yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="stack">
            <caption class="sr-only">Balances</caption>
            <thead>
              <tr>
                <th scope="col">Currency</th>
                <th scope="col">Pending</th>
                <th scope="col">Available</th>
                <th scope="col">Paid out</th>
              </tr>
            </thead>
            <tbody>
              {res.data.balances.map((b) => (
                <tr key={b.currency}>
                  <th scope="row" data-label="Currency">
                    {b.currency}
                  </th>
                  <td data-label="Pending">{formatMoney(b.pending)}</td>
                  <td data-label="Available">{formatMoney(b.available)}</td>
                  <td data-label="Paid out">{formatMoney(b.paidOut)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Payouts</h3>
      {res.data.payouts.length === 0 ? (
        <p class="muted">No payouts yet.</p>
      ) : (
        <ul>
          {res.data.payouts.map((p) => (
            <li key={p.id}>
              {formatMoney(p.amount)} · <StatusBadge status={p.status} /> · {p.period} · created {formatTime(p.createdAt)}
              {p.reference ? ` · ref ${p.reference}` : ''}
              {p.failure ? ` · ${p.failure}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function CreateProfile() {
  const [handle, setHandle] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [bio, setBio] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const act = useAction();
  return (
    <div class="narrow">
      <h1>Become a creator</h1>
      <p>Create your influencer profile to book products and host live shows.</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await act.run(() => gql(InfluencerProfileCreateDocument, { input: { handle, displayName, bio } }));
          if (!r) return;
          setErrors(r.influencerProfileCreate.errors);
          if (r.influencerProfileCreate.influencer) await refreshViewer();
        }}
      >
        <FormErrors errors={errors} fields={['handle', 'displayName', 'bio']} failure={act.failure} />
        <Field label="Handle" name="handle" hint="Letters, digits, dots and underscores." required value={handle} onInput={setHandle} errors={errors} />
        <Field label="Display name" name="displayName" required value={displayName} onInput={setDisplayName} errors={errors} />
        <Field label="Bio" name="bio" multiline value={bio} onInput={setBio} errors={errors} />
        <button type="submit" class="primary" disabled={act.busy}>
          Create profile
        </button>
      </form>
    </div>
  );
}

function CreateShow({ showcase }: { showcase: CollaborationFieldsFragment[] }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState('');
  const [start, setStart] = useState(isoToLocal(Date.now() + 3600_000));
  const [end, setEnd] = useState(isoToLocal(Date.now() + 2 * 3600_000));
  const [productIds, setProductIds] = useState<string[]>([]);
  const [publish, setPublish] = useState(true);
  const [errors, setErrors] = useState<UserError[]>([]);
  const act = useAction();
  const products = [...new Map(showcase.map((c) => [c.product.id, c])).values()];
  return (
    <form
      class="card"
      aria-labelledby="create-h"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await act.run(async () => {
          const c = (
            await gql(ShowCreateDocument, {
              input: { title, description, category, scheduledStart: localToIso(start), scheduledEnd: localToIso(end), productIds },
            })
          ).showCreate;
          if (!c.show || !publish) return c;
          const p = (await gql(ShowPublishDocument, { input: { id: c.show.id } })).showPublish;
          return { show: c.show, errors: p.errors };
        });
        if (!r) return;
        setErrors(r.errors);
        if (r.show && !r.errors.length) navigate(`/shows/${r.show.id}`);
      }}
    >
      <h2 id="create-h">Create a show</h2>
      <FormErrors errors={errors} fields={['title', 'description', 'category', 'scheduledStart', 'scheduledEnd', 'productIds']} failure={act.failure} />
      <Field label="Title" name="title" required value={title} onInput={setTitle} errors={errors} />
      <Field label="Description" name="description" multiline value={description} onInput={setDescription} errors={errors} />
      <Field label="Category" name="category" required value={category} onInput={setCategory} errors={errors} placeholder="beauty" />
      <Field label="Starts" name="scheduledStart" type="datetime-local" required value={start} onInput={setStart} errors={errors} />
      <Field label="Ends" name="scheduledEnd" type="datetime-local" required value={end} onInput={setEnd} errors={errors} />
      <fieldset>
        <legend>Products to feature (from your showcase)</legend>
        {products.length === 0 && <p class="muted small">Book an offer first: your showcase is empty.</p>}
        {products.map((c) => (
          <div class="check" key={c.product.id}>
            <input
              type="checkbox"
              id={`feat-${c.product.id}`}
              checked={productIds.includes(c.product.id)}
              onChange={(e) =>
                setProductIds((ids) =>
                  (e.target as HTMLInputElement).checked ? [...ids, c.product.id] : ids.filter((x) => x !== c.product.id),
                )
              }
            />
            <label for={`feat-${c.product.id}`}>
              {c.product.title} <span class="muted small">({c.vendor.name}, {bps(c.commissionBps)} commission)</span>
            </label>
          </div>
        ))}
        {errors.find((e) => e.field?.[1] === 'productIds') && (
          <p class="error" role="alert">
            {errors.find((e) => e.field?.[1] === 'productIds')!.message}
          </p>
        )}
      </fieldset>
      <div class="check">
        <input type="checkbox" id="publish-now" checked={publish} onChange={(e) => setPublish((e.target as HTMLInputElement).checked)} />
        <label for="publish-now">Publish now (shoppers can find it and set reminders)</label>
      </div>
      <button type="submit" class="primary" disabled={act.busy}>
        {publish ? 'Create and publish' : 'Create draft'}
      </button>
    </form>
  );
}

function ShowsTab({ influencerId }: { influencerId: string }) {
  const shows = useLoad(async () => (await gql(MyShowsDocument, { influencerId, first: 50 })).influencer?.shows, [influencerId]);
  const past = useLoad(async () => (await gql(MyShowsDocument, { influencerId, status: ['ENDED', 'CANCELLED'], first: 20 })).influencer?.shows, [influencerId]);
  const showcase = useLoad(async () => (await gql(ShowcaseDocument, { first: 100 })).showcase.edges.map((e) => e.node), []);
  return (
    <>
      <section aria-labelledby="myshows-h">
        <h2 id="myshows-h">My shows</h2>
        <ErrorBox error={shows.error} />
        {shows.data && shows.data.edges.length === 0 && <p class="muted">No upcoming shows.</p>}
        <ul class="list">
          {shows.data?.edges.map(({ node: s }) => (
            <li key={s.id} class="card">
              <StatusBadge status={s.status} /> <a href={`/shows/${s.id}`}>{s.title}</a>
              <span class="small muted"> · {formatTime(s.scheduledStart)} · </span>
              {s.status === 'SCHEDULED' && <Countdown to={s.scheduledStart} />}
              <span class="small muted">
                {' '}
                · {s.featuredProducts.length} products · {s.reminderCount} reminders
              </span>
            </li>
          ))}
        </ul>
        {past.data && past.data.edges.length > 0 && (
          <details>
            <summary>Past shows ({past.data.totalCount})</summary>
            <ul>
              {past.data.edges.map(({ node: s }) => (
                <li key={s.id}>
                  <a href={`/shows/${s.id}`}>{s.title}</a> · {s.status.toLowerCase()} · {formatTime(s.scheduledStart)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      {showcase.data && <CreateShow showcase={showcase.data} />}
    </>
  );
}

function CollabsTab() {
  const showcase = useLoad(async () => (await gql(ShowcaseDocument, { first: 100 })).showcase, []);
  const collabs = useLoad(async () => (await gql(MyCollaborationsDocument, { first: 50 })).collaborations, []);
  const offers = useLoad(async () => (await gql(OffersDocument, { first: 30 })).offers, []);
  const act = useAction();
  const [msg, setMsg] = useState<string | null>(null);
  const after = async (r: { errors: UserError[] } | undefined, ok: string) => {
    if (!r) return;
    setMsg(r.errors.length ? r.errors.map((e) => e.message).join(' ') : ok);
    await Promise.all([showcase.reload(), collabs.reload()]);
  };
  return (
    <>
      <p role="status" class="small">
        {act.failure ?? msg ?? ''}
      </p>
      <section aria-labelledby="showcase-h">
        <h2 id="showcase-h">Showcase</h2>
        <p class="muted small">Products you may feature now (your active collaborations).</p>
        <ErrorBox error={showcase.error} />
        <ul class="grid">
          {showcase.data?.edges.map(({ node: c }) => (
            <li key={c.id} class="card">
              <strong>{c.product.title}</strong>
              <p class="small muted">
                {c.vendor.name} · {formatMoney(c.product.price)} · {bps(c.commissionBps)} commission · until {formatTime(c.endsAt)}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="collabs-h">
        <h2 id="collabs-h">My collaborations</h2>
        <ErrorBox error={collabs.error} />
        <ul class="list">
          {collabs.data?.edges.map(({ node: c }) => (
            <li key={c.id} class="card">
              <StatusBadge status={c.status} /> <strong>{c.product.title}</strong> <span class="small muted">· {c.vendor.name}</span>
              <p class="small">
                {bps(c.commissionBps)} commission
                {c.status === 'COUNTERED' && c.requestedBps != null && <> (you asked {bps(c.requestedBps)})</>}
                {c.rejectReason && <> · rejected: {c.rejectReason}</>}
              </p>
              <div class="actions">
                {c.status === 'COUNTERED' && (
                  <button
                    type="button"
                    disabled={act.busy}
                    onClick={async () =>
                      after((await act.run(() => gql(CollaborationAcceptCounterDocument, { input: { id: c.id } })))?.collaborationAcceptCounter, 'Counter-offer accepted.')
                    }
                  >
                    Accept {bps(c.commissionBps)}
                  </button>
                )}
                {(c.status === 'PENDING' || c.status === 'COUNTERED' || c.status === 'ACTIVE') && (
                  <button
                    type="button"
                    class="linklike"
                    disabled={act.busy}
                    onClick={async () =>
                      after((await act.run(() => gql(CollaborationCancelDocument, { input: { id: c.id } })))?.collaborationCancel, 'Collaboration cancelled.')
                    }
                  >
                    Cancel<span class="sr-only"> collaboration on {c.product.title}</span>
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="offers-h">
        <h2 id="offers-h">Open offers</h2>
        <ErrorBox error={offers.error} />
        <ul class="list">
          {offers.data?.edges.map(({ node: o }) => (
            <li key={o.id} class="card">
              <strong>{o.product.title}</strong>{' '}
              <span class="small muted">
                · {o.product.vendor.name} · {formatMoney(o.product.price)} · {bps(o.commissionBps)} commission
              </span>
              <div class="actions">
                <button
                  type="button"
                  disabled={act.busy}
                  onClick={async () => after((await act.run(() => gql(CollaborationBookDocument, { input: { offerId: o.id } })))?.collaborationBook, 'Booked.')}
                >
                  Book<span class="sr-only"> {o.product.title}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function EarningsTab({ influencerId }: { influencerId: string }) {
  const [days, setDays] = useState(30);
  const res = useLoad(async () => {
    const to = new Date(Date.now() + 86400_000);
    const from = new Date(to.getTime() - (days + 1) * 86400_000);
    return (await gql(EarningsDocument, { from: from.toISOString(), to: to.toISOString() })).earnings;
  }, [days]);
  return (
    <>
      <section aria-labelledby="earn-h">
        <h2 id="earn-h">Earnings by show</h2>
        <label>
          Period{' '}
          <select value={String(days)} onChange={(e) => setDays(parseInt((e.target as HTMLSelectElement).value, 10))}>
            <option value="7">Last 7 days</option>
            <option value="30">Last 30 days</option>
            <option value="365">Last 365 days</option>
          </select>
        </label>
        <ErrorBox error={res.error} />
        {res.data && <SalesTable rows={res.data} caption="Your attributed sales; commission is what you earned" keyLabel="Show" />}
      </section>
      <section aria-labelledby="bal-h">
        <h2 id="bal-h">Money</h2>
        <BalancesAndPayouts partyId={influencerId} />
      </section>
    </>
  );
}

export function StudioPage() {
  const { viewer } = useViewer();
  const { path } = useLocation();
  if (!viewer)
    return (
      <>
        <h1>Influencer studio</h1>
        <p>
          <a href="/signin?next=/studio">Sign in</a> to open your studio.
        </p>
      </>
    );
  if (!viewer.influencer) return <CreateProfile />;
  const tab = path.split('/')[2] ?? '';
  const tabs = [
    ['', 'Shows'],
    ['collaborations', 'Collaborations'],
    ['earnings', 'Earnings'],
  ];
  return (
    <>
      <h1>Studio · @{viewer.influencer.handle}</h1>
      <nav aria-label="Studio" class="tabs">
        <ul>
          {tabs.map(([t, label]) => (
            <li key={t}>
              <a href={`/studio${t ? '/' + t : ''}`} aria-current={tab === t ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tab === '' && <ShowsTab influencerId={viewer.influencer.id} />}
      {tab === 'collaborations' && <CollabsTab />}
      {tab === 'earnings' && <EarningsTab influencerId={viewer.influencer.id} />}
    </>
  );
}
