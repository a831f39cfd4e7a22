import { useEffect, useRef, useState } from 'preact/hooks';
import { formatMoney, formatTime, gql, subscribe, type LiveStatus, type UserError } from '../api';
import {
  CartLineAddDocument,
  ChatPostDocument,
  ChatRemoveDocument,
  ProductPinDocument,
  ProductUnpinDocument,
  QuestionAnswerDocument,
  QuestionAskDocument,
  ShowChatDocument,
  ShowDocument,
  ShowEndDocument,
  ShowEventsDocument,
  ShowGoLiveDocument,
  ShowJoinDocument,
  ShowPublishDocument,
  ShowQuestionsDocument,
  ShowRescheduleDocument,
  type ChatMessageFieldsFragment,
  type QuestionFieldsFragment,
  type ShowEventsSubscription,
  type ShowQuery,
} from '../gql/graphql';
import { navigate, useViewer } from '../session';
import { RemindButton } from './discover';
import { Countdown, ErrorBox, Field, FormErrors, isoToLocal, Loading, localToIso, Select, StatusBadge, useAction, useLoad } from '../ui';

type Show = NonNullable<ShowQuery['show']>;
type Featured = Show['featuredProducts'][number];
type Question = Omit<QuestionFieldsFragment, 'author' | 'createdAt' | 'product' | 'answeredAt'> &
  Partial<Pick<QuestionFieldsFragment, 'author' | 'createdAt' | 'product' | 'answeredAt'>>;
type ChatMessage = Omit<ChatMessageFieldsFragment, 'createdAt'> & { createdAt?: string };
type ShowEvent = ShowEventsSubscription['showEvents'];

// --- Video: LiveKit when the server has video configured (ShowJoin returns a
// url), otherwise a panel saying so.

function VideoPanel({ show, isHost }: { show: Show; isHost: boolean }) {
  const join = useLoad(async () => {
    if (show.status !== 'LIVE' && show.status !== 'SCHEDULED') return null;
    return (await gql(ShowJoinDocument, { input: { id: show.id } })).showJoin;
  }, [show.id, show.status]);
  const videoRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState('');
  const [room, setRoom] = useState<import('livekit-client').Room | null>(null);
  const [needsAudioTap, setNeedsAudioTap] = useState(false);
  const [camera, setCamera] = useState<'off' | 'starting' | 'on'>('off');
  const j = join.data;
  const configured = !!(j && j.url && j.token);

  useEffect(() => {
    if (!configured || !j?.url || !j.token || show.status !== 'LIVE') return;
    let disposed = false;
    let r: import('livekit-client').Room | null = null;
    (async () => {
      const lk = await import('livekit-client');
      if (disposed) return;
      r = new lk.Room({ adaptiveStream: true });
      r.on(lk.RoomEvent.TrackSubscribed, (track) => {
        if (track.kind === 'video' || track.kind === 'audio') {
          const el = track.attach();
          if (el instanceof HTMLVideoElement) {
            el.playsInline = true;
            el.setAttribute('aria-label', `Live video of ${show.title}`);
          }
          videoRef.current?.appendChild(el);
        }
      });
      r.on(lk.RoomEvent.TrackUnsubscribed, (track) => track.detach().forEach((el) => el.remove()));
      // Browsers block sound until the user interacts with the page.
      r.on(lk.RoomEvent.AudioPlaybackStatusChanged, () => setNeedsAudioTap(!r!.canPlaybackAudio));
      // The host's own camera, muted, as a preview.
      r.on(lk.RoomEvent.LocalTrackPublished, (pub) => {
        const track = pub.track;
        if (track?.kind === 'video') {
          const el = track.attach();
          if (el instanceof HTMLVideoElement) {
            el.muted = true;
            el.playsInline = true;
            el.setAttribute('aria-label', 'Your camera (preview)');
          }
          previewRef.current?.appendChild(el);
        }
      });
      r.on(lk.RoomEvent.LocalTrackUnpublished, (pub) => pub.track?.detach().forEach((el) => el.remove()));
      r.on(lk.RoomEvent.Disconnected, () => {
        setState('Video disconnected.');
        setCamera('off');
      });
      setState('Connecting to video…');
      try {
        await r.connect(j.url!, j.token!);
        if (!disposed) {
          setState('');
          setRoom(r);
          setNeedsAudioTap(!r.canPlaybackAudio);
        }
      } catch (e) {
        setState(`Video unavailable: ${e instanceof Error ? e.message : String(e)}`);
      }
    })();
    return () => {
      disposed = true;
      void r?.disconnect();
      setRoom(null);
      setCamera('off');
      setNeedsAudioTap(false);
    };
  }, [configured, j?.url, j?.token, show.status, show.id]);

  if (join.loading && !j) return <div class="video video-off"><Loading what="video" /></div>;
  if (join.error && !j) {
    // ShowJoin failed: say why, rather than "not configured".
    return (
      <div class="video video-off" role="note" aria-label="Video">
        <p>
          <strong>Video unavailable</strong>
        </p>
        <p class="small">{join.error instanceof Error ? join.error.message : String(join.error)}</p>
        <button type="button" onClick={() => void join.reload()}>
          Try again
        </button>
      </div>
    );
  }
  if (!configured) {
    return (
      <div class="video video-off" role="note" aria-label="Video">
        <p>
          <strong>Video not configured</strong>
        </p>
        <p class="small">
          {show.status === 'LIVE' || show.status === 'SCHEDULED'
            ? 'This server has no video service (local mode). Chat, questions, pinned products and checkout work as in a real show.'
            : `This show is ${show.status.toLowerCase()}.`}
        </p>
        {j && j.errors.length > 0 && <p class="small">{j.errors[0].message}</p>}
      </div>
    );
  }
  return (
    <div class="video" aria-label="Video">
      <div ref={videoRef} class="video-frame">
        {show.status !== 'LIVE' && (
          <p class="video-wait">
            The video starts when the show goes live. <Countdown to={show.scheduledStart} />
          </p>
        )}
      </div>
      {isHost && <div ref={previewRef} class="video-preview" aria-label="Your camera" />}
      <p class="small" role="status">
        {state}
      </p>
      <div class="actions">
        {needsAudioTap && room && (
          <button
            type="button"
            class="primary"
            onClick={async () => {
              try {
                await room.startAudio();
                setNeedsAudioTap(!room.canPlaybackAudio);
              } catch (e) {
                setState(`Sound unavailable: ${e instanceof Error ? e.message : String(e)}`);
              }
            }}
          >
            Tap for sound
          </button>
        )}
        {isHost && j?.canPublish && room && (
          <button
            type="button"
            aria-pressed={camera === 'on'}
            disabled={camera === 'starting'}
            onClick={async () => {
              const on = camera !== 'on';
              setCamera('starting');
              try {
                await room.localParticipant.setCameraEnabled(on);
                await room.localParticipant.setMicrophoneEnabled(on);
                setCamera(on ? 'on' : 'off');
                setState(on ? 'Broadcasting.' : 'Camera and microphone off.');
              } catch (e) {
                setCamera(on ? 'off' : 'on');
                setState(`Camera unavailable: ${e instanceof Error ? e.message : String(e)}`);
              }
            }}
          >
            {camera === 'on' ? 'Stop camera and microphone' : camera === 'starting' ? 'Switching camera…' : 'Start camera and microphone'}
          </button>
        )}
      </div>
    </div>
  );
}

// --- Products

function ProductRow({
  f,
  show,
  stock,
  pinned,
  isHost,
  onPin,
  onBuy,
  busy,
}: {
  f: Featured;
  show: Show;
  stock: number;
  pinned: boolean;
  isHost: boolean;
  onPin: (productId: string | null) => void;
  onBuy: (productId: string, go: boolean) => void;
  busy: boolean;
}) {
  const p = f.product;
  const sale = f.flashSale;
  return (
    <li class={`card product${pinned ? ' pinned' : ''}`} data-product-id={p.id} aria-current={pinned ? 'true' : undefined}>
      <div class="product-head">
        <strong class="product-title">{p.title}</strong>
        {pinned && <span class="badge badge-pinned">Pinned</span>}
      </div>
      <p class="small muted">{p.vendor.name}</p>
      <p>
        <span class="price">{formatMoney(sale ? sale.price : p.price)}</span>
        {sale && (
          <span class="small">
            {' '}
            <s>{formatMoney(p.price)}</s> flash sale: {sale.remaining} of {sale.quantity} left, max {sale.perBuyerLimit} each
          </span>
        )}
      </p>
      <p class="stock small" data-stock={stock}>
        {stock > 0 ? `${stock} in stock` : 'Sold out'}
      </p>
      <div class="actions">
        {!isHost && (
          <>
            <button type="button" class="primary" disabled={busy || stock <= 0} onClick={() => onBuy(p.id, true)}>
              Buy now<span class="sr-only">: {p.title}</span>
            </button>
            <button type="button" disabled={busy || stock <= 0} onClick={() => onBuy(p.id, false)}>
              Add to cart<span class="sr-only">: {p.title}</span>
            </button>
          </>
        )}
        {isHost && (show.status === 'LIVE' || show.status === 'SCHEDULED') &&
          (pinned ? (
            <button type="button" disabled={busy} onClick={() => onPin(null)}>
              Unpin<span class="sr-only"> {p.title}</span>
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => onPin(p.id)}>
              Pin<span class="sr-only"> {p.title}</span>
            </button>
          ))}
      </div>
    </li>
  );
}

// --- Host controls: reschedule, publish, go live, end.

function HostControls({ show, onShow }: { show: Show; onShow: (s: Show) => void }) {
  const act = useAction();
  const [errors, setErrors] = useState<UserError[]>([]);
  const [start, setStart] = useState(isoToLocal(show.scheduledStart));
  const [end, setEnd] = useState(isoToLocal(show.scheduledEnd));
  const apply = (r: { show?: Show | null; errors: UserError[] } | undefined) => {
    if (!r) return;
    setErrors(r.errors);
    if (r.show) onShow(r.show);
  };
  const fields = ['scheduledStart', 'scheduledEnd'];
  return (
    <section class="card host-controls" aria-labelledby="host-h">
      <h2 id="host-h">Host controls</h2>
      <p>
        Status: <StatusBadge status={show.status} />
      </p>
      <FormErrors errors={errors} fields={fields} failure={act.failure} />
      <div class="actions">
        {show.status === 'DRAFT' && (
          <button type="button" class="primary" disabled={act.busy} onClick={async () => apply((await act.run(() => gql(ShowPublishDocument, { input: { id: show.id } })))?.showPublish)}>
            Publish
          </button>
        )}
        {show.status === 'SCHEDULED' && (
          <button type="button" class="primary" disabled={act.busy} onClick={async () => apply((await act.run(() => gql(ShowGoLiveDocument, { input: { id: show.id } })))?.showGoLive)}>
            Go live
          </button>
        )}
        {show.status === 'LIVE' && (
          <button type="button" class="danger" disabled={act.busy} onClick={async () => apply((await act.run(() => gql(ShowEndDocument, { input: { id: show.id } })))?.showEnd)}>
            End show
          </button>
        )}
      </div>
      {show.status === 'SCHEDULED' && <p class="hint">A show can go live from 30 minutes before its scheduled start.</p>}
      {(show.status === 'DRAFT' || show.status === 'SCHEDULED') && (
        <form
          class="inline-form"
          aria-label="Reschedule"
          onSubmit={async (e) => {
            e.preventDefault();
            apply(
              (await act.run(() =>
                gql(ShowRescheduleDocument, { input: { id: show.id, scheduledStart: localToIso(start), scheduledEnd: localToIso(end) } }),
              ))?.showReschedule,
            );
          }}
        >
          <Field label="Starts" name="scheduledStart" type="datetime-local" value={start} onInput={setStart} errors={errors} required />
          <Field label="Ends" name="scheduledEnd" type="datetime-local" value={end} onInput={setEnd} errors={errors} required />
          <button type="submit" disabled={act.busy}>
            Reschedule
          </button>
        </form>
      )}
    </section>
  );
}

// --- Q&A

function AnswerForm({ q, show, onDone }: { q: Question; show: Show; onDone: (q: Question) => void }) {
  const [answer, setAnswer] = useState('');
  const [productId, setProductId] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const act = useAction();
  return (
    <form
      class="answer-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await act.run(() => gql(QuestionAnswerDocument, { input: { questionId: q.id, answer, productId: productId || undefined } }));
        if (!r) return;
        setErrors(r.questionAnswer.errors);
        if (r.questionAnswer.question) {
          setAnswer('');
          onDone(r.questionAnswer.question);
        }
      }}
    >
      <FormErrors errors={errors} fields={['answer', 'productId']} failure={act.failure} />
      <Field label={`Answer to “${q.body}”`} name="answer" value={answer} onInput={setAnswer} errors={errors} required />
      <Select
        label="Link a product (optional)"
        name="productId"
        value={productId}
        onChange={setProductId}
        errors={errors}
        options={[{ value: '', label: 'None' }, ...show.featuredProducts.map((f) => ({ value: f.product.id, label: f.product.title }))]}
      />
      <button type="submit" disabled={act.busy}>
        Answer
      </button>
    </form>
  );
}

function PostForm({
  label,
  button,
  send,
}: {
  label: string;
  button: string;
  send: (body: string) => Promise<{ errors: UserError[]; ok: boolean } | undefined>;
}) {
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const act = useAction();
  return (
    <form
      class="post-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await act.run(() => send(body));
        if (!r) return;
        setErrors(r.errors);
        if (r.ok) setBody('');
      }}
    >
      <FormErrors errors={errors} fields={['body']} failure={act.failure} />
      <Field label={label} name="body" value={body} onInput={setBody} errors={errors} required />
      <button type="submit" disabled={act.busy || !body.trim()}>
        {button}
      </button>
    </form>
  );
}

// --- The page

export function ShowPage({ id }: { id: string }) {
  const { viewer } = useViewer();
  const res = useLoad(async () => (await gql(ShowDocument, { id })).show, [id]);
  const [show, setShow] = useState<Show | null>(null);
  const [stock, setStock] = useState<Record<string, number>>({});
  const [pinnedId, setPinnedId] = useState<string | null>(null);
  const [viewers, setViewers] = useState(0);
  const [chat, setChat] = useState<ChatMessage[]>([]);
  const [questions, setQuestions] = useState<Question[]>([]);
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [announce, setAnnounce] = useState('');
  const [chatAnnounce, setChatAnnounce] = useState('');
  const chatAct = useAction();
  const [buyMsg, setBuyMsg] = useState<string | null>(null);
  const buy = useAction();
  const host = useAction();
  const lastSeq = useRef<number>(0);

  const adopt = (s: Show) => {
    setShow(s);
    setStock(Object.fromEntries(s.featuredProducts.map((f) => [f.product.id, f.product.stock])));
    setPinnedId(s.pinnedProduct?.id ?? null);
    setViewers(s.viewerCount);
  };
  useEffect(() => {
    if (res.data) adopt(res.data);
  }, [res.data]);

  // Chat and questions, then live events (resuming after seq on reconnect).
  useEffect(() => {
    let cancelled = false;
    lastSeq.current = 0;
    setChat([]);
    setQuestions([]);
    const vars: { showId: string; afterSeq?: number | null } = { showId: id, afterSeq: null };
    const unsubscribe = subscribe(
      ShowEventsDocument,
      vars,
      (d) => {
        setLive('live');
        const ev = d.showEvents;
        if (ev.seq <= lastSeq.current) return;
        lastSeq.current = ev.seq;
        vars.afterSeq = ev.seq;
        apply(ev);
      },
      { onStatus: setLive },
    );
    (async () => {
      try {
        const [c, q] = await Promise.all([gql(ShowChatDocument, { id, first: 50 }), gql(ShowQuestionsDocument, { id, first: 50 })]);
        if (cancelled) return;
        const msgs = c.show?.chat.edges.map((e) => e.node) ?? [];
        setChat((cur) => mergeById(cur, msgs));
        setQuestions((cur) => mergeById(cur, q.show?.questions.edges.map((e) => e.node) ?? []));
      } catch {
        // the show itself reports errors
      }
    })();
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [id]);

  const apply = (ev: ShowEvent) => {
    switch (ev.__typename) {
      case 'ProductPinned':
        setPinnedId(ev.product.id);
        setAnnounce(`Pinned: ${ev.product.title}`);
        break;
      case 'ProductUnpinned':
        setPinnedId(null);
        setAnnounce('Product unpinned');
        break;
      case 'StockChanged':
        setStock((s) => ({ ...s, [ev.productId]: ev.stock }));
        break;
      case 'ViewerCountChanged':
        setViewers(ev.count);
        break;
      case 'ChatMessagePosted':
        setChat((c) => mergeById(c, [ev.message]).slice(0, CHAT_KEEP));
        setChatAnnounce(`${ev.message.author.displayName}: ${ev.message.body}`);
        break;
      case 'ChatMessageRemoved':
        setChat((c) => c.filter((m) => m.id !== ev.messageId));
        break;
      case 'QuestionAsked':
      case 'QuestionAnswered':
        setQuestions((qs) => mergeById(qs, [ev.question]));
        if (ev.__typename === 'QuestionAnswered') setAnnounce(`Answered: ${ev.question.body}`);
        break;
      case 'ShowStatusChanged':
        setShow((s) => (s ? { ...s, status: ev.status } : s));
        setAnnounce(`The show is now ${ev.status.toLowerCase()}`);
        void res.reload();
        break;
      case 'FlashSaleStarted':
      case 'FlashSaleEnded':
      case 'PurchaseMade':
        if (ev.__typename !== 'PurchaseMade') void res.reload();
        break;
    }
  };

  if (res.error && !show) return <ErrorBox error={res.error} />;
  if (!show) {
    if (res.loading) return <Loading what="show" />;
    return (
      <>
        <h1>Show not found</h1>
        <p>
          <a href="/">Back to Discover</a>
        </p>
      </>
    );
  }

  const isHost = !!viewer?.influencer && viewer.influencer.id === show.host.id;
  const pinned = show.featuredProducts.find((f) => f.product.id === pinnedId);
  const canTalk = !!viewer && show.status === 'LIVE';

  const onBuy = async (productId: string, go: boolean) => {
    if (!viewer) {
      navigate(`/signin?next=${encodeURIComponent(location.pathname)}`);
      return;
    }
    setBuyMsg(null);
    const r = await buy.run(() =>
      gql(CartLineAddDocument, { input: { productId, quantity: 1, showId: show.status === 'LIVE' ? show.id : undefined } }),
    );
    if (!r) return;
    if (r.cartLineAdd.errors.length) {
      setBuyMsg(r.cartLineAdd.errors.map((e) => e.message).join(' '));
      return;
    }
    if (go) navigate('/cart');
    else setBuyMsg('Added to your cart.');
  };
  const onPin = async (productId: string | null) => {
    const r = await host.run(() =>
      productId
        ? gql(ProductPinDocument, { input: { showId: show.id, productId } }).then((d) => d.productPin)
        : gql(ProductUnpinDocument, { input: { id: show.id } }).then((d) => d.productUnpin),
    );
    if (!r) return;
    if (r.errors.length) host.setFailure(r.errors.map((e) => e.message).join(' '));
    else if (r.show) setPinnedId(r.show.pinnedProduct?.id ?? null);
  };

  return (
    <div class="show-page">
      <div class="show-main">
        <p class="crumbs small">
          <a href="/">Discover</a> / {show.category}
        </p>
        <h1>{show.title}</h1>
        <p class="muted">
          <StatusBadge status={show.status} /> with <strong>{show.host.displayName}</strong> (@{show.host.handle}) ·{' '}
          {show.status === 'SCHEDULED' ? <Countdown to={show.scheduledStart} /> : formatTime(show.startedAt ?? show.scheduledStart)} ·{' '}
          <span aria-label="viewers">{viewers} watching</span>
        </p>
        <p class="small live-state" data-state={live}>
          {live === 'live' ? 'Live updates on' : live === 'error' ? 'Live updates interrupted; reconnecting…' : 'Connecting to live updates…'}
        </p>
        <div class="sr-only" role="status" aria-live="polite">
          {announce}
        </div>
        <VideoPanel show={show} isHost={isHost} />
        {show.status === 'SCHEDULED' && !isHost && <RemindButton show={show} />}
        {isHost && <HostControls show={show} onShow={adopt} />}
        <section class={`card pinned-panel${pinned ? ' has-pin' : ''}`} aria-labelledby="pinned-h" aria-live="polite">
          <h2 id="pinned-h">Pinned product</h2>
          {pinned ? (
            <div class="pinned-product" data-product-id={pinned.product.id}>
              <strong>{pinned.product.title}</strong> · {formatMoney(pinned.flashSale?.price ?? pinned.product.price)} ·{' '}
              <span class="small">{(stock[pinned.product.id] ?? pinned.product.stock) > 0 ? `${stock[pinned.product.id] ?? pinned.product.stock} in stock` : 'Sold out'}</span>
              {!isHost && (
                <div class="actions">
                  <button type="button" class="primary" disabled={buy.busy} onClick={() => onBuy(pinned.product.id, true)}>
                    Buy pinned product now
                  </button>
                </div>
              )}
            </div>
          ) : (
            <p class="muted small">Nothing pinned right now.</p>
          )}
        </section>
        <section aria-labelledby="products-h">
          <h2 id="products-h">Featured products</h2>
          {(buyMsg || buy.failure || host.failure) && (
            <p class="alert" role="alert">
              {buyMsg ?? buy.failure ?? host.failure}
            </p>
          )}
          <ul class="products">
            {show.featuredProducts.map((f) => (
              <ProductRow
                key={f.product.id}
                f={f}
                show={show}
                stock={stock[f.product.id] ?? f.product.stock}
                pinned={f.product.id === pinnedId}
                isHost={isHost}
                onPin={onPin}
                onBuy={onBuy}
                busy={buy.busy || host.busy}
              />
            ))}
          </ul>
        </section>
        {show.description && <p>{show.description}</p>}
      </div>
      <aside class="show-side">
        <section class="card" aria-labelledby="qa-h">
          <h2 id="qa-h">Questions</h2>
          {canTalk && !isHost && (
            <PostForm
              label="Ask the host a question"
              button="Ask"
              send={async (body) => {
                const r = (await gql(QuestionAskDocument, { input: { showId: show.id, body } })).questionAsk;
                if (r.question) setQuestions((qs) => mergeById(qs, [r.question!]));
                return { errors: r.errors, ok: !!r.question };
              }}
            />
          )}
          {!viewer && show.status === 'LIVE' && (
            <p class="small">
              <a href={`/signin?next=${encodeURIComponent(location.pathname)}`}>Sign in</a> to chat and ask questions.
            </p>
          )}
          <ul class="questions" aria-live="polite">
            {questions.length === 0 && <li class="muted small">No questions yet.</li>}
            {questions.map((q) => (
              <li key={q.id} class="question" data-question-id={q.id}>
                <p>
                  <strong>Q{q.author ? ` (${q.author.displayName})` : ''}:</strong> <span class="q-body">{q.body}</span>
                </p>
                {q.answer ? (
                  <p class="answer">
                    <strong>A:</strong> <span class="a-body">{q.answer}</span>
                    {q.product && <span class="small muted"> · {q.product.title}</span>}
                  </p>
                ) : isHost && show.status === 'LIVE' ? (
                  <AnswerForm q={q} show={show} onDone={(a) => setQuestions((qs) => mergeById(qs, [a]))} />
                ) : (
                  <p class="muted small">Waiting for an answer</p>
                )}
              </li>
            ))}
          </ul>
        </section>
        <section class="card" aria-labelledby="chat-h">
          <h2 id="chat-h">Live chat</h2>
          {canTalk && (
            <PostForm
              label="Chat message"
              button="Send"
              send={async (body) => {
                const r = (await gql(ChatPostDocument, { input: { showId: show.id, body } })).chatPost;
                if (r.message) setChat((c) => mergeById(c, [r.message!]).slice(0, CHAT_KEEP));
                return { errors: r.errors, ok: !!r.message };
              }}
            />
          )}
          {chatAct.failure && (
            <p class="alert" role="alert">
              {chatAct.failure}
            </p>
          )}
          <div class="sr-only" aria-live="polite">
            {chatAnnounce}
          </div>
          <ul class="chat">
            {chat.length === 0 && <li class="muted small">No messages yet.</li>}
            {chat.map((m) => (
              <li key={m.id} data-message-id={m.id}>
                <strong>{m.author.displayName}:</strong> {m.body}
                {isHost && (
                  <button
                    type="button"
                    class="linklike small"
                    onClick={async () => {
                      const r = await chatAct.run(() => gql(ChatRemoveDocument, { input: { messageId: m.id } }));
                      if (r && !r.chatRemove.errors.length) setChat((c) => c.filter((x) => x.id !== m.id));
                      else if (r) chatAct.setFailure(r.chatRemove.errors[0].message);
                    }}
                  >
                    Remove<span class="sr-only"> message from {m.author.displayName}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      </aside>
    </div>
  );
}

/** How many chat messages the page keeps (the newest). */
const CHAT_KEEP = 200;

/** Merges items into a newest-first list by id (later data wins, fields kept). */
function mergeById<T extends { id: string }>(list: T[], items: Partial<T>[] & { id: string }[]): T[] {
  const out = [...list];
  for (const it of [...items].reverse()) {
    const i = out.findIndex((x) => x.id === it.id);
    if (i >= 0) out[i] = { ...out[i], ...stripNull(it) } as T;
    else out.unshift(it as T);
  }
  return out;
}

function stripNull<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
