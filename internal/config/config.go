// Package config reads Livemarket's configuration: every setting is an
// environment variable with a matching command-line flag (the flag wins).
// An unset setting selects its local default, and Describe says which.
package config

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// Config is the whole configuration.
type Config struct {
	DatabaseURL   string
	ListenAddr    string
	AdminEmail    string
	AdminPassword string
	Introspection bool
	GraphiQL      bool
	SessionTTL    time.Duration
	// SessionCacheTTL: a checked token is trusted this long without asking
	// the database (a sign-out reaches other processes within it).
	SessionCacheTTL time.Duration
	MaxComplexity   int
	MaxDepth        int
	MaxBodyBytes    int64
	LogLevel        string
	DataDir         string
	ShutdownTimeout time.Duration
	PlatformFeeBps  int
	LiveKitURL      string
	RedisURL        string
	MeiliURL        string
	MeiliAPIKey     string
	ReminderLead    time.Duration
	// AttributionWindow: purchases this long after a shopper watched a show
	// are attributed to it; ReservationTTL: unpaid checkouts hold stock this long.
	AttributionWindow time.Duration
	ReservationTTL    time.Duration
	// PayoutHold: earnings wait this long (the return window) before they
	// are paid out; PayoutMinimum: smaller balances wait (minor units);
	// PayoutSchedule: when workers run payouts (cron, or "off").
	PayoutHold     time.Duration
	PayoutMinimum  int64
	PayoutMinimums map[string]int64
	PayoutSchedule string
	LiveKitKey     string
	LiveKitSecret  string

	set map[string]bool // settings given explicitly (env or flag)
}

// Mode is how the binary runs: the local all-in-one mode or production serve.
type Mode int

const (
	Local Mode = iota
	Serve
)

type setting struct {
	flag, env, usage string
	def              func(Mode) string
	apply            func(c *Config, v string) error
}

func static(v string) func(Mode) string { return func(Mode) string { return v } }

var settings = []setting{
	{"database-url", "DATABASE_URL", "database: postgres://user:pass@host:5432/db, or sqlite:PATH (local default: sqlite:<data-dir>/livemarket.db; required for serve)",
		func(m Mode) string { return "" }, func(c *Config, v string) error { c.DatabaseURL = v; return nil }},
	{"listen-addr", "LISTEN_ADDR", "HTTP listen address", static(":8080"), func(c *Config, v string) error { c.ListenAddr = v; return nil }},
	{"admin-email", "ADMIN_EMAIL", "bootstrap administrator: created (or promoted) at start-up when set with ADMIN_PASSWORD", static(""),
		func(c *Config, v string) error { c.AdminEmail = v; return nil }},
	{"admin-password", "ADMIN_PASSWORD", "password for a newly created ADMIN_EMAIL account", static(""),
		func(c *Config, v string) error { c.AdminPassword = v; return nil }},
	{"introspection", "ENABLE_INTROSPECTION", "allow GraphQL schema introspection (local default: true; serve: false)",
		modeBool, func(c *Config, v string) (err error) { c.Introspection, err = strconv.ParseBool(v); return }},
	{"graphiql", "ENABLE_GRAPHIQL", "serve GraphiQL at /graphiql (local default: true; serve: false)",
		modeBool, func(c *Config, v string) (err error) { c.GraphiQL, err = strconv.ParseBool(v); return }},
	{"session-ttl", "SESSION_TTL", "how long a sign-in token stays valid", static("720h"),
		func(c *Config, v string) (err error) { c.SessionTTL, err = time.ParseDuration(v); return }},
	{"session-cache-ttl", "SESSION_CACHE_TTL", "how long a process trusts a token it checked before asking the database again (0: always ask; a sign-out reaches other processes within this long)", static("10s"),
		func(c *Config, v string) (err error) { c.SessionCacheTTL, err = time.ParseDuration(v); return }},
	{"max-complexity", "MAX_COMPLEXITY", "highest GraphQL query cost accepted", static("5000"),
		func(c *Config, v string) (err error) { c.MaxComplexity, err = strconv.Atoi(v); return }},
	{"max-depth", "MAX_DEPTH", "deepest GraphQL selection accepted", static("12"),
		func(c *Config, v string) (err error) { c.MaxDepth, err = strconv.Atoi(v); return }},
	{"max-body-bytes", "MAX_BODY_BYTES", "largest request body accepted", static("1048576"),
		func(c *Config, v string) (err error) { c.MaxBodyBytes, err = strconv.ParseInt(v, 10, 64); return }},
	{"platform-fee-bps", "PLATFORM_FEE_BPS", "the platform's default fee on every sale, in basis points (500 = 5%); admins may override it per vendor", static("500"),
		func(c *Config, v string) (err error) {
			if c.PlatformFeeBps, err = strconv.Atoi(v); err == nil && (c.PlatformFeeBps < 0 || c.PlatformFeeBps > 2000) {
				err = fmt.Errorf("must be between 0 and 2000 (commissions go up to 8000)")
			}
			return
		}},
	{"redis-url", "REDIS_URL", "Redis for background jobs: redis://host:6379/0 (local default: an embedded in-process Redis; required for worker)", static(""),
		func(c *Config, v string) error { c.RedisURL = v; return nil }},
	{"meili-url", "MEILI_URL", "Meilisearch for search (local default: an embedded engine under DATA_DIR/search; serve and worker without it: search unavailable)", static(""),
		func(c *Config, v string) error { c.MeiliURL = v; return nil }},
	{"meili-api-key", "MEILI_API_KEY", "Meilisearch API key", static(""),
		func(c *Config, v string) error { c.MeiliAPIKey = v; return nil }},
	{"reminder-lead", "REMINDER_LEAD", "how long before a show's start reminders go out", static("15m"),
		func(c *Config, v string) (err error) { c.ReminderLead, err = time.ParseDuration(v); return }},
	{"attribution-window", "ATTRIBUTION_WINDOW", "purchases this long after a shopper watched a show are attributed to it", static("24h"),
		func(c *Config, v string) (err error) { c.AttributionWindow, err = positiveDuration(v); return }},
	{"reservation-ttl", "RESERVATION_TTL", "how long an unpaid checkout holds its stock", static("15m"),
		func(c *Config, v string) (err error) { c.ReservationTTL, err = positiveDuration(v); return }},
	{"payout-hold", "PAYOUT_HOLD", "earnings are paid out this long after payment (the return window)", static("336h"),
		func(c *Config, v string) (err error) { c.PayoutHold, err = positiveDuration(v); return }},
	{"payout-minimum", "PAYOUT_MINIMUM", "smallest payout in minor units (1000 = 10.00 USD), optionally per currency: 1000,JPY:1500,KWD:10000; smaller balances wait", static("1000"),
		func(c *Config, v string) (err error) {
			c.PayoutMinimum, c.PayoutMinimums, err = parseMinimums(v)
			return
		}},
	{"payout-schedule", "PAYOUT_SCHEDULE", "when workers run payouts: a cron spec in UTC (\"0 6 * * *\"), \"@daily\" or \"@every 6h\" (a party is paid at most once per UTC day); \"off\" leaves it to admins (payoutRun)", static("@daily"),
		func(c *Config, v string) error { c.PayoutSchedule = v; return nil }},
	{"livekit-url", "LIVEKIT_URL", "LiveKit server (wss://... or http://127.0.0.1:7880); unset: video not configured, tokens still issued", static(""),
		func(c *Config, v string) error { c.LiveKitURL = v; return nil }},
	{"livekit-api-key", "LIVEKIT_API_KEY", "LiveKit API key (local default: devkey, as livekit-server --dev)", modeDev("devkey"),
		func(c *Config, v string) error { c.LiveKitKey = v; return nil }},
	{"livekit-api-secret", "LIVEKIT_API_SECRET", "LiveKit API secret; also verifies webhooks (local default: secret, as livekit-server --dev)", modeDev("secret"),
		func(c *Config, v string) error { c.LiveKitSecret = v; return nil }},
	{"log-level", "LOG_LEVEL", "debug, info, warn or error", static("info"), func(c *Config, v string) error { c.LogLevel = v; return nil }},
	{"data-dir", "DATA_DIR", "where local mode keeps its files", static("./data"), func(c *Config, v string) error { c.DataDir = v; return nil }},
	{"shutdown-timeout", "SHUTDOWN_TIMEOUT", "how long to drain requests on SIGTERM", static("20s"),
		func(c *Config, v string) (err error) { c.ShutdownTimeout, err = time.ParseDuration(v); return }},
}

// modeDev is a default for local mode only; serve must be told.
func modeDev(v string) func(Mode) string {
	return func(m Mode) string {
		if m == Local {
			return v
		}
		return ""
	}
}

func modeBool(m Mode) string {
	if m == Local {
		return "true"
	}
	return "false"
}

// Load reads the environment (getenv) and then args as flags. Unknown flags
// and malformed values are errors.
func Load(mode Mode, name string, args []string, getenv func(string) string, stderr io.Writer) (*Config, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { Usage(stderr, name) }
	vals := make([]string, len(settings))
	c := &Config{set: map[string]bool{}}
	for i, s := range settings {
		vals[i] = s.def(mode)
		if v := getenv(s.env); v != "" {
			vals[i] = v
			c.set[s.env] = true
		}
		fs.StringVar(&vals[i], s.flag, vals[i], s.usage)
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	fs.Visit(func(f *flag.Flag) {
		for _, s := range settings {
			if s.flag == f.Name {
				c.set[s.env] = true
			}
		}
	})
	for i, s := range settings {
		if vals[i] == "" {
			continue
		}
		if err := s.apply(c, vals[i]); err != nil {
			return nil, fmt.Errorf("config: %s / -%s: %q: %w", s.env, s.flag, vals[i], err)
		}
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("config: unexpected arguments %q", fs.Args())
	}
	if c.DatabaseURL == "" && mode == Local {
		c.DatabaseURL = "sqlite:" + strings.TrimSuffix(c.DataDir, "/") + "/livemarket.db"
	}
	if c.DatabaseURL == "" && mode == Serve {
		return nil, fmt.Errorf("config: DATABASE_URL (or -database-url) is required for serve, e.g. postgres://postgres@127.0.0.1:5432/livemarket?sslmode=disable")
	}
	return c, nil
}

// Defaulted lists the settings that were not given and so took their default,
// for the start-up log.
func (c *Config) Defaulted() []string {
	var out []string
	for _, s := range settings {
		if !c.set[s.env] {
			out = append(out, s.env)
		}
	}
	return out
}

// IsSet reports whether env was given explicitly.
func (c *Config) IsSet(env string) bool { return c.set[env] }

// Usage prints the settings table.
func Usage(w io.Writer, name string) {
	fmt.Fprintf(w, `Livemarket: a GraphQL backend for livestream-shopping marketplaces.

Usage:
  %[1]s [flags]                 local mode: embedded SQLite, demo data, GraphiQL (no setup needed)
  %[1]s serve [flags]           production API server (DATABASE_URL required)
  %[1]s migrate up|down|status  apply, roll back or list database migrations
  %[1]s seed [flags]            load the demo data (idempotent)
  %[1]s worker [flags]          background jobs and the outbox relay (DATABASE_URL and REDIS_URL required)
  %[1]s search reindex [flags]  rebuild the search indexes from the database

Every setting is an environment variable or a flag (the flag wins):

`, name)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  ENV\tFLAG\tLOCAL DEFAULT\tMEANING")
	for _, s := range settings {
		def := s.def(Local)
		if def == "" {
			def = "-"
		}
		fmt.Fprintf(tw, "  %s\t-%s\t%s\t%s\n", s.env, s.flag, def, s.usage)
	}
	tw.Flush()
}

// Getenv is os.Getenv, named for injection in tests.
var Getenv = os.Getenv

func positiveDuration(v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err == nil && d <= 0 {
		err = fmt.Errorf("must be positive, got %s", v)
	}
	return d, err
}

// parseMinimums reads PAYOUT_MINIMUM: a default amount, then CUR:amount
// entries for currencies that need another (all in minor units, at least 1).
func parseMinimums(v string) (int64, map[string]int64, error) {
	var def int64
	per := map[string]int64{}
	for _, part := range strings.Split(v, ",") {
		part = strings.TrimSpace(part)
		cur, amount, isPer := strings.Cut(part, ":")
		if !isPer {
			amount = part
		}
		n, err := strconv.ParseInt(strings.TrimSpace(amount), 10, 64)
		if err != nil || n < 1 {
			return 0, nil, fmt.Errorf("%q: amounts are whole minor units, at least 1", part)
		}
		if !isPer {
			if def != 0 {
				return 0, nil, fmt.Errorf("two default amounts")
			}
			def = n
			continue
		}
		cur = strings.TrimSpace(cur)
		if len(cur) != 3 || strings.ToUpper(cur) != cur {
			return 0, nil, fmt.Errorf("%q: a currency is a 3-letter upper-case ISO 4217 code", cur)
		}
		per[cur] = n
	}
	if def == 0 {
		def = 1000
	}
	return def, per, nil
}
