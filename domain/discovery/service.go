package discovery

import (
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/domain/txlock"
	"github.com/livemarket/livemarket/domain/vendor"
)

// Service keeps the indexes in sync and answers searches.
type Service struct {
	db     *bun.DB
	engine Engine
}

// NewService builds the service.
func NewService(db *bun.DB, engine Engine) *Service {
	return &Service{db: db, engine: engine}
}

// searchable are the show statuses the indexes hold.
var searchable = []string{show.StatusScheduled, show.StatusLive}

// IndexShow writes the show's current public document (or removes it when the
// show is no longer SCHEDULED or LIVE), then re-indexes its products. It
// holds the show's row lock (and its products') while it reads and writes, so
// jobs for the same show apply in the order of the changes they follow: a
// job never overwrites a newer document with an older one.
func (s *Service) IndexShow(ctx context.Context, job show.IndexJob) error {
	return s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := txlock.Row(ctx, tx, "shows", job.ShowID); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		shows, err := show.ByIDs(ctx, tx, []string{job.ShowID})
		if err != nil {
			return err
		}
		sh := shows[job.ShowID]
		featured, err := show.FeaturedOf(ctx, tx, []string{job.ShowID})
		if err != nil {
			return err
		}
		if sh == nil || !isSearchable(sh.Status) {
			if err := s.engine.DeleteShows(ctx, []string{job.ShowID}); err != nil {
				return fmt.Errorf("discovery.IndexShow: %w", err)
			}
		} else {
			docs, err := s.showDocs(ctx, tx, []*show.Show{sh})
			if err != nil {
				return err
			}
			if err := s.engine.UpsertShows(ctx, docs); err != nil {
				return fmt.Errorf("discovery.IndexShow: %w", err)
			}
		}
		ids := make([]string, 0, len(featured[job.ShowID]))
		for _, f := range featured[job.ShowID] {
			ids = append(ids, f.ProductID)
		}
		return s.indexProducts(ctx, tx, ids)
	})
}

// IndexProduct writes the product's document, or removes it when it is
// archived or featured in no SCHEDULED or LIVE show (under the product's
// row lock, like IndexShow).
func (s *Service) IndexProduct(ctx context.Context, job catalog.IndexJob) error {
	return s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		return s.indexProducts(ctx, tx, []string{job.ProductID})
	})
}

func (s *Service) indexProducts(ctx context.Context, db bun.IDB, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	sorted := append([]string(nil), ids...)
	slices.Sort(sorted) // one lock order everywhere
	for _, id := range sorted {
		if err := txlock.Row(ctx, db, "products", id); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	docs, err := s.productDocs(ctx, db, ids)
	if err != nil {
		return err
	}
	var gone []string
	for _, id := range ids {
		if _, ok := docs[id]; !ok {
			gone = append(gone, id)
		}
	}
	if len(docs) > 0 {
		list := make([]ProductDoc, 0, len(docs))
		for _, id := range ids {
			if d, ok := docs[id]; ok {
				list = append(list, d)
			}
		}
		if err := s.engine.UpsertProducts(ctx, list); err != nil {
			return fmt.Errorf("discovery: index products: %w", err)
		}
	}
	if len(gone) > 0 {
		if err := s.engine.DeleteProducts(ctx, gone); err != nil {
			return fmt.Errorf("discovery: unindex products: %w", err)
		}
	}
	return nil
}

// Reindex rebuilds both indexes from the database.
func (s *Service) Reindex(ctx context.Context) (shows, products int, err error) {
	if err := s.engine.Setup(ctx); err != nil {
		return 0, 0, err
	}
	if err := s.engine.DeleteAll(ctx); err != nil {
		return 0, 0, err
	}
	var all []*show.Show
	if err := s.db.NewSelect().Model(&all).Where("sh.status IN (?)", bun.List(searchable)).OrderExpr("sh.id").Scan(ctx); err != nil {
		return 0, 0, fmt.Errorf("discovery.Reindex: %w", err)
	}
	const batch = 500
	for i := 0; i < len(all); i += batch {
		docs, err := s.showDocs(ctx, s.db, all[i:min(i+batch, len(all))])
		if err != nil {
			return 0, 0, err
		}
		if err := s.engine.UpsertShows(ctx, docs); err != nil {
			return 0, 0, err
		}
	}
	var pids []string
	if err := s.db.NewRaw(`SELECT DISTINCT sp.product_id FROM show_products AS sp JOIN shows AS sh ON sh.id = sp.show_id
		WHERE sh.status IN (?) ORDER BY sp.product_id`, bun.List(searchable)).Scan(ctx, &pids); err != nil {
		return 0, 0, fmt.Errorf("discovery.Reindex: %w", err)
	}
	for i := 0; i < len(pids); i += batch {
		if err := s.indexProducts(ctx, s.db, pids[i:min(i+batch, len(pids))]); err != nil {
			return 0, 0, err
		}
	}
	return len(all), len(pids), nil
}

// StatusesOrDefault is the statuses a show search asks for: those given, or
// SCHEDULED and LIVE.
func StatusesOrDefault(statuses []string) []string {
	if len(statuses) == 0 {
		return searchable
	}
	return statuses
}

func isSearchable(status string) bool {
	return status == show.StatusScheduled || status == show.StatusLive
}

// showDocs builds the public documents of shows (a constant number of statements).
func (s *Service) showDocs(ctx context.Context, db bun.IDB, shows []*show.Show) ([]ShowDoc, error) {
	ids := make([]string, len(shows))
	hostIDs := make([]string, len(shows))
	for i, sh := range shows {
		ids[i], hostIDs[i] = sh.ID, sh.HostID
	}
	hosts, err := influencer.ByIDs(ctx, db, hostIDs)
	if err != nil {
		return nil, err
	}
	featured, err := show.FeaturedOf(ctx, db, ids)
	if err != nil {
		return nil, err
	}
	var pids, vids []string
	for _, fs := range featured {
		for _, f := range fs {
			pids, vids = append(pids, f.ProductID), append(vids, f.VendorID)
		}
	}
	products, err := catalog.ByIDs(ctx, db, pids)
	if err != nil {
		return nil, err
	}
	vendors, err := vendor.ByIDs(ctx, db, vids)
	if err != nil {
		return nil, err
	}
	docs := make([]ShowDoc, 0, len(shows))
	for _, sh := range shows {
		d := ShowDoc{ID: sh.ID, Title: sh.Title, Description: sh.Description, Category: sh.Category, HostID: sh.HostID,
			Status: sh.Status, StartsAt: sh.ScheduledStart.Unix(), EndsAt: sh.ScheduledEnd.Unix(),
			ProductTitles: []string{}, VendorIDs: []string{}, VendorNames: []string{}}
		if h := hosts[sh.HostID]; h != nil {
			d.HostHandle, d.HostName = h.Handle, h.DisplayName
		}
		seen := map[string]bool{}
		for _, f := range featured[sh.ID] {
			if p := products[f.ProductID]; p != nil {
				d.ProductTitles = append(d.ProductTitles, p.Title)
			}
			if !seen[f.VendorID] {
				seen[f.VendorID] = true
				d.VendorIDs = append(d.VendorIDs, f.VendorID)
				if v := vendors[f.VendorID]; v != nil {
					d.VendorNames = append(d.VendorNames, v.Name)
				}
			}
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// productDocs builds documents for the products that are ACTIVE and featured
// in at least one SCHEDULED or LIVE show; others are absent from the map.
func (s *Service) productDocs(ctx context.Context, db bun.IDB, ids []string) (map[string]ProductDoc, error) {
	products, err := catalog.ByIDs(ctx, db, ids)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		ProductID string    `bun:"product_id"`
		ShowID    string    `bun:"show_id"`
		HostID    string    `bun:"host_id"`
		Start     time.Time `bun:"scheduled_start"`
	}
	if err := db.NewRaw(`SELECT sp.product_id, sh.id AS show_id, sh.host_id, sh.scheduled_start
		FROM show_products AS sp JOIN shows AS sh ON sh.id = sp.show_id
		WHERE sp.product_id IN (?) AND sh.status IN (?) ORDER BY sh.scheduled_start, sh.id`,
		bun.List(ids), bun.List(searchable)).Scan(ctx, &rows); err != nil {
		return nil, fmt.Errorf("discovery: featured shows: %w", err)
	}
	var vids []string
	for _, p := range products {
		vids = append(vids, p.VendorID)
	}
	vendors, err := vendor.ByIDs(ctx, db, vids)
	if err != nil {
		return nil, err
	}
	docs := map[string]ProductDoc{}
	for _, r := range rows {
		p := products[r.ProductID]
		if p == nil || p.Status != catalog.StatusActive {
			continue
		}
		d, ok := docs[p.ID]
		if !ok {
			d = ProductDoc{ID: p.ID, Title: p.Title, Description: p.Description, Category: p.Category, VendorID: p.VendorID,
				PriceMinor: p.PriceMinor, Currency: p.Currency, NextStart: r.Start.Unix(), ShowIDs: []string{}, ShowStarts: []int64{}, InfluencerIDs: []string{}}
			if v := vendors[p.VendorID]; v != nil {
				d.VendorName = v.Name
			}
		}
		d.ShowIDs = append(d.ShowIDs, r.ShowID)
		d.ShowStarts = append(d.ShowStarts, r.Start.Unix())
		if !contains(d.InfluencerIDs, r.HostID) {
			d.InfluencerIDs = append(d.InfluencerIDs, r.HostID)
		}
		docs[p.ID] = d
	}
	return docs, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// ---- Queries ------------------------------------------------------------------

// ShowSearch is a search request as the API receives it.
type ShowSearch struct {
	Text                      string
	Category, VendorID        string
	InfluencerID              string
	StartsAfter, StartsBefore *time.Time
	Statuses                  []string
	Sort                      string
	First                     *int
	After                     *string
}

// ProductSearch is a product search request as the API receives it.
type ProductSearch struct {
	Text                      string
	Category, VendorID        string
	InfluencerID              string
	MinPrice, MaxPrice        *int64
	StartsAfter, StartsBefore *time.Time
	Sort                      string
	First                     *int
	After                     *string
}

// Page is a page of hit ids with what the connection needs.
type Page struct {
	IDs         []string
	Offset      int
	HasNextPage bool
	Total       int
	Facets      map[string]map[string]int
}

// MaxQueryLen bounds search text.
const MaxQueryLen = 200

// errUnavailable is the user-facing answer when the engine cannot be reached.
var errUnavailable = kernel.Fail(kernel.CodeSearchUnavailable, nil, "search is temporarily unavailable; try again shortly")

func pageOf(first *int, after *string, v *kernel.Validator) (offset, limit int) {
	limit = kernel.DefaultPageSize
	if first != nil {
		limit = *first
		v.Check(limit >= 0 && limit <= kernel.MaxPageSize, kernel.CodeInvalid, kernel.Field("first"), "must be between 0 and %d", kernel.MaxPageSize)
	}
	if after != nil && *after != "" {
		o, ok := DecodeCursor(*after)
		v.Check(ok, kernel.CodeInvalid, kernel.Field("after"), "is not a valid cursor")
		offset = o
	}
	return offset, limit
}

// EncodeCursor makes the opaque cursor of the hit at offset.
func EncodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("s:" + strconv.Itoa(offset)))
}

// DecodeCursor reads a cursor made by EncodeCursor; the next page starts after it.
func DecodeCursor(c string) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "s:") {
		return 0, false
	}
	n, err := strconv.Atoi(string(b[2:]))
	if err != nil || n < 0 || n > 100_000 {
		return 0, false
	}
	return n + 1, true
}

func checkCommon(v *kernel.Validator, text, vendorID, influencerID string, after, before *time.Time) (string, *int64, *int64) {
	text = kernel.CheckText(v, kernel.Field("query"), text, false, MaxQueryLen)
	if vendorID != "" {
		kernel.CheckID(v, kernel.Field("filter", "vendorId"), vendorID)
	}
	if influencerID != "" {
		kernel.CheckID(v, kernel.Field("filter", "influencerId"), influencerID)
	}
	var a, b *int64
	if after != nil {
		x := after.Unix()
		a = &x
	}
	if before != nil {
		x := before.Unix()
		b = &x
	}
	if a != nil && b != nil {
		v.Check(*b > *a, kernel.CodeInvalid, kernel.Field("filter", "startsBefore"), "must be after startsAfter")
	}
	return text, a, b
}

// SearchShows finds shows; without a status filter it searches SCHEDULED and
// LIVE shows (ended and cancelled ones are not in the index).
func (s *Service) SearchShows(ctx context.Context, in ShowSearch) (*Page, error) {
	var v kernel.Validator
	text, a, b := checkCommon(&v, in.Text, in.VendorID, in.InfluencerID, in.StartsAfter, in.StartsBefore)
	offset, limit := pageOf(in.First, in.After, &v)
	statuses := StatusesOrDefault(in.Statuses)
	sort := in.Sort
	if sort == "" {
		sort = SortRelevance
	}
	v.Check(sort == SortRelevance || sort == SortStartsAt, kernel.CodeInvalid, kernel.Field("sort"), "unknown sort")
	if err := v.Err(); err != nil {
		return nil, err
	}
	res, err := s.engine.SearchShows(ctx, ShowQuery{Text: text, Category: catalog.NormalizeCategory(in.Category), VendorID: in.VendorID,
		InfluencerID: in.InfluencerID, StartsAfter: a, StartsBefore: b, Statuses: statuses, Sort: sort, Offset: offset, Limit: limit})
	return page(res, offset, err)
}

// SearchProducts finds products featured in upcoming or live shows.
func (s *Service) SearchProducts(ctx context.Context, in ProductSearch) (*Page, error) {
	var v kernel.Validator
	text, a, b := checkCommon(&v, in.Text, in.VendorID, in.InfluencerID, in.StartsAfter, in.StartsBefore)
	offset, limit := pageOf(in.First, in.After, &v)
	if in.MinPrice != nil {
		v.Check(*in.MinPrice >= 0, kernel.CodeInvalid, kernel.Field("filter", "minPriceMinor"), "must not be negative")
	}
	if in.MinPrice != nil && in.MaxPrice != nil {
		v.Check(*in.MaxPrice >= *in.MinPrice, kernel.CodeInvalid, kernel.Field("filter", "maxPriceMinor"), "must be at least minPriceMinor")
	}
	sort := in.Sort
	if sort == "" {
		sort = SortRelevance
	}
	v.Check(sort == SortRelevance || sort == SortStartsAt || sort == SortPriceAsc || sort == SortPriceDesc, kernel.CodeInvalid, kernel.Field("sort"), "unknown sort")
	if err := v.Err(); err != nil {
		return nil, err
	}
	res, err := s.engine.SearchProducts(ctx, ProductQuery{Text: text, Category: catalog.NormalizeCategory(in.Category), VendorID: in.VendorID,
		InfluencerID: in.InfluencerID, MinPrice: in.MinPrice, MaxPrice: in.MaxPrice, StartsAfter: a, StartsBefore: b, Sort: sort,
		Offset: offset, Limit: limit})
	return page(res, offset, err)
}

func page(res *Result, offset int, err error) (*Page, error) {
	if errors.Is(err, ErrUnavailable) {
		return nil, fmt.Errorf("%w: %w", errUnavailable, err)
	}
	if err != nil {
		return nil, fmt.Errorf("discovery: %w", err)
	}
	return &Page{IDs: res.IDs, Offset: offset, Total: res.Total, Facets: res.Facets, HasNextPage: offset+len(res.IDs) < res.Total}, nil
}
