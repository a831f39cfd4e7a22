package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/uptrace/bun"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/graph/generated"
	"github.com/livemarket/livemarket/graph/loaders"
	"github.com/livemarket/livemarket/internal/gqlws"
)

// Limits bound what one GraphQL request may cost.
type Limits struct {
	// MaxComplexity is the highest query cost accepted; a connection field
	// costs its page size times its selection.
	MaxComplexity int
	// MaxDepth is the deepest selection accepted (introspection not counted).
	MaxDepth int
	// MaxBodyBytes bounds a request body.
	MaxBodyBytes int64
}

// DefaultLimits are the limits used unless configured otherwise.
var DefaultLimits = Limits{MaxComplexity: 5000, MaxDepth: 12, MaxBodyBytes: 1 << 20}

// Options configure the GraphQL handler.
type Options struct {
	Limits Limits
	// Introspection enables schema introspection (on in local mode, off in production unless enabled).
	Introspection bool
	Logger        *slog.Logger
	Clock         kernel.Clock
	Websocket     WebsocketOptions
	// Fanout shares showEvents streams between subscribers; nil makes one.
	Fanout *ShowFanout
}

// WebsocketOptions tune subscriptions over websockets (zero: defaults).
type WebsocketOptions struct {
	// QueueLimit is how many messages a connection may have waiting before
	// it is closed as a slow consumer (default 256).
	QueueLimit int
	// WriteTimeout closes a connection whose write stalls this long (default 10s).
	WriteTimeout time.Duration
	// PingInterval pings connections idle this long (default 30s).
	PingInterval time.Duration
	// InitTimeout closes connections that send no connection_init in time (default 10s).
	InitTimeout time.Duration
}

// Authenticator turns a bearer token into a viewer; the account service implements it.
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (kernel.Viewer, error)
}

// NewExecutableSchema wires the resolver, directives and complexity functions.
func NewExecutableSchema(r *Resolver) graphql.ExecutableSchema {
	cfg := generated.Config{Resolvers: r}
	cfg.Directives.Auth = func(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
		if !kernel.ViewerFrom(ctx).SignedIn() {
			return nil, kernel.ErrUnauthenticated
		}
		return next(ctx)
	}
	cfg.Directives.Admin = func(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
		v := kernel.ViewerFrom(ctx)
		if !v.SignedIn() {
			return nil, kernel.ErrUnauthenticated
		}
		if !v.IsAdmin {
			return nil, kernel.ErrForbidden
		}
		return next(ctx)
	}
	setComplexity(&cfg.Complexity)
	return generated.NewExecutableSchema(cfg)
}

// NewHandler builds the /graphql handler: transports (POST, GET, websockets
// with graphql-transport-ws), limits, APQ, the error presenter, bearer-token
// authentication and per-operation dataloaders.
func NewHandler(r *Resolver, db bun.IDB, authn Authenticator, opt Options) http.Handler {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	if opt.Clock == nil {
		opt.Clock = kernel.SystemClock{}
	}
	if opt.Limits == (Limits{}) {
		opt.Limits = DefaultLimits
	}
	if opt.Fanout == nil {
		opt.Fanout = NewShowFanout(r.Live, opt.Logger)
	}
	if opt.Websocket.PingInterval == 0 {
		opt.Websocket.PingInterval = 30 * time.Second
	}
	srv := handler.New(NewExecutableSchema(r))
	srv.AddTransport(&gqlws.Transport{
		QueueLimit:   opt.Websocket.QueueLimit,
		WriteTimeout: opt.Websocket.WriteTimeout,
		PingInterval: opt.Websocket.PingInterval,
		InitTimeout:  opt.Websocket.InitTimeout,
		ReadLimit:    opt.Limits.MaxBodyBytes,
		Logger:       opt.Logger,
		Sharer:       opt.Fanout,
		Init: func(ctx context.Context, p map[string]any) (context.Context, error) {
			viewer := kernel.Viewer{}
			if tok, _ := p["authToken"].(string); tok != "" {
				v, err := authn.Authenticate(ctx, tok)
				if err != nil {
					return ctx, errors.New("invalid or expired token")
				}
				viewer = v
			}
			return kernel.WithViewer(ctx, viewer), nil
		},
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if opt.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(DepthLimit{Max: opt.Limits.MaxDepth})
	srv.Use(extension.FixedComplexityLimit(opt.Limits.MaxComplexity))
	srv.SetErrorPresenter(errorPresenter(opt.Logger))
	srv.AroundFields(markInternal)
	// Fresh dataloaders for every operation (HTTP request or websocket
	// operation), so nothing cached outlives the operation that loaded it.
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(loaders.With(ctx, db, kernel.ViewerFrom(ctx), opt.Clock.Now()))
	})
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		return internalError{fmt.Errorf("panic: %v", p)}
	})
	return limitBody(opt.Limits.MaxBodyBytes, authenticate(authn, srv))
}

// internalError marks a failure a resolver did not expect (database down, a
// bug): the client sees only "internal error"; the cause is logged.
type internalError struct{ err error }

func (e internalError) Error() string { return e.err.Error() }
func (e internalError) Unwrap() error { return e.err }

// markInternal wraps every resolver error that is neither an expected domain
// failure nor a GraphQL error as internal. Argument and validation errors never
// pass through field middleware, so they keep their descriptive messages.
func markInternal(ctx context.Context, next graphql.Resolver) (any, error) {
	res, err := next(ctx)
	if err == nil {
		return res, nil
	}
	var gqlErr *gqlerror.Error
	if _, expected := kernel.AsFieldErrors(err); expected || errors.As(err, &gqlErr) {
		return res, err
	}
	if fc := graphql.GetFieldContext(ctx); fc != nil && strings.HasPrefix(fc.Field.Name, "__") {
		// gqlgen refuses __schema/__type this way when introspection is off.
		return res, &gqlerror.Error{Message: "introspection is disabled on this server", Extensions: map[string]any{"code": "FORBIDDEN"}}
	}
	return res, internalError{err}
}

// errorPresenter maps domain errors to extensions.code (and extensions.field)
// and hides internal errors behind a generic message.
func errorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var internal internalError
		if errors.As(err, &internal) {
			log.ErrorContext(ctx, "graphql: internal error", "path", graphql.GetPath(ctx).String(), "err", internal.err)
			return &gqlerror.Error{Message: "internal error", Path: graphql.GetPath(ctx), Extensions: map[string]any{"code": "INTERNAL"}}
		}
		if fes, ok := kernel.AsFieldErrors(err); ok && len(fes) > 0 {
			out := &gqlerror.Error{Message: fes[0].Message, Path: graphql.GetPath(ctx),
				Extensions: map[string]any{"code": string(fes[0].Code)}}
			if len(fes[0].Field) > 0 {
				out.Extensions["field"] = fes[0].Field
			}
			return out
		}
		// Raised by gqlgen itself while parsing, validating or coercing the
		// request: it describes the request, so it is safe to show.
		return graphql.DefaultErrorPresenter(ctx, err)
	}
}

// limitBody caps request bodies; a larger body fails to decode and is refused.
func limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > n {
			writeError(w, http.StatusRequestEntityTooLarge, "LIMIT_EXCEEDED", "request body too large")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}
