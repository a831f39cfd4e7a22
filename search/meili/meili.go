// Package meili implements discovery.Engine over Meilisearch
// (github.com/meilisearch/meilisearch-go).
//
// Every write waits for its Meilisearch task to finish, so a search made
// after a write returns sees it; a task that fails is an error. Failures to
// reach Meilisearch (connection errors, timeouts, 5xx and 429 answers) wrap
// discovery.ErrUnavailable; other API errors are *Error values carrying
// Meilisearch's error code and message.
//
// Filters are built only from validated query fields: every string is a
// double-quoted literal with `\` and `"` escaped (see Quote), numbers are
// integers, and the free text goes into `q` only.
//
// Totals are exact: searches use Meilisearch's exhaustive pagination
// (page/hitsPerPage), whose totalHits counts every match (up to the index's
// pagination.maxTotalHits), whereas offset/limit only report an
// estimatedTotalHits. See window for how an arbitrary offset/limit is mapped
// onto one page.
package meili

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/livemarket/livemarket/domain/discovery"
)

// Defaults; see the options to change them.
const (
	DefaultRequestTimeout = 30 * time.Second
	DefaultPollInterval   = 50 * time.Millisecond
	DefaultTaskTimeout    = 2 * time.Minute
	// DefaultMaxTotalHits is the pagination.maxTotalHits setting: the number
	// of hits a query can page through, and the cap of reported totals.
	// Meilisearch's default is 1000; its documentation warns that values
	// over 20000 make queries slow.
	DefaultMaxTotalHits = 10000
	// MaxValuesPerFacet is the faceting.maxValuesPerFacet setting (the
	// default is 100): how many distinct values a facet reports.
	MaxValuesPerFacet = 1000
	// upsertBatch is the most documents sent in one request.
	upsertBatch = 5000
)

// Settings shared by both indexes.
const (
	oneTypo  = 5
	twoTypos = 9
)

// Searchable attributes in ranking order, and filterable and sortable ones.
var (
	showSearchable    = []string{"title", "productTitles", "hostHandle", "hostName", "vendorNames", "category", "description"}
	showFilterable    = []string{"category", "vendorIds", "hostId", "status", "startsAt"}
	showSortable      = []string{"startsAt", "id"}
	productSearchable = []string{"title", "vendorName", "category", "description"}
	// showStarts is filterable so that "a featured show starts in [a, b)"
	// can be one range condition over the array (see productFilter).
	productFilterable = []string{"category", "vendorId", "influencerIds", "priceMinor", "nextStart", "showStarts"}
	productSortable   = []string{"nextStart", "priceMinor", "id"}
)

// Facets requested per index, and the name each is reported under.
var (
	showFacets    = []string{"category", "vendorIds"}
	productFacets = []string{"category", "vendorId"}
	facetNames    = map[string]string{
		"category":  discovery.FacetCategory,
		"vendorIds": discovery.FacetVendor,
		"vendorId":  discovery.FacetVendor,
	}
)

// Engine is a discovery.Engine over a Meilisearch server.
type Engine struct {
	client       meilisearch.ServiceManager
	shows        string // index uids
	products     string
	pollInterval time.Duration
	taskTimeout  time.Duration
	maxTotalHits int64
}

var _ discovery.Engine = (*Engine)(nil)

type config struct {
	httpClient   *http.Client
	pollInterval time.Duration
	taskTimeout  time.Duration
	retries      uint8
	indexPrefix  string
	maxTotalHits int64
}

// Option configures New.
type Option func(*config)

// WithHTTPClient sets the HTTP client (default: a client with a
// DefaultRequestTimeout timeout).
func WithHTTPClient(c *http.Client) Option { return func(o *config) { o.httpClient = c } }

// WithPollInterval sets how often a pending task is polled.
func WithPollInterval(d time.Duration) Option { return func(o *config) { o.pollInterval = d } }

// WithTaskTimeout bounds how long a write waits for its task; a task still
// pending after it is reported as unavailable (index jobs retry).
func WithTaskTimeout(d time.Duration) Option { return func(o *config) { o.taskTimeout = d } }

// WithRetries makes the client retry requests answered with 502, 503 or 504
// up to n times (with a backoff of 1 s, 2 s, ...). The default is no retry:
// searches fail fast and index jobs have their own retries.
func WithRetries(n uint8) Option { return func(o *config) { o.retries = n } }

// WithIndexPrefix prefixes both index uids (for tests sharing a server).
func WithIndexPrefix(p string) Option { return func(o *config) { o.indexPrefix = p } }

// WithMaxTotalHits sets the pagination.maxTotalHits setting applied by Setup.
func WithMaxTotalHits(n int64) Option { return func(o *config) { o.maxTotalHits = n } }

// New returns an Engine for the Meilisearch server at rawURL. It does not
// contact the server: Setup does.
func New(rawURL, apiKey string, opts ...Option) (*Engine, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("meili: invalid URL %q: want http(s)://host[:port]", rawURL)
	}
	cfg := config{
		pollInterval: DefaultPollInterval,
		taskTimeout:  DefaultTaskTimeout,
		maxTotalHits: DefaultMaxTotalHits,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.httpClient == nil {
		cfg.httpClient = &http.Client{Timeout: DefaultRequestTimeout, Transport: http.DefaultTransport.(*http.Transport).Clone()}
	}
	if cfg.pollInterval <= 0 {
		cfg.pollInterval = DefaultPollInterval
	}
	if cfg.maxTotalHits <= 0 {
		cfg.maxTotalHits = DefaultMaxTotalHits
	}
	mopts := []meilisearch.Option{meilisearch.WithCustomClient(cfg.httpClient)}
	if apiKey != "" {
		mopts = append(mopts, meilisearch.WithAPIKey(apiKey))
	}
	if cfg.retries > 0 {
		mopts = append(mopts, meilisearch.WithCustomRetries([]int{502, 503, 504}, cfg.retries))
	} else {
		mopts = append(mopts, meilisearch.DisableRetries())
	}
	host := strings.TrimRight(u.String(), "/")
	return &Engine{
		client:       meilisearch.New(host, mopts...),
		shows:        cfg.indexPrefix + discovery.ShowsIndex,
		products:     cfg.indexPrefix + discovery.ProductsIndex,
		pollInterval: cfg.pollInterval,
		taskTimeout:  cfg.taskTimeout,
		maxTotalHits: cfg.maxTotalHits,
	}, nil
}

// ---- Errors -------------------------------------------------------------------

// Error is an error answered by Meilisearch: an API error response (Status
// is the HTTP status) or a failed task (TaskUID is set, Status is 0).
type Error struct {
	Op      string // what the engine was doing
	Status  int
	TaskUID int64
	Code    string // Meilisearch error code, e.g. invalid_search_filter
	Type    string // invalid_request, internal, auth or system
	Message string
	Link    string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("meili: ")
	b.WriteString(e.Op)
	if e.TaskUID != 0 {
		fmt.Fprintf(&b, ": task %d failed", e.TaskUID)
	}
	if e.Code != "" {
		b.WriteString(": ")
		b.WriteString(e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.Status != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.Status)
	}
	return b.String()
}

// unavailable reports whether an HTTP status means the engine cannot serve
// now: any 5xx, and 429 (too_many_search_requests).
func unavailable(status int) bool {
	return status >= 500 || status == http.StatusTooManyRequests
}

// wrap turns an error of the client into an Error, an error wrapping
// discovery.ErrUnavailable, or a plain error.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var me *meilisearch.Error
	if errors.As(err, &me) {
		switch me.ErrCode {
		case meilisearch.APIError, meilisearch.APIErrorWithoutMessage:
			e := &Error{Op: op, Status: me.StatusCode}
			if me.ErrCode == meilisearch.APIError {
				e.Code, e.Type, e.Message, e.Link = string(me.APIError.Code), me.APIError.Type, me.APIError.Message, me.APIError.Link
			} else {
				e.Message = http.StatusText(me.StatusCode)
			}
			if unavailable(me.StatusCode) {
				return fmt.Errorf("%w: %w", discovery.ErrUnavailable, e)
			}
			return e
		case meilisearch.CommunicationError, meilisearch.MaxRetriesExceeded:
			return fmt.Errorf("%w: meili: %s: %w", discovery.ErrUnavailable, op, err)
		case meilisearch.TimeoutError:
			if errors.Is(err, context.Canceled) {
				return fmt.Errorf("meili: %s: %w", op, err)
			}
			return fmt.Errorf("%w: meili: %s: %w", discovery.ErrUnavailable, op, err)
		}
		return fmt.Errorf("meili: %s: %w", op, err)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w: meili: %s: %w", discovery.ErrUnavailable, op, err)
	}
	return fmt.Errorf("meili: %s: %w", op, err)
}

// wait polls a task until it succeeds (nil), fails (an *Error) or is
// canceled. A task still pending after the task timeout is unavailable.
func (e *Engine) wait(ctx context.Context, op string, info *meilisearch.TaskInfo) error {
	wctx := ctx
	if e.taskTimeout > 0 {
		var cancel context.CancelFunc
		wctx, cancel = context.WithTimeout(ctx, e.taskTimeout)
		defer cancel()
	}
	task, err := e.client.WaitForTask(wctx, info.TaskUID, e.pollInterval)
	if err != nil {
		if ctx.Err() == nil && wctx.Err() != nil {
			return fmt.Errorf("%w: meili: %s: task %d not finished after %s", discovery.ErrUnavailable, op, info.TaskUID, e.taskTimeout)
		}
		return wrap(op, err)
	}
	switch task.Status {
	case meilisearch.TaskStatusSucceeded:
		return nil
	case meilisearch.TaskStatusFailed:
		return &Error{Op: op, TaskUID: info.TaskUID, Code: string(task.Error.Code), Type: task.Error.Type,
			Message: task.Error.Message, Link: task.Error.Link}
	default:
		return &Error{Op: op, TaskUID: info.TaskUID, Message: "task " + string(task.Status)}
	}
}

// do runs one asynchronous operation and waits for its task.
func (e *Engine) do(ctx context.Context, op string, call func() (*meilisearch.TaskInfo, error)) error {
	info, err := call()
	if err != nil {
		return wrap(op, err)
	}
	return e.wait(ctx, op, info)
}

// ---- Setup ----------------------------------------------------------------------

type indexSpec struct {
	uid                              string
	searchable, filterable, sortable []string
}

// Setup creates the indexes (primary key "id") when missing and applies
// their settings. Settings are sent whole every time, so running it again
// changes nothing.
func (e *Engine) Setup(ctx context.Context) error {
	for _, s := range []indexSpec{
		{e.shows, showSearchable, showFilterable, showSortable},
		{e.products, productSearchable, productFilterable, productSortable},
	} {
		if err := e.ensureIndex(ctx, s.uid); err != nil {
			return err
		}
		idx := e.client.Index(s.uid)
		rules, err := idx.GetRankingRules(ctx)
		if err != nil {
			return wrap("setup "+s.uid+": get ranking rules", err)
		}
		settings := e.settings(s, *rules)
		if err := e.do(ctx, "setup "+s.uid+": update settings", func() (*meilisearch.TaskInfo, error) {
			return idx.UpdateSettings(ctx, settings)
		}); err != nil {
			return err
		}
	}
	return nil
}

func (e *Engine) ensureIndex(ctx context.Context, uid string) error {
	op := "setup " + uid
	info, err := e.client.GetIndex(ctx, uid)
	if err == nil {
		if info.PrimaryKey != "" && info.PrimaryKey != "id" {
			return fmt.Errorf("meili: %s: index has primary key %q, want \"id\"", op, info.PrimaryKey)
		}
		return nil
	}
	var me *meilisearch.Error
	if !errors.As(err, &me) || !me.HasCode(meilisearch.APIErrCodeIndexNotFound) {
		return wrap(op+": get index", err)
	}
	err = e.do(ctx, op+": create index", func() (*meilisearch.TaskInfo, error) {
		return e.client.CreateIndex(ctx, &meilisearch.IndexConfig{Uid: uid, PrimaryKey: "id"})
	})
	var ae *Error
	if errors.As(err, &ae) && ae.Code == string(meilisearch.APIErrCodeIndexAlreadyExists) {
		return nil // created concurrently (another replica)
	}
	return err
}

// settings is the whole settings object of an index. current is the index's
// ranking rules: they are kept, except that "sort" moves right after
// "words", so that an explicit sort (start time, price) orders the hits that
// match the query words strictly, instead of only breaking ties after typo,
// proximity and attribute ranking; without a sort parameter the rule does
// nothing and the order is pure relevance.
func (e *Engine) settings(s indexSpec, current []string) *meilisearch.Settings {
	return &meilisearch.Settings{
		RankingRules:         sortAfterWords(current),
		SearchableAttributes: s.searchable,
		FilterableAttributes: s.filterable,
		SortableAttributes:   s.sortable,
		TypoTolerance: &meilisearch.TypoTolerance{
			Enabled:             true,
			MinWordSizeForTypos: meilisearch.MinWordSizeForTypos{OneTypo: oneTypo, TwoTypos: twoTypos},
			DisableOnWords:      []string{},
			DisableOnAttributes: []string{},
		},
		Faceting: &meilisearch.Faceting{
			MaxValuesPerFacet: MaxValuesPerFacet,
			SortFacetValuesBy: map[string]meilisearch.SortFacetType{"*": meilisearch.SortFacetTypeCount},
		},
		Pagination: &meilisearch.Pagination{MaxTotalHits: e.maxTotalHits},
	}
}

// defaultRankingRules are Meilisearch's documented defaults, used when the
// server reports none.
var defaultRankingRules = []string{"words", "typo", "proximity", "attribute", "sort", "exactness"}

func sortAfterWords(current []string) []string {
	if len(current) == 0 {
		current = defaultRankingRules
	}
	out := make([]string, 0, len(current)+1)
	for _, r := range current {
		if r != "sort" {
			out = append(out, r)
		}
	}
	at := 0
	for i, r := range out {
		if r == "words" {
			at = i + 1
			break
		}
	}
	out = append(out[:at], append([]string{"sort"}, out[at:]...)...)
	return out
}

// ---- Writes ---------------------------------------------------------------------

var primaryKey = "id"

// UpsertShows adds or replaces show documents.
func (e *Engine) UpsertShows(ctx context.Context, docs []discovery.ShowDoc) error {
	return upsert(ctx, e, e.shows, docs)
}

// UpsertProducts adds or replaces product documents.
func (e *Engine) UpsertProducts(ctx context.Context, docs []discovery.ProductDoc) error {
	return upsert(ctx, e, e.products, docs)
}

func upsert[T any](ctx context.Context, e *Engine, uid string, docs []T) error {
	idx := e.client.Index(uid)
	var tasks []*meilisearch.TaskInfo
	for start := 0; start < len(docs); start += upsertBatch {
		batch := docs[start:min(start+upsertBatch, len(docs))]
		info, err := idx.AddDocuments(ctx, batch, &meilisearch.DocumentOptions{PrimaryKey: &primaryKey})
		if err != nil {
			return wrap("upsert "+uid, err)
		}
		tasks = append(tasks, info)
	}
	for _, t := range tasks {
		if err := e.wait(ctx, "upsert "+uid, t); err != nil {
			return err
		}
	}
	return nil
}

// DeleteShows deletes show documents by id; missing ids are ignored.
func (e *Engine) DeleteShows(ctx context.Context, ids []string) error {
	return e.deleteIDs(ctx, e.shows, ids)
}

// DeleteProducts deletes product documents by id; missing ids are ignored.
func (e *Engine) DeleteProducts(ctx context.Context, ids []string) error {
	return e.deleteIDs(ctx, e.products, ids)
}

func (e *Engine) deleteIDs(ctx context.Context, uid string, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	idx := e.client.Index(uid)
	return ignoreMissingIndex(e.do(ctx, "delete from "+uid, func() (*meilisearch.TaskInfo, error) {
		return idx.DeleteDocuments(ctx, ids, nil)
	}))
}

// DeleteAll empties both indexes, keeping them and their settings.
func (e *Engine) DeleteAll(ctx context.Context) error {
	for _, uid := range []string{e.shows, e.products} {
		idx := e.client.Index(uid)
		if err := ignoreMissingIndex(e.do(ctx, "delete all from "+uid, func() (*meilisearch.TaskInfo, error) {
			return idx.DeleteAllDocuments(ctx, nil)
		})); err != nil {
			return err
		}
	}
	return nil
}

// ignoreMissingIndex treats deleting from a missing index as done.
func ignoreMissingIndex(err error) error {
	var ae *Error
	if errors.As(err, &ae) && ae.Code == string(meilisearch.APIErrCodeIndexNotFound) {
		return nil
	}
	return err
}

// ---- Searches -------------------------------------------------------------------

// Quote makes a Meilisearch filter string literal of s: double-quoted, with
// `\` and `"` escaped by a backslash. Meilisearch's filter parser reads a
// quoted value up to the first `"` not preceded by `\`, then unescapes `\"`
// and `\\`, so the literal always reads back as exactly s, whatever s holds
// (quotes, backslashes, operators, brackets, newlines).
func Quote(s string) string {
	return `"` + quoteReplacer.Replace(s) + `"`
}

var quoteReplacer = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

func num(n int64) string { return strconv.FormatInt(n, 10) }

// showFilter builds the filter expression of a show query.
func showFilter(q discovery.ShowQuery) string {
	var c []string
	if q.Category != "" {
		c = append(c, "category = "+Quote(q.Category))
	}
	if q.VendorID != "" {
		c = append(c, "vendorIds = "+Quote(q.VendorID))
	}
	if q.InfluencerID != "" {
		c = append(c, "hostId = "+Quote(q.InfluencerID))
	}
	if q.StartsAfter != nil {
		c = append(c, "startsAt >= "+num(*q.StartsAfter))
	}
	if q.StartsBefore != nil {
		c = append(c, "startsAt < "+num(*q.StartsBefore))
	}
	if len(q.Statuses) > 0 {
		vs := make([]string, len(q.Statuses))
		for i, s := range q.Statuses {
			vs[i] = Quote(s)
		}
		c = append(c, "status IN ["+strings.Join(vs, ", ")+"]")
	}
	return strings.Join(c, " AND ")
}

// productFilter builds the filter expression of a product query. The start
// window applies to the starts of the shows featuring the product: with both
// bounds it is one range, `showStarts a TO b-1` (TO is inclusive and times
// are whole seconds), which an array field matches when one element is in
// it, i.e. when one show starts in [a, b); two separate comparisons could be
// met by two different shows.
func productFilter(q discovery.ProductQuery) string {
	var c []string
	if q.Category != "" {
		c = append(c, "category = "+Quote(q.Category))
	}
	if q.VendorID != "" {
		c = append(c, "vendorId = "+Quote(q.VendorID))
	}
	if q.InfluencerID != "" {
		c = append(c, "influencerIds = "+Quote(q.InfluencerID))
	}
	if q.MinPrice != nil {
		c = append(c, "priceMinor >= "+num(*q.MinPrice))
	}
	if q.MaxPrice != nil {
		c = append(c, "priceMinor <= "+num(*q.MaxPrice))
	}
	switch a, b := q.StartsAfter, q.StartsBefore; {
	case a != nil && b != nil:
		c = append(c, "showStarts "+num(*a)+" TO "+num(*b-1))
	case a != nil:
		c = append(c, "showStarts >= "+num(*a))
	case b != nil:
		c = append(c, "showStarts < "+num(*b))
	}
	return strings.Join(c, " AND ")
}

// showSort and productSort map a sort to Meilisearch sort rules; id breaks
// ties so pages are stable. Relevance sends no sort.
func showSort(s string) ([]string, error) {
	switch s {
	case discovery.SortRelevance, "":
		return nil, nil
	case discovery.SortStartsAt:
		return []string{"startsAt:asc", "id:asc"}, nil
	}
	return nil, fmt.Errorf("meili: unknown show sort %q", s)
}

func productSort(s string) ([]string, error) {
	switch s {
	case discovery.SortRelevance, "":
		return nil, nil
	case discovery.SortStartsAt:
		return []string{"nextStart:asc", "id:asc"}, nil
	case discovery.SortPriceAsc:
		return []string{"priceMinor:asc", "id:asc"}, nil
	case discovery.SortPriceDesc:
		return []string{"priceMinor:desc", "id:asc"}, nil
	}
	return nil, fmt.Errorf("meili: unknown product sort %q", s)
}

// window maps hits [offset, offset+limit) onto Meilisearch's exhaustive
// pagination: the smallest page size h >= limit for which the range lies in
// one page, that page's number, and how many of its hits to skip. When
// limit divides offset this is simply h = limit. It always exists (h =
// offset+limit puts the range in page 1). limit 0 asks for totals and
// facets only.
func window(offset, limit int) (page, hitsPerPage, skip int) {
	if limit <= 0 {
		return 1, 0, 0
	}
	for h := limit; ; h++ {
		if offset/h == (offset+limit-1)/h {
			return offset/h + 1, h, offset % h
		}
	}
}

// SearchShows runs a show query.
func (e *Engine) SearchShows(ctx context.Context, q discovery.ShowQuery) (*discovery.Result, error) {
	sort, err := showSort(q.Sort)
	if err != nil {
		return nil, err
	}
	return e.search(ctx, e.shows, q.Text, showFilter(q), sort, showFacets, q.Offset, q.Limit)
}

// SearchProducts runs a product query.
func (e *Engine) SearchProducts(ctx context.Context, q discovery.ProductQuery) (*discovery.Result, error) {
	sort, err := productSort(q.Sort)
	if err != nil {
		return nil, err
	}
	return e.search(ctx, e.products, q.Text, productFilter(q), sort, productFacets, q.Offset, q.Limit)
}

func (e *Engine) search(ctx context.Context, uid, text, filter string, sort, facets []string, offset, limit int) (*discovery.Result, error) {
	if offset < 0 || limit < 0 {
		return nil, fmt.Errorf("meili: search %s: negative offset or limit", uid)
	}
	page, hpp, skip := window(offset, limit)
	perPage := int64(hpp)
	req := &meilisearch.SearchRequest{
		Query:                text,
		Page:                 int64(page),
		HitsPerPage:          &perPage,
		Sort:                 sort,
		Facets:               facets,
		AttributesToRetrieve: []string{"id"},
	}
	if filter != "" {
		req.Filter = filter
	}
	resp, err := e.client.Index(uid).Search(ctx, text, req)
	if err != nil {
		return nil, wrap("search "+uid, err)
	}
	res := &discovery.Result{IDs: []string{}, Total: int(resp.TotalHits), Facets: map[string]map[string]int{
		discovery.FacetCategory: {},
		discovery.FacetVendor:   {},
	}}
	hits := resp.Hits
	if skip < len(hits) {
		hits = hits[skip:min(len(hits), skip+limit)]
	} else {
		hits = nil
	}
	for _, h := range hits {
		var id string
		if err := json.Unmarshal(h["id"], &id); err != nil {
			return nil, fmt.Errorf("meili: search %s: hit without a string id: %w", uid, err)
		}
		res.IDs = append(res.IDs, id)
	}
	if len(resp.FacetDistribution) > 0 && string(resp.FacetDistribution) != "null" {
		var dist map[string]map[string]int
		if err := json.Unmarshal(resp.FacetDistribution, &dist); err != nil {
			return nil, fmt.Errorf("meili: search %s: facetDistribution: %w", uid, err)
		}
		for field, values := range dist {
			name, ok := facetNames[field]
			if !ok {
				continue
			}
			for v, n := range values {
				res.Facets[name][v] = n
			}
		}
	}
	return res, nil
}
