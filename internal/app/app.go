// Package app wires Livemarket together: domain services over one database,
// the GraphQL handler and the HTTP routes. cmd/livemarket and the end-to-end
// tests build the same App.
package app

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/discovery"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/live"
	"github.com/livemarket/livemarket/domain/notify"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/domain/payout"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/domain/showevents"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/frontend-contract/web"
	"github.com/livemarket/livemarket/graph"
	"github.com/livemarket/livemarket/internal/bus"
	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/internal/livekit"
)

// Options configure an App; zero values select safe defaults (everything
// optional off).
type Options struct {
	Clock  kernel.Clock
	Logger *slog.Logger
	// Introspection and GraphiQL are on in local mode, off in production
	// unless enabled.
	Introspection bool
	GraphiQL      bool
	Limits        graph.Limits
	Accounts      account.Options
	Collab        collab.Options
	// LiveKit locates the video server; an empty URL means video is not
	// configured (tokens are still issued when a key and secret are set).
	LiveKit livekit.Config
	// ReminderLead is how long before a show's start reminders go out.
	ReminderLead time.Duration
	// Search is the search engine (Meilisearch or the embedded one); nil
	// means search is unavailable.
	Search discovery.Engine
	// NotifyBus delivers live notifications; nil means in-process only
	// (one process). Set the Redis bus when replicas or workers run apart.
	NotifyBus notify.Bus
	// EventBus delivers live show events; nil means in-process only.
	EventBus showevents.Bus
	// SalesBus delivers live sales to vendors; nil means in-process only.
	SalesBus order.SalesBus
	// Payments takes payments; nil is the built-in test provider (tok_visa
	// succeeds, tok_declined is declined).
	Payments order.PaymentProvider
	// AttributionWindow and ReservationTTL: see order.Options (zero: defaults).
	AttributionWindow time.Duration
	ReservationTTL    time.Duration
	// Websocket tunes subscriptions (zero: defaults).
	Websocket graph.WebsocketOptions
	// Payout configures payouts: hold, minimum, provider (zero: defaults).
	Payout payout.Options
}

// App is a wired Livemarket instance.
type App struct {
	DB          *bun.DB
	Accounts    *account.Service
	Vendors     *vendor.Service
	Influencers *influencer.Service
	Catalog     *catalog.Service
	Collab      *collab.Service
	Notify      *notify.Service
	Shows       *show.Service
	Discovery   *discovery.Service
	Live        *live.Service
	Sales       *order.Sales
	Orders      *order.Service
	Payouts     *payout.Service

	opt           Options
	notifications bus.Notifications
	eventBus      showevents.Bus
	rooms         *livekit.Rooms
	fanout        *graph.ShowFanout
}

// ShowSubscribers counts a show's event subscribers in this process: those
// sharing a fan-out stream and those subscribed to the bus on their own.
func (a *App) ShowSubscribers(showID string) int {
	members, groups := a.fanout.Subscribers(showID)
	if c, ok := a.eventBus.(interface{ Count(string) int }); ok {
		return members + max(c.Count(showID)-groups, 0)
	}
	return members
}

// ShowStreams counts showID's subscribers that share fan-out streams, and
// those streams (one per distinct subscription document).
func (a *App) ShowStreams(showID string) (shared, streams int) { return a.fanout.Subscribers(showID) }

// SalesSubscribers counts vendorID's live sales subscribers in this process
// (in-process bus only).
func (a *App) SalesSubscribers(vendorID string) int {
	if b, ok := a.opt.SalesBus.(bus.Sales); ok {
		return b.Subscribers("vendor:" + vendorID)
	}
	return 0
}

// NotificationSubscribers counts live notification subscriptions in this process.
func (a *App) NotificationSubscribers() int { return a.notifications.Total() }

// New wires the services over db.
func New(db *bun.DB, opt Options) *App {
	if opt.Clock == nil {
		opt.Clock = kernel.SystemClock{}
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	a := &App{DB: db, opt: opt}
	a.Accounts = account.NewService(db, opt.Clock, opt.Accounts)
	a.Vendors = vendor.NewService(db, opt.Clock, a.Accounts)
	a.Influencers = influencer.NewService(db, opt.Clock)
	a.Catalog = catalog.NewService(db, opt.Clock, a.Vendors)
	a.notifications = bus.NewNotifications()
	var nb notify.Bus = a.notifications
	if opt.NotifyBus != nil {
		nb = opt.NotifyBus
	}
	a.Notify = notify.NewService(db, opt.Clock, nb, opt.Logger)
	a.Collab = collab.NewService(db, opt.Clock, a.Notify, opt.Collab)
	a.rooms = livekit.New(opt.LiveKit)
	if opt.Search == nil {
		opt.Search = discovery.Unavailable{}
	}
	a.Discovery = discovery.NewService(db, opt.Search)
	if opt.EventBus == nil {
		opt.EventBus = bus.NewShowEvents()
	}
	a.eventBus = opt.EventBus
	a.Live = live.NewService(db, opt.Clock, opt.EventBus)
	a.fanout = graph.NewShowFanout(a.Live, opt.Logger)
	if opt.SalesBus == nil {
		opt.SalesBus = bus.NewSales()
	}
	a.opt.SalesBus = opt.SalesBus
	a.Sales = order.NewSales(a.Vendors, opt.SalesBus)
	a.Orders = order.NewService(db, opt.Clock, order.Options{Payments: opt.Payments, Events: opt.EventBus, Sales: a.Sales,
		Logger: opt.Logger, DefaultPlatformFeeBps: opt.Collab.DefaultPlatformFeeBps,
		AttributionWindow: opt.AttributionWindow, ReservationTTL: opt.ReservationTTL})
	if opt.Payout.Logger == nil {
		opt.Payout.Logger = opt.Logger
	}
	a.Payouts = payout.NewService(db, opt.Clock, opt.Payout)
	a.Shows = show.NewService(db, opt.Clock, show.Options{Rooms: a.rooms, Notifier: a.Notify, Events: opt.EventBus, ReminderLead: opt.ReminderLead, Logger: opt.Logger})
	return a
}

// Warm readies the database before the server takes traffic: it opens
// every pooled connection (db.Warm) and prepares the checkout's reads on
// each (order.Service.Warm), so that a rush right after a start does not
// pay for either.
func (a *App) Warm(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := db.Warm(ctx, a.DB); err != nil {
		return err
	}
	return a.Orders.Warm(ctx)
}

// Handler returns the HTTP routes: /graphql, /healthz, /readyz,
// /payouts.csv, the LiveKit webhook, GraphiQL at /graphiql when enabled, and
// the web client at /.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	resolver := &graph.Resolver{Accounts: a.Accounts, Vendors: a.Vendors, Influencers: a.Influencers, Catalog: a.Catalog,
		Collab: a.Collab, Notify: a.Notify, ShowsService: a.Shows,
		Discovery: a.Discovery, Live: a.Live, Sales: a.Sales, Orders: a.Orders, Payouts: a.Payouts, DB: a.DB}
	mux.Handle("/graphql", graph.NewHandler(resolver, a.DB, a.Accounts, graph.Options{
		Limits: a.opt.Limits, Introspection: a.opt.Introspection, Logger: a.opt.Logger, Clock: a.opt.Clock,
		Websocket: a.opt.Websocket, Fanout: a.fanout,
	}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", a.ready)
	mux.Handle("GET /payouts.csv", graph.PayoutsCSV(a.Accounts, a.Payouts))
	mux.Handle("POST /webhooks/livekit", livekit.WebhookHandler(a.opt.LiveKit, a.Shows, a.opt.Logger))
	if a.opt.GraphiQL {
		mux.Handle("GET /graphiql", playground.Handler("Livemarket GraphiQL", "/graphql"))
	}
	// The reference web client, at / and every path no route above claims.
	mux.Handle("/", web.Handler())
	return mux
}

// ready reports whether each dependency answers.
func (a *App) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	checks := map[string]string{"database": "ok"}
	status := http.StatusOK
	if err := a.DB.PingContext(ctx); err != nil {
		checks["database"] = "unreachable"
		status = http.StatusServiceUnavailable
		a.opt.Logger.WarnContext(ctx, "readyz: database unreachable", "err", err)
	}
	if a.rooms.Configured() {
		checks["video"] = "ok"
		if err := a.rooms.Ping(ctx); err != nil {
			checks["video"] = "unreachable"
			status = http.StatusServiceUnavailable
			a.opt.Logger.WarnContext(ctx, "readyz: video server unreachable", "err", err)
		}
	} else {
		checks["video"] = "not configured"
	}
	body := map[string]any{"status": "ok", "checks": checks}
	if status != http.StatusOK {
		body["status"] = "unavailable"
	}
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
