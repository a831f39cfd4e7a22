import { useRef, useState } from 'preact/hooks';
import { ApiError, formatMoney, formatTime, gql, newIdempotencyKey, type UserError } from '../api';
import { CartDocument, CartLineUpdateDocument, CheckoutDocument, MyOrdersDocument, OrderDocument, type OrderFieldsFragment } from '../gql/graphql';
import { navigate, useViewer } from '../session';
import { ErrorBox, Field, FormErrors, Loading, Select, StatusBadge, useAction, useLoad } from '../ui';

function NeedSignIn() {
  return (
    <p>
      <a href={`/signin?next=${encodeURIComponent(location.pathname)}`}>Sign in</a> to see this page.
    </p>
  );
}

const CHECKOUT_FIELDS = [
  'paymentToken',
  'shippingAddress.name',
  'shippingAddress.line1',
  'shippingAddress.line2',
  'shippingAddress.city',
  'shippingAddress.postalCode',
  'shippingAddress.country',
];

export function CartPage() {
  const { viewer } = useViewer();
  const cart = useLoad(async () => (viewer ? (await gql(CartDocument)).cart : null), [viewer?.id]);
  const [name, setName] = useState(viewer?.displayName ?? '');
  const [line1, setLine1] = useState('');
  const [line2, setLine2] = useState('');
  const [city, setCity] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [country, setCountry] = useState('US');
  const [paymentToken, setPaymentToken] = useState('tok_visa');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [lineErr, setLineErr] = useState<string | null>(null);
  const act = useAction();
  const lineAct = useAction();
  const checkoutKey = useRef<string | null>(null);
  if (!viewer) return <><h1>Your cart</h1><NeedSignIn /></>;
  const c = cart.data;
  return (
    <div class="two-col">
      <section aria-labelledby="cart-h">
        <h1 id="cart-h">Your cart</h1>
        <ErrorBox error={cart.error} />
        {!c && cart.loading && <Loading what="cart" />}
        {c && c.lines.length === 0 && (
          <p>
            Your cart is empty. <a href="/">Find a show</a>.
          </p>
        )}
        {(lineErr || lineAct.failure) && (
          <p class="alert" role="alert">
            {lineErr ?? lineAct.failure}
          </p>
        )}
        {c && c.lines.length > 0 && (
          <ul class="cart-lines">
            {c.lines.map((l) => (
              <li key={l.id} class="card cart-line">
                <strong>{l.product.title}</strong>
                <span class="small muted">
                  {' '}
                  · {l.vendor.name}
                  {l.show ? ` · from “${l.show.title}”` : ''}
                </span>
                <div class="line-row">
                  <label>
                    Quantity<span class="sr-only"> of {l.product.title}</span>{' '}
                    <select
                      value={String(l.quantity)}
                      disabled={lineAct.busy}
                      onChange={async (e) => {
                        const quantity = parseInt((e.target as HTMLSelectElement).value, 10);
                        const r = await lineAct.run(() => gql(CartLineUpdateDocument, { input: { lineId: l.id, quantity } }));
                        if (!r) return;
                        setLineErr(r.cartLineUpdate.errors[0]?.message ?? null);
                        if (r.cartLineUpdate.cart) cart.setData(() => r.cartLineUpdate.cart!);
                      }}
                    >
                      {Array.from({ length: Math.max(10, l.quantity) }, (_, i) => i + 1).map((n) => (
                        <option key={n} value={String(n)}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </label>
                  <span>
                    {formatMoney(l.unitPrice)} each · <strong>{formatMoney(l.total)}</strong>
                  </span>
                  <button
                    type="button"
                    class="linklike"
                    disabled={lineAct.busy}
                    onClick={async () => {
                      const r = await lineAct.run(() => gql(CartLineUpdateDocument, { input: { lineId: l.id, quantity: 0 } }));
                      if (r?.cartLineUpdate.cart) cart.setData(() => r.cartLineUpdate.cart!);
                    }}
                  >
                    Remove<span class="sr-only"> {l.product.title}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {c && c.subtotals.length > 0 && (
          <p class="subtotal">
            Subtotal: <strong>{c.subtotals.map(formatMoney).join(' + ')}</strong>
          </p>
        )}
      </section>
      {c && c.lines.length > 0 && (
        <section aria-labelledby="checkout-h">
          <h2 id="checkout-h">Checkout</h2>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              // One key per checkout attempt: a retry after a network or HTTP
              // failure (the order may have been placed) sends the same key;
              // a definite answer (an order, or errors) ends the attempt.
              if (!checkoutKey.current) checkoutKey.current = newIdempotencyKey();
              const idempotencyKey = checkoutKey.current;
              const r = await act.run(async () => {
                try {
                  return await gql(CheckoutDocument, {
                    input: {
                      idempotencyKey,
                    paymentToken,
                      shippingAddress: { name, line1, line2: line2 || undefined, city, postalCode, country: country.toUpperCase() },
                    },
                  });
                } catch (err) {
                  const unsure = !(err instanceof ApiError) || err.code === 'NETWORK' || err.code === 'HTTP' || !err.code;
                  if (!unsure) checkoutKey.current = null;
                  throw err;
                }
              });
              if (!r) return;
              checkoutKey.current = null;
              setErrors(r.checkout.errors);
              if (r.checkout.order) navigate(`/orders/${r.checkout.order.id}?placed=1`);
            }}
          >
            <FormErrors errors={errors} fields={CHECKOUT_FIELDS} failure={act.failure} />
            <fieldset>
              <legend>Shipping address</legend>
              <Field label="Full name" name="shippingAddress.name" autocomplete="name" required value={name} onInput={setName} errors={errors} />
              <Field label="Address" name="shippingAddress.line1" autocomplete="address-line1" required value={line1} onInput={setLine1} errors={errors} />
              <Field label="Address line 2 (optional)" name="shippingAddress.line2" autocomplete="address-line2" value={line2} onInput={setLine2} errors={errors} />
              <Field label="City" name="shippingAddress.city" autocomplete="address-level2" required value={city} onInput={setCity} errors={errors} />
              <Field label="Postal code" name="shippingAddress.postalCode" autocomplete="postal-code" required value={postalCode} onInput={setPostalCode} errors={errors} />
              <Field
                label="Country code"
                name="shippingAddress.country"
                autocomplete="country"
                hint="Two letters, e.g. US, FR."
                required
                value={country}
                onInput={setCountry}
                errors={errors}
              />
            </fieldset>
            <fieldset>
              <legend>Payment</legend>
              <Field
                label="Payment token"
                name="paymentToken"
                hint="Test mode: tok_visa is accepted, tok_declined is declined."
                required
                value={paymentToken}
                onInput={setPaymentToken}
                errors={errors}
              />
            </fieldset>
            <button type="submit" class="primary" disabled={act.busy}>
              {act.busy ? 'Placing order…' : `Place order · ${c.subtotals.map(formatMoney).join(' + ')}`}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}

function OrderSummary({ o }: { o: OrderFieldsFragment }) {
  return (
    <>
      <p>
        <StatusBadge status={o.status} /> · placed {formatTime(o.createdAt)}
        {o.show && (
          <>
            {' '}
            · in <a href={`/shows/${o.show.id}`}>{o.show.title}</a>
          </>
        )}
        {o.influencer && <> with @{o.influencer.handle}</>}
      </p>
      <table class="stack">
        <caption class="sr-only">Order lines</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Seller</th>
            <th scope="col">Qty</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {o.lines.map((l) => (
            <tr key={l.id}>
              <td data-label="Product">{l.product.title}</td>
              <td data-label="Seller">{l.vendor.name}</td>
              <td data-label="Qty">
                {l.quantity}
                {l.refundedQuantity > 0 && <span class="small"> ({l.refundedQuantity} refunded)</span>}
              </td>
              <td data-label="Total">{formatMoney(l.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td>
              <strong>{formatMoney(o.total)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}

export function OrderPage({ id }: { id: string }) {
  const { viewer } = useViewer();
  const placed = new URLSearchParams(location.search).has('placed');
  const res = useLoad(async () => (viewer ? (await gql(OrderDocument, { id })).order : null), [id, viewer?.id]);
  if (!viewer) return <><h1>Order</h1><NeedSignIn /></>;
  const o = res.data;
  return (
    <>
      {placed && o && o.status === 'PAID' ? (
        <div class="confirmation" role="status">
          <h1>Thank you! Order {o.number} is confirmed</h1>
          <p>We have your payment; the sellers will ship soon.</p>
        </div>
      ) : placed && o ? (
        <div class="alert" role="status">
          <h1>Order {o.number} is {o.status.toLowerCase().replace(/_/g, ' ')}</h1>
          <p>{o.status === 'CANCELLED' ? 'The payment did not go through; nothing was charged.' : 'See the details below.'}</p>
        </div>
      ) : (
        <h1>Order {o ? o.number : ''}</h1>
      )}
      <ErrorBox error={res.error} />
      {res.loading && !o && <Loading what="order" />}
      {!res.loading && !o && !res.error && <p>Order not found.</p>}
      {o && <OrderSummary o={o} />}
      <p>
        <a href="/orders">All orders</a> · <a href="/">Keep shopping</a>
      </p>
    </>
  );
}

export function OrdersPage() {
  const { viewer } = useViewer();
  const [status, setStatus] = useState('');
  const res = useLoad(
    async () => (viewer ? (await gql(MyOrdersDocument, { status: (status || undefined) as never, first: 50 })).orders : null),
    [viewer?.id, status],
  );
  if (!viewer) return <><h1>Your orders</h1><NeedSignIn /></>;
  return (
    <>
      <h1>Your orders</h1>
      <Select
        label="Status"
        name="status"
        value={status}
        onChange={setStatus}
        options={[
          { value: '', label: 'All' },
          { value: 'PAID', label: 'Paid' },
          { value: 'PARTIALLY_REFUNDED', label: 'Partially refunded' },
          { value: 'REFUNDED', label: 'Refunded' },
          { value: 'CANCELLED', label: 'Cancelled (declined)' },
        ]}
      />
      <ErrorBox error={res.error} />
      {res.loading && !res.data && <Loading what="orders" />}
      {res.data && res.data.edges.length === 0 && <p>No orders yet.</p>}
      <ul class="orders">
        {res.data?.edges.map(({ node: o }) => (
          <li key={o.id} class="card">
            <a href={`/orders/${o.id}`}>
              Order {o.number}
            </a>{' '}
            · <StatusBadge status={o.status} /> · {formatMoney(o.total)} · {formatTime(o.createdAt)}
            <p class="small muted">{o.lines.map((l) => `${l.quantity} × ${l.product.title}`).join(', ')}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
