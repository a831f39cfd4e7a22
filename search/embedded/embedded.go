// Package embedded is the local-mode discovery.Engine: two bleve indexes
// (github.com/blevesearch/bleve/v2, pure Go) on disk or in memory, with the
// filter, sort, facet and typo semantics of the Meilisearch engine (see
// package searchtest for the behaviour both must show).
//
// Text matching follows Meilisearch's defaults:
//
//   - Text is split into words, lower-cased and folded to ASCII, both at
//     index and at query time; no stemming, no stop words.
//   - Typo tolerance by query word length (in characters): 1 to 4 must match
//     exactly, 5 to 8 tolerate one typo, 9 or more two typos (bleve's
//     Levenshtein distance, where a transposition counts as two edits).
//   - The last word also matches as a prefix ("head" finds "headphones"),
//     unless the text ends with a space.
//   - Matching strategy "last": a document must match the first word; the
//     other words are optional and raise the score (Meilisearch drops words
//     from the end until enough documents match, so its result set is also
//     "documents matching the first word").
//   - Ranking: per word and field, an exact word scores above a prefix or
//     one-typo match, which score above a two-typo match, and fields weigh in
//     ranking order (shows: title,
//     productTitles, hostHandle, hostName, vendorNames, category,
//     description; products: title, vendorName, category, description), on
//     top of bleve's TF-IDF (shorter fields score higher, so a title that is
//     exactly the query wins). Ties are broken by id.
//
// Filters run on keyword and numeric fields as a non-scoring filter, so user
// input is never parsed as a query. Explicit sorts (STARTS_AT, PRICE_*) order
// the whole result by the field and then id, ignoring relevance. Facets are
// bleve term facets over the whole filtered result. Writes are synchronous: a
// search started after a write returns sees it.
package embedded

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/livemarket/livemarket/domain/discovery"
)

// schemaVersion is stored in each index; an index written with another
// version is dropped and recreated empty by Open (the documents are derived
// data: run a reindex).
const schemaVersion = "livemarket-embedded-1"

const (
	schemaKey    = "livemarket.schema"
	analyzerName = "livemarket_text"
	// facetSize bounds the values returned per facet (bleve keeps the top
	// ones by count).
	facetSize = 10_000
	// batchSize bounds the documents written per bleve batch.
	batchSize = 2_000
)

// Boosts: field weights follow the ranking order; per field an exact word
// (4) outranks a word with one typo (2) or two (1.33); a word that the last
// query word is a prefix of adds 2, so an exact last word scores 6.
const (
	boostExact  = 4.0
	boostPrefix = 2.0
	// boostOptional scales the optional words (all but the first).
	boostOptional = 1.0
)

type weightedField struct {
	name   string
	weight float64
}

// Field names in the bleve documents. Category is indexed twice: as a keyword
// (filter, facet) and as text (search).
const (
	fTitle         = "title"
	fDescription   = "description"
	fCategory      = "category"
	fCategoryText  = "categoryText"
	fHostID        = "hostId"
	fHostHandle    = "hostHandle"
	fHostName      = "hostName"
	fProductTitles = "productTitles"
	fVendorIDs     = "vendorIds"
	fVendorNames   = "vendorNames"
	fStatus        = "status"
	fStartsAt      = "startsAt"
	fVendorID      = "vendorId"
	fVendorName    = "vendorName"
	fPriceMinor    = "priceMinor"
	fShowStarts    = "showStarts"
	fNextStart     = "nextStart"
	fInfluencerIDs = "influencerIds"
)

var showText = []weightedField{
	{fTitle, 8}, {fProductTitles, 6}, {fHostHandle, 5}, {fHostName, 4},
	{fVendorNames, 3}, {fCategoryText, 2}, {fDescription, 1},
}

var productText = []weightedField{
	{fTitle, 8}, {fVendorName, 4}, {fCategoryText, 2}, {fDescription, 1},
}

type indexSpec struct {
	name     string
	text     []weightedField
	keywords []string
	numbers  []string
}

var showSpec = indexSpec{
	name:     discovery.ShowsIndex,
	text:     showText,
	keywords: []string{fCategory, fHostID, fVendorIDs, fStatus},
	numbers:  []string{fStartsAt},
}

var productSpec = indexSpec{
	name:     discovery.ProductsIndex,
	text:     productText,
	keywords: []string{fCategory, fVendorID, fInfluencerIDs},
	numbers:  []string{fPriceMinor, fShowStarts, fNextStart},
}

// Engine is the embedded discovery.Engine. It is safe for concurrent use.
type Engine struct {
	dir string // "" in memory

	mu       sync.RWMutex // guards the fields below; writers swap indexes
	closed   bool
	shows    bleve.Index
	products bleve.Index
	created  bool

	analyzer analysis.Analyzer
}

var _ discovery.Engine = (*Engine)(nil)

// Open opens the indexes under dir (dir/shows and dir/products), creating the
// directory and missing indexes. An index written by another schema version
// is recreated empty; NeedsReindex reports it.
func Open(dir string) (*Engine, error) {
	if dir == "" {
		return nil, errors.New("embedded: empty directory")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, unavailable("open", err)
	}
	e := &Engine{dir: dir}
	if err := e.init(); err != nil {
		return nil, err
	}
	return e, nil
}

// OpenMemory opens an engine whose indexes live in memory only.
func OpenMemory() (*Engine, error) {
	e := &Engine{}
	if err := e.init(); err != nil {
		return nil, err
	}
	return e, nil
}

func (e *Engine) init() error {
	var err error
	var created bool
	if e.shows, created, err = e.openIndex(showSpec); err != nil {
		return err
	}
	e.created = created
	if e.products, created, err = e.openIndex(productSpec); err != nil {
		_ = e.shows.Close()
		return err
	}
	e.created = e.created || created
	a := newMapping(showSpec).AnalyzerNamed(analyzerName)
	if a == nil {
		_ = e.shows.Close()
		_ = e.products.Close()
		return fmt.Errorf("embedded: analyzer %q missing", analyzerName)
	}
	e.analyzer = a
	return nil
}

// NeedsReindex reports whether Open created an index (a new directory, or
// one written by an older schema), so its documents must be written again.
func (e *Engine) NeedsReindex() bool {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.created
}

// Close closes both indexes; later calls fail with discovery.ErrUnavailable.
func (e *Engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil
	}
	e.closed = true
	err := errors.Join(e.shows.Close(), e.products.Close())
	if err != nil {
		return unavailable("close", err)
	}
	return nil
}

// ---- index management ----------------------------------------------------------

func (e *Engine) path(spec indexSpec) string { return filepath.Join(e.dir, spec.name) }

// openIndex opens or creates the index of spec.
func (e *Engine) openIndex(spec indexSpec) (bleve.Index, bool, error) {
	if e.dir == "" {
		idx, err := newIndex("", spec)
		return idx, true, err
	}
	path := e.path(spec)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		idx, err := newIndex(path, spec)
		return idx, true, err
	} else if err != nil {
		return nil, false, unavailable("open "+spec.name, err)
	}
	idx, err := bleve.Open(path)
	if err != nil {
		return nil, false, unavailable("open "+spec.name, err)
	}
	v, err := idx.GetInternal([]byte(schemaKey))
	if err != nil {
		_ = idx.Close()
		return nil, false, unavailable("open "+spec.name, err)
	}
	if string(v) == schemaVersion {
		return idx, false, nil
	}
	if err := idx.Close(); err != nil {
		return nil, false, unavailable("open "+spec.name, err)
	}
	if err := os.RemoveAll(path); err != nil {
		return nil, false, unavailable("recreate "+spec.name, err)
	}
	idx, err = newIndex(path, spec)
	return idx, true, err
}

// newIndex creates an empty index at path ("" for memory).
func newIndex(path string, spec indexSpec) (bleve.Index, error) {
	var idx bleve.Index
	var err error
	if path == "" {
		// A scorch index without a path lives in memory; it indexes much
		// faster than bleve.NewMemOnly's upsidedown store.
		idx, err = bleve.NewUsing("", newMapping(spec), scorch.Name, scorch.Name, map[string]interface{}{})
	} else {
		idx, err = bleve.New(path, newMapping(spec))
	}
	if err != nil {
		return nil, unavailable("create "+spec.name, err)
	}
	if err := idx.SetInternal([]byte(schemaKey), []byte(schemaVersion)); err != nil {
		_ = idx.Close()
		return nil, unavailable("create "+spec.name, err)
	}
	return idx, nil
}

func newMapping(spec indexSpec) *mapping.IndexMappingImpl {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(analyzerName, map[string]interface{}{
		"type":         custom.Name,
		"char_filters": []string{asciifolding.Name},
		"tokenizer":    unicodetok.Name,
		"token_filters": []string{
			lowercase.Name,
		},
	}); err != nil {
		panic(err) // static configuration
	}
	im.DefaultAnalyzer = analyzerName
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	dm := bleve.NewDocumentStaticMapping()
	for _, f := range spec.text {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = analyzerName
		fm.Store = false
		fm.IncludeTermVectors = false
		fm.IncludeInAll = false
		fm.DocValues = false
		dm.AddFieldMappingsAt(f.name, fm)
	}
	for _, name := range spec.keywords {
		fm := bleve.NewKeywordFieldMapping()
		fm.Store = false
		fm.IncludeTermVectors = false
		fm.IncludeInAll = false
		fm.DocValues = true
		dm.AddFieldMappingsAt(name, fm)
	}
	for _, name := range spec.numbers {
		fm := bleve.NewNumericFieldMapping()
		fm.Store = false
		fm.IncludeInAll = false
		fm.DocValues = true
		dm.AddFieldMappingsAt(name, fm)
	}
	im.DefaultMapping = dm
	return im
}

// ---- errors ------------------------------------------------------------------

// unavailable wraps an engine failure so that errors.Is(err,
// discovery.ErrUnavailable) holds.
func unavailable(op string, err error) error {
	return fmt.Errorf("%w: embedded %s: %w", discovery.ErrUnavailable, op, err)
}

var errClosed = errors.New("engine closed")

// wrap keeps context errors as they are and marks the rest unavailable.
func wrap(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	if ctxErr := ctx.Err(); ctxErr != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return fmt.Errorf("embedded %s: %w", op, ctxErr)
	}
	return unavailable(op, err)
}

// ---- writes ------------------------------------------------------------------

// Setup checks that the engine is open; Open already created the indexes
// with their mappings, so there is nothing to apply.
func (e *Engine) Setup(ctx context.Context) error {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.closed {
		return unavailable("setup", errClosed)
	}
	return ctx.Err()
}

// UpsertShows indexes shows, replacing documents with the same id.
func (e *Engine) UpsertShows(ctx context.Context, docs []discovery.ShowDoc) error {
	items := make([]item, 0, len(docs))
	for _, d := range docs {
		if d.ID == "" {
			return errors.New("embedded: show without id")
		}
		items = append(items, item{d.ID, showFields(d)})
	}
	return e.write(ctx, "upsert shows", func(e *Engine) bleve.Index { return e.shows }, items, nil)
}

// UpsertProducts indexes products, replacing documents with the same id.
func (e *Engine) UpsertProducts(ctx context.Context, docs []discovery.ProductDoc) error {
	items := make([]item, 0, len(docs))
	for _, d := range docs {
		if d.ID == "" {
			return errors.New("embedded: product without id")
		}
		items = append(items, item{d.ID, productFields(d)})
	}
	return e.write(ctx, "upsert products", func(e *Engine) bleve.Index { return e.products }, items, nil)
}

// DeleteShows removes shows; unknown ids are ignored.
func (e *Engine) DeleteShows(ctx context.Context, ids []string) error {
	return e.write(ctx, "delete shows", func(e *Engine) bleve.Index { return e.shows }, nil, ids)
}

// DeleteProducts removes products; unknown ids are ignored.
func (e *Engine) DeleteProducts(ctx context.Context, ids []string) error {
	return e.write(ctx, "delete products", func(e *Engine) bleve.Index { return e.products }, nil, ids)
}

type item struct {
	id  string
	doc map[string]interface{}
}

func (e *Engine) write(ctx context.Context, op string, pick func(*Engine) bleve.Index, items []item, deletes []string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.closed {
		return unavailable(op, errClosed)
	}
	idx := pick(e)
	for len(items) > 0 || len(deletes) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		b := idx.NewBatch()
		for n := 0; n < batchSize && len(items) > 0; n++ {
			if err := b.Index(items[0].id, items[0].doc); err != nil {
				return unavailable(op, err)
			}
			items = items[1:]
		}
		for n := b.Size(); n < batchSize && len(deletes) > 0; n++ {
			if deletes[0] != "" {
				b.Delete(deletes[0])
			}
			deletes = deletes[1:]
		}
		if err := idx.Batch(b); err != nil {
			return unavailable(op, err)
		}
	}
	return nil
}

// DeleteAll empties both indexes by replacing them with new empty ones.
func (e *Engine) DeleteAll(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return unavailable("delete all", errClosed)
	}
	for _, x := range []struct {
		spec indexSpec
		idx  *bleve.Index
	}{{showSpec, &e.shows}, {productSpec, &e.products}} {
		if err := (*x.idx).Close(); err != nil {
			e.closed = true
			return unavailable("delete all", err)
		}
		path := ""
		if e.dir != "" {
			path = e.path(x.spec)
			if err := os.RemoveAll(path); err != nil {
				e.closed = true
				return unavailable("delete all", err)
			}
		}
		idx, err := newIndex(path, x.spec)
		if err != nil {
			// The engine is unusable now; mark it closed so later
			// calls fail cleanly (Open again to recover).
			e.closed = true
			if x.spec.name == discovery.ShowsIndex {
				_ = e.products.Close()
			}
			return err
		}
		*x.idx = idx
	}
	return nil
}

func showFields(d discovery.ShowDoc) map[string]interface{} {
	return map[string]interface{}{
		fTitle:         d.Title,
		fDescription:   d.Description,
		fCategory:      d.Category,
		fCategoryText:  d.Category,
		fHostID:        d.HostID,
		fHostHandle:    d.HostHandle,
		fHostName:      d.HostName,
		fProductTitles: nonNil(d.ProductTitles),
		fVendorIDs:     unique(d.VendorIDs),
		fVendorNames:   nonNil(d.VendorNames),
		fStatus:        d.Status,
		fStartsAt:      float64(d.StartsAt),
	}
}

func productFields(d discovery.ProductDoc) map[string]interface{} {
	starts := make([]float64, len(d.ShowStarts))
	for i, s := range d.ShowStarts {
		starts[i] = float64(s)
	}
	return map[string]interface{}{
		fTitle:         d.Title,
		fDescription:   d.Description,
		fCategory:      d.Category,
		fCategoryText:  d.Category,
		fVendorID:      d.VendorID,
		fVendorName:    d.VendorName,
		fPriceMinor:    float64(d.PriceMinor),
		fShowStarts:    starts,
		fNextStart:     float64(d.NextStart),
		fInfluencerIDs: unique(d.InfluencerIDs),
	}
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// unique drops repeated values so a facet counts a document once per value.
func unique(xs []string) []string {
	out := make([]string, 0, len(xs))
	seen := make(map[string]bool, len(xs))
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// ---- searches ----------------------------------------------------------------

// SearchShows runs a show query.
func (e *Engine) SearchShows(ctx context.Context, q discovery.ShowQuery) (*discovery.Result, error) {
	var filters []query.Query
	filters = appendTerm(filters, fCategory, q.Category)
	filters = appendTerm(filters, fVendorIDs, q.VendorID)
	filters = appendTerm(filters, fHostID, q.InfluencerID)
	if len(q.Statuses) > 0 {
		filters = append(filters, anyTerm(fStatus, q.Statuses))
	}
	filters = appendRange(filters, fStartsAt, q.StartsAfter, true, q.StartsBefore, false)

	var order search.SortOrder
	switch q.Sort {
	case "", discovery.SortRelevance:
	case discovery.SortStartsAt:
		order = byField(fStartsAt, false)
	default:
		return nil, fmt.Errorf("embedded: unsupported show sort %q", q.Sort)
	}
	return e.search(ctx, "search shows", func(e *Engine) bleve.Index { return e.shows }, searchSpec{
		text: q.Text, fields: showText, filters: filters, order: order,
		offset: q.Offset, limit: q.Limit, facets: true, vendorFacet: fVendorIDs,
	})
}

// SearchProducts runs a product query.
func (e *Engine) SearchProducts(ctx context.Context, q discovery.ProductQuery) (*discovery.Result, error) {
	return e.searchProducts(ctx, q, true)
}

func (e *Engine) searchProducts(ctx context.Context, q discovery.ProductQuery, facets bool) (*discovery.Result, error) {
	var filters []query.Query
	filters = appendTerm(filters, fCategory, q.Category)
	filters = appendTerm(filters, fVendorID, q.VendorID)
	filters = appendTerm(filters, fInfluencerIDs, q.InfluencerID)
	filters = appendRange(filters, fPriceMinor, q.MinPrice, true, q.MaxPrice, true)
	// One range on the multi-valued showStarts: some single show must start
	// inside [StartsAfter, StartsBefore).
	filters = appendRange(filters, fShowStarts, q.StartsAfter, true, q.StartsBefore, false)

	var order search.SortOrder
	switch q.Sort {
	case "", discovery.SortRelevance:
	case discovery.SortStartsAt:
		order = byField(fNextStart, false)
	case discovery.SortPriceAsc:
		order = byField(fPriceMinor, false)
	case discovery.SortPriceDesc:
		order = byField(fPriceMinor, true)
	default:
		return nil, fmt.Errorf("embedded: unsupported product sort %q", q.Sort)
	}
	return e.search(ctx, "search products", func(e *Engine) bleve.Index { return e.products }, searchSpec{
		text: q.Text, fields: productText, filters: filters, order: order,
		offset: q.Offset, limit: q.Limit, facets: facets, vendorFacet: fVendorID,
	})
}

type searchSpec struct {
	text          string
	fields        []weightedField
	filters       []query.Query
	order         search.SortOrder // nil: relevance
	offset, limit int
	facets        bool
	vendorFacet   string
}

func (e *Engine) search(ctx context.Context, op string, pick func(*Engine) bleve.Index, s searchSpec) (*discovery.Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	textQuery := e.textQuery(s.text, s.fields)

	var q query.Query
	switch {
	case textQuery == nil && len(s.filters) == 0:
		q = query.NewMatchAllQuery()
	case textQuery == nil:
		// Without text every hit scores the same: a conjunction of the
		// filters lets bleve skip through the posting lists.
		q = query.NewConjunctionQuery(s.filters)
	case len(s.filters) == 0:
		q = textQuery
	default:
		bq := query.NewBooleanQuery(nil, nil, nil)
		bq.Must = textQuery
		bq.AddFilter(query.NewConjunctionQuery(s.filters))
		q = bq
	}

	req := bleve.NewSearchRequestOptions(q, max(s.limit, 0), max(s.offset, 0), false)
	switch {
	case s.order != nil:
		req.SortByCustom(s.order)
		req.Score = bleve.ScoreNone
	case textQuery == nil:
		req.SortByCustom(search.SortOrder{&search.SortDocID{}})
		req.Score = bleve.ScoreNone
	default:
		req.SortByCustom(search.SortOrder{&search.SortScore{Desc: true}, &search.SortDocID{}})
	}
	if s.facets {
		req.AddFacet(discovery.FacetCategory, bleve.NewFacetRequest(fCategory, facetSize))
		req.AddFacet(discovery.FacetVendor, bleve.NewFacetRequest(s.vendorFacet, facetSize))
	}

	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.closed {
		return nil, unavailable(op, errClosed)
	}
	res, err := pick(e).SearchInContext(ctx, req)
	if err != nil {
		return nil, wrap(ctx, op, err)
	}

	out := &discovery.Result{IDs: make([]string, 0, len(res.Hits)), Total: int(res.Total)}
	for _, h := range res.Hits {
		out.IDs = append(out.IDs, h.ID)
	}
	if s.facets {
		out.Facets = map[string]map[string]int{}
		for _, name := range []string{discovery.FacetCategory, discovery.FacetVendor} {
			m := map[string]int{}
			if fr := res.Facets[name]; fr != nil && fr.Terms != nil {
				for _, tf := range fr.Terms.Terms() {
					m[tf.Term] = tf.Count
				}
			}
			out.Facets[name] = m
		}
	}
	return out, nil
}

func byField(field string, desc bool) search.SortOrder {
	return search.SortOrder{
		&search.SortField{Field: field, Desc: desc, Type: search.SortFieldAsNumber, Missing: search.SortFieldMissingLast},
		&search.SortDocID{},
	}
}

func appendTerm(qs []query.Query, field, value string) []query.Query {
	if value == "" {
		return qs
	}
	tq := query.NewTermQuery(value)
	tq.SetField(field)
	return append(qs, tq)
}

func anyTerm(field string, values []string) query.Query {
	qs := make([]query.Query, 0, len(values))
	for _, v := range values {
		tq := query.NewTermQuery(v)
		tq.SetField(field)
		qs = append(qs, tq)
	}
	return query.NewDisjunctionQuery(qs)
}

func appendRange(qs []query.Query, field string, lo *int64, loInclusive bool, hi *int64, hiInclusive bool) []query.Query {
	if lo == nil && hi == nil {
		return qs
	}
	var from, to *float64
	if lo != nil {
		v := float64(*lo)
		from = &v
	}
	if hi != nil {
		v := float64(*hi)
		to = &v
	}
	rq := query.NewNumericRangeInclusiveQuery(from, to, &loInclusive, &hiInclusive)
	rq.SetField(field)
	return append(qs, rq)
}

// ---- text --------------------------------------------------------------------

// fuzziness is Meilisearch's default typo budget for a word of n characters.
func fuzziness(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case n >= 9:
		return 2
	case n >= 5:
		return 1
	default:
		return 0
	}
}

// words analyses text the way documents are analysed, dropping repeats.
func (e *Engine) words(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, tok := range e.analyzer.Analyze([]byte(text)) {
		w := string(tok.Term)
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// textQuery builds the query for text, or nil when text has no words.
func (e *Engine) textQuery(text string, fields []weightedField) query.Query {
	words := e.words(text)
	if len(words) == 0 {
		return nil
	}
	lastIsPrefix := true
	if r, _ := utf8.DecodeLastRuneInString(text); unicode.IsSpace(r) {
		lastIsPrefix = false
	}
	wordQuery := func(w string, prefix bool, scale float64) query.Query {
		fz := fuzziness(w)
		qs := make([]query.Query, 0, 3*len(fields))
		for _, f := range fields {
			// A fuzzy query matches the exact word too, and bleve divides
			// each candidate's boost by 1 + its edit distance: exact 1,
			// one typo 1/2, two typos 1/3.
			if fz > 0 {
				fq := query.NewFuzzyQuery(w)
				fq.SetFuzziness(fz)
				fq.SetField(f.name)
				fq.SetBoost(f.weight * boostExact * scale)
				qs = append(qs, fq)
			} else {
				tq := query.NewTermQuery(w)
				tq.SetField(f.name)
				tq.SetBoost(f.weight * boostExact * scale)
				qs = append(qs, tq)
			}
			if prefix {
				pq := query.NewPrefixQuery(w)
				pq.SetField(f.name)
				pq.SetBoost(f.weight * boostPrefix * scale)
				qs = append(qs, pq)
			}
		}
		return query.NewDisjunctionQuery(qs)
	}

	last := len(words) - 1
	first := wordQuery(words[0], last == 0 && lastIsPrefix, 1)
	if last == 0 {
		return first
	}
	bq := query.NewBooleanQuery(nil, nil, nil)
	bq.AddMust(first)
	for i, w := range words[1:] {
		bq.AddShould(wordQuery(w, i+1 == last && lastIsPrefix, boostOptional))
	}
	return bq
}
