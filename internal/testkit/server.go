package testkit

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/internal/livekit"
)

// Epoch is where test clocks start.
var Epoch = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// FastHash keeps argon2id but with test-sized cost, so suites stay quick.
var FastHash = account.HashParams{MemoryKiB: 1024, Time: 1, Threads: 1}

// Server is the real HTTP handler in an httptest server.
type Server struct {
	URL     string
	App     *app.App
	DB      *bun.DB
	Clock   *kernel.ManualClock
	Queries *db.QueryCounter
	HTTP    *http.Client
}

// NewServer starts the app over database d; opts may adjust the options.
func NewServer(t testing.TB, d *bun.DB, opts ...func(*app.Options)) *Server {
	t.Helper()
	clock := kernel.NewManualClock(Epoch)
	counter := &db.QueryCounter{}
	d.AddQueryHook(counter)
	o := app.Options{
		Clock:         clock,
		Logger:        slog.New(slog.NewTextHandler(io.Discard, nil)),
		Introspection: true,
		Accounts:      account.Options{Hash: FastHash},
		Collab:        collab.Options{DefaultPlatformFeeBps: 500},
		LiveKit:       livekit.Config{APIKey: LiveKitKey, APISecret: LiveKitSecret},
	}
	for _, f := range opts {
		f(&o)
	}
	a := app.New(d, o)
	hs := httptest.NewServer(a.Handler())
	t.Cleanup(hs.Close)
	return &Server{URL: hs.URL, App: a, DB: d, Clock: clock, Queries: counter, HTTP: hs.Client()}
}

// GQLError is one error of a GraphQL response.
type GQLError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns extensions.code.
func (e GQLError) Code() string { s, _ := e.Extensions["code"].(string); return s }

// Response is a GraphQL response.
type Response struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []GQLError      `json:"errors"`
}

// ErrorCodes lists extensions.code of each error.
func (r *Response) ErrorCodes() []string {
	out := make([]string, len(r.Errors))
	for i, e := range r.Errors {
		out[i] = e.Code()
	}
	return out
}

// Decode unmarshals data into v.
func (r *Response) Decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decode data %s: %v", r.Data, err)
	}
}

// Do posts a GraphQL request with token (may be "") and returns the response.
func (s *Server) Do(t testing.TB, token, query string, vars map[string]any) *Response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	return s.DoRaw(t, token, body)
}

// DoRaw posts body as is.
func (s *Server) DoRaw(t testing.TB, token string, body []byte) *Response {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := s.HTTP.Do(req)
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	out := &Response{Status: resp.StatusCode}
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatalf("POST /graphql: status %d, body %q: %v", resp.StatusCode, raw, err)
	}
	return out
}

// MustDo is Do that fails the test on any top-level error and decodes data into out.
func (s *Server) MustDo(t testing.TB, token, query string, vars map[string]any, out any) {
	t.Helper()
	r := s.Do(t, token, query, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("GraphQL errors: %+v\nquery: %s", r.Errors, query)
	}
	if out != nil {
		r.Decode(t, out)
	}
}

// SignUp creates a user through the API and returns its token and id.
func (s *Server) SignUp(t testing.TB, email, name string) (token, id string) {
	t.Helper()
	var out struct {
		SignUp struct {
			Token  string
			User   struct{ ID string }
			Errors []struct{ Code, Message string }
		}
	}
	s.MustDo(t, "", `mutation($in: SignUpInput!){ signUp(input:$in){ token user{ id } errors{ code message } } }`,
		map[string]any{"in": map[string]any{"email": email, "password": "correct horse battery", "displayName": name}}, &out)
	if len(out.SignUp.Errors) > 0 {
		t.Fatalf("signUp %s: %+v", email, out.SignUp.Errors)
	}
	return out.SignUp.Token, out.SignUp.User.ID
}

// LiveKit credentials tests sign with (those of livekit-server --dev).
const (
	LiveKitKey    = "devkey"
	LiveKitSecret = "secret"
)

// LiveKitURL returns the real LiveKit server tests should use
// (TEST_LIVEKIT_URL); see Service.
func LiveKitURL(t testing.TB) string {
	t.Helper()
	return Service(t, "TEST_LIVEKIT_URL", "start livekit-server --dev and set it to http://127.0.0.1:7880")
}

// Service returns the address of a real service named by env. Without it the
// test is skipped — except under CI (CI set), where a missing service is a
// failure, not a skip.
func Service(t testing.TB, env, hint string) string {
	t.Helper()
	u := os.Getenv(env)
	if u == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but %s is not: this test must run against the real service in CI", env)
		}
		t.Skipf("%s is not set (%s)", env, hint)
	}
	return u
}

// Password is the password SignUp uses.
const Password = "correct horse battery"

// MakeAdmin promotes a user directly in the database (there is deliberately no
// API to become an admin).
func (s *Server) MakeAdmin(t testing.TB, userID string) {
	t.Helper()
	if _, err := s.DB.NewUpdate().Table("users").Set("is_admin = ?", true).Where("id = ?", userID).Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// NotificationSubscribers counts live notification subscriptions, so tests
// can wait for a websocket subscription to be registered before publishing.
func (s *Server) NotificationSubscribers() int { return s.App.NotificationSubscribers() }

// RedisURL returns the real Redis tests should use (TEST_REDIS_URL); see Service.
func RedisURL(t testing.TB) string {
	t.Helper()
	return Service(t, "TEST_REDIS_URL", "e.g. redis://127.0.0.1:6379/0")
}
