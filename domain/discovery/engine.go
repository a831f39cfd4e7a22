// Package discovery is how shoppers find shows and the products featured in
// them. It declares the search Engine it consumes (Meilisearch in
// production, an embedded engine locally: see package search), builds the
// public documents from the database, keeps the indexes in sync through
// index jobs, and validates queries.
package discovery

import (
	"context"
	"errors"
)

// Index names.
const (
	ShowsIndex    = "shows"
	ProductsIndex = "products"
)

// ShowDoc is the public, searchable view of a SCHEDULED or LIVE show.
// Times are unix seconds (UTC).
type ShowDoc struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Description   string   `json:"description"`
	Category      string   `json:"category"`
	HostID        string   `json:"hostId"`
	HostHandle    string   `json:"hostHandle"`
	HostName      string   `json:"hostName"`
	ProductTitles []string `json:"productTitles"`
	VendorIDs     []string `json:"vendorIds"`
	VendorNames   []string `json:"vendorNames"`
	Status        string   `json:"status"`
	StartsAt      int64    `json:"startsAt"`
	EndsAt        int64    `json:"endsAt"`
}

// ProductDoc is the public, searchable view of a product featured in at least
// one SCHEDULED or LIVE show.
type ProductDoc struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Description   string   `json:"description"`
	Category      string   `json:"category"`
	VendorID      string   `json:"vendorId"`
	VendorName    string   `json:"vendorName"`
	PriceMinor    int64    `json:"priceMinor"`
	Currency      string   `json:"currency"`
	ShowIDs       []string `json:"showIds"`
	ShowStarts    []int64  `json:"showStarts"`
	NextStart     int64    `json:"nextStart"` // the soonest of ShowStarts
	InfluencerIDs []string `json:"influencerIds"`
}

// Sorts.
const (
	SortRelevance = "RELEVANCE"
	SortStartsAt  = "STARTS_AT"
	SortPriceAsc  = "PRICE_ASC"
	SortPriceDesc = "PRICE_DESC"
)

// ShowQuery is a validated search for shows. Zero-valued filters do not
// filter; Statuses is never empty (the service defaults it).
type ShowQuery struct {
	Text         string
	Category     string
	VendorID     string
	InfluencerID string
	StartsAfter  *int64 // startsAt >= StartsAfter
	StartsBefore *int64 // startsAt <  StartsBefore
	Statuses     []string
	Sort         string // SortRelevance or SortStartsAt (ascending)
	Offset       int
	Limit        int
}

// ProductQuery is a validated search for featured products.
type ProductQuery struct {
	Text         string
	Category     string
	VendorID     string
	InfluencerID string
	MinPrice     *int64 // priceMinor >= MinPrice
	MaxPrice     *int64 // priceMinor <= MaxPrice
	// StartsAfter/StartsBefore: one featured show starts in
	// [StartsAfter, StartsBefore) (either bound may be absent).
	StartsAfter  *int64
	StartsBefore *int64
	Sort         string // SortRelevance, SortStartsAt (nextStart ascending), SortPriceAsc, SortPriceDesc
	Offset       int
	Limit        int
}

// Facet names: counts over the whole result (not just the page).
const (
	FacetCategory = "category"
	FacetVendor   = "vendor" // values are vendor ids
)

// Ordering: an explicit sort orders the whole result by its field, then by
// id; RELEVANCE orders by the engine's score, then id. Multi-word text follows
// Meilisearch's default "last" matching strategy.

// Result is one page of hits plus the exact total (HasNextPage depends on it)
// and facet counts.
type Result struct {
	IDs    []string
	Total  int
	Facets map[string]map[string]int // facet name → value → count
}

// ErrUnavailable wraps every failure to reach the search engine, so the API
// can answer SEARCH_UNAVAILABLE and index jobs can retry.
var ErrUnavailable = errors.New("search engine unavailable")

// Engine is a search engine holding the two indexes. Every method is
// idempotent; upserting a document replaces it whole.
type Engine interface {
	// Setup creates the indexes and applies their settings (searchable
	// attributes in ranking order, filterable and sortable attributes, typo
	// tolerance); running it again changes nothing.
	Setup(ctx context.Context) error
	UpsertShows(ctx context.Context, docs []ShowDoc) error
	DeleteShows(ctx context.Context, ids []string) error
	UpsertProducts(ctx context.Context, docs []ProductDoc) error
	DeleteProducts(ctx context.Context, ids []string) error
	// DeleteAll empties both indexes (for a full reindex).
	DeleteAll(ctx context.Context) error
	SearchShows(ctx context.Context, q ShowQuery) (*Result, error)
	SearchProducts(ctx context.Context, q ProductQuery) (*Result, error)
}

// Unavailable is an Engine that is always down: every call fails with
// ErrUnavailable (searches answer SEARCH_UNAVAILABLE, index jobs retry).
type Unavailable struct{}

func (Unavailable) Setup(context.Context) error                        { return ErrUnavailable }
func (Unavailable) UpsertShows(context.Context, []ShowDoc) error       { return ErrUnavailable }
func (Unavailable) DeleteShows(context.Context, []string) error        { return ErrUnavailable }
func (Unavailable) UpsertProducts(context.Context, []ProductDoc) error { return ErrUnavailable }
func (Unavailable) DeleteProducts(context.Context, []string) error     { return ErrUnavailable }
func (Unavailable) DeleteAll(context.Context) error                    { return ErrUnavailable }
func (Unavailable) SearchShows(context.Context, ShowQuery) (*Result, error) {
	return nil, ErrUnavailable
}
func (Unavailable) SearchProducts(context.Context, ProductQuery) (*Result, error) {
	return nil, ErrUnavailable
}
