// Package catalog owns vendors' products: creation, edits, stock and
// archiving, and the public product listings. Only a vendor's staff (or an
// admin) may change its products; the vendor context answers who that is.
package catalog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/outbox"
	"github.com/livemarket/livemarket/domain/paging"
	"github.com/livemarket/livemarket/domain/txlock"
)

// Product statuses.
const (
	StatusActive   = "ACTIVE"
	StatusArchived = "ARCHIVED"
)

// Input limits.
const (
	MaxTitleLen       = 200
	MaxDescriptionLen = 5000
	MaxCategoryLen    = 60
	MaxSKULen         = 64
	MaxImages         = 10
	MaxStock          = 1_000_000
	MaxQueryLen       = 200
)

// Product is a vendor's item for sale.
type Product struct {
	bun.BaseModel `bun:"table:products,alias:p"`

	ID          string    `bun:"id,pk"`
	VendorID    string    `bun:"vendor_id"`
	Title       string    `bun:"title"`
	Description string    `bun:"description"`
	Category    string    `bun:"category"`
	PriceMinor  int64     `bun:"price_minor"`
	Currency    string    `bun:"currency"`
	Stock       int       `bun:"stock"`
	SKU         string    `bun:"sku"`
	ImageURLs   []string  `bun:"image_urls,type:text"`
	SearchText  string    `bun:"search_text"`
	Status      string    `bun:"status"`
	CreatedAt   time.Time `bun:"created_at"`
	UpdatedAt   time.Time `bun:"updated_at"`
}

// searchText is what the catalog's text filter matches: title, SKU and
// description, lower-cased with Unicode folding on both engines.
func (p *Product) searchText() string {
	return strings.ToLower(p.Title + "\n" + p.SKU + "\n" + p.Description)
}

// JobIndex asks search to re-index a product after a change to it (title,
// price, stock, archiving); the payload carries its id only.
const JobIndex = "search:index_product"

// IndexJob is the payload of JobIndex.
type IndexJob struct {
	ProductID string `json:"productId"`
}

func reindex(ctx context.Context, tx bun.IDB, id string, now time.Time) error {
	_, err := outbox.Add(ctx, tx, now, JobIndex, IndexJob{ProductID: id}, nil)
	return err
}

// Price returns the product's price as Money.
func (p *Product) Price() kernel.Money {
	return kernel.Money{AmountMinor: p.PriceMinor, Currency: p.Currency}
}

// VendorAccess answers whether a viewer may manage a vendor's catalog; the
// vendor context implements it.
type VendorAccess interface {
	CanManage(ctx context.Context, viewer kernel.Viewer, vendorID string) error
}

// Service is the catalog use-case layer.
type Service struct {
	db     *bun.DB
	clock  kernel.Clock
	access VendorAccess
}

// NewService builds the service.
func NewService(db *bun.DB, clock kernel.Clock, access VendorAccess) *Service {
	return &Service{db: db, clock: clock, access: access}
}

// CreateInput is what productCreate takes.
type CreateInput struct {
	VendorID    string
	Title       string
	Description string
	Category    string
	Price       kernel.Money
	Stock       int
	SKU         string
	ImageURLs   []string
}

// NormalizeCategory lower-cases and trims a category name.
func NormalizeCategory(c string) string { return strings.ToLower(strings.TrimSpace(c)) }

func checkImages(v *kernel.Validator, urls []string) []string {
	field := kernel.Field("input", "imageUrls")
	if len(urls) > MaxImages {
		v.Add(kernel.CodeLimitExceeded, field, "at most %d images", MaxImages)
		return nil
	}
	out := make([]string, 0, len(urls))
	for i, u := range urls {
		out = append(out, kernel.CheckURL(v, kernel.Field("input", "imageUrls", fmt.Sprint(i)), u))
	}
	return out
}

func checkCategory(v *kernel.Validator, c string) string {
	c = kernel.CheckText(v, kernel.Field("input", "category"), NormalizeCategory(c), true, MaxCategoryLen)
	return c
}

var errSKUTaken = kernel.Fail(kernel.CodeAlreadyExists, kernel.Field("input", "sku"), "this vendor already has a product with this SKU")

// Create adds a product to a vendor's catalog.
func (s *Service) Create(ctx context.Context, viewer kernel.Viewer, in CreateInput) (*Product, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "vendorId"), in.VendorID)
	p := &Product{
		ID:          kernel.NewID(),
		VendorID:    in.VendorID,
		Title:       kernel.CheckText(&v, kernel.Field("input", "title"), in.Title, true, MaxTitleLen),
		Description: kernel.CheckText(&v, kernel.Field("input", "description"), in.Description, false, MaxDescriptionLen),
		Category:    checkCategory(&v, in.Category),
		PriceMinor:  in.Price.AmountMinor,
		Currency:    in.Price.Currency,
		Stock:       in.Stock,
		SKU:         kernel.CheckText(&v, kernel.Field("input", "sku"), in.SKU, true, MaxSKULen),
		ImageURLs:   checkImages(&v, in.ImageURLs),
		Status:      StatusActive,
	}
	kernel.CheckPrice(&v, kernel.Field("input", "price"), in.Price)
	v.Check(in.Stock >= 0 && in.Stock <= MaxStock, kernel.CodeInvalid, kernel.Field("input", "stock"), "must be between 0 and %d", MaxStock)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.access.CanManage(ctx, viewer, in.VendorID); err != nil {
		if errors.Is(err, kernel.ErrNotFound) {
			return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "vendorId"), "no such vendor")
		}
		return nil, err
	}
	p.SearchText = p.searchText()
	p.CreatedAt = s.clock.Now()
	p.UpdatedAt = p.CreatedAt
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		n, err := tx.NewSelect().Model((*Product)(nil)).Where("vendor_id = ?", p.VendorID).Where("sku = ?", p.SKU).Count(ctx)
		if err != nil {
			return fmt.Errorf("check sku: %w", err)
		}
		if n > 0 {
			return errSKUTaken
		}
		if _, err := tx.NewInsert().Model(p).Exec(ctx); err != nil {
			return fmt.Errorf("insert product: %w", err)
		}
		return nil
	})
	if kernel.IsUniqueViolation(err) {
		err = errSKUTaken
	}
	if err != nil {
		return nil, fmt.Errorf("catalog.Create: %w", err)
	}
	return p, nil
}

// UpdateInput is what productUpdate takes; nil fields stay as they are.
type UpdateInput struct {
	ID          string
	Title       *string
	Description *string
	Category    *string
	Price       *kernel.Money
	SKU         *string
	ImageURLs   []string
	SetImages   bool
}

// Update edits a product's details (not its vendor or stock).
func (s *Service) Update(ctx context.Context, viewer kernel.Viewer, in UpdateInput) (*Product, error) {
	p, err := s.loadForChange(ctx, viewer, in.ID)
	if err != nil {
		return nil, err
	}
	if p.Status == StatusArchived {
		return nil, errArchived
	}
	if _, err := in.apply(p); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		// The edit applies to the product as it is now, held until the
		// end: the search text is built from every field, so an edit of the
		// title beside an edit of the description must see the other's.
		if err := txlock.Row(ctx, tx, "products", in.ID); err != nil {
			return err
		}
		p = new(Product)
		if err := tx.NewSelect().Model(p).Where("id = ?", in.ID).Scan(ctx); err != nil {
			return err
		}
		if p.Status == StatusArchived {
			return errArchived
		}
		cols, err := in.apply(p)
		if err != nil {
			return err
		}
		p.UpdatedAt = now
		n, err := tx.NewSelect().Model((*Product)(nil)).
			Where("vendor_id = ?", p.VendorID).Where("sku = ?", p.SKU).Where("id <> ?", p.ID).Count(ctx)
		if err != nil {
			return fmt.Errorf("check sku: %w", err)
		}
		if n > 0 {
			return errSKUTaken
		}
		_, err = tx.NewUpdate().Model(p).Column(cols...).WherePK().Exec(ctx)
		if err != nil {
			return fmt.Errorf("update product: %w", err)
		}
		return reindex(ctx, tx, p.ID, p.UpdatedAt)
	})
	if kernel.IsUniqueViolation(err) {
		err = errSKUTaken
	}
	if err != nil {
		return nil, fmt.Errorf("catalog.Update: %w", err)
	}
	return p, nil
}

var errArchived = kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "id"), "an archived product cannot be edited")

// apply validates the given fields and sets them on p, with the search
// text they change; it returns the columns to write (only the given ones,
// so that concurrent edits of different fields do not undo each other).
func (in UpdateInput) apply(p *Product) ([]string, error) {
	var v kernel.Validator
	cols := []string{"updated_at"}
	if in.Title != nil {
		p.Title = kernel.CheckText(&v, kernel.Field("input", "title"), *in.Title, true, MaxTitleLen)
		cols = append(cols, "title")
	}
	if in.Description != nil {
		p.Description = kernel.CheckText(&v, kernel.Field("input", "description"), *in.Description, false, MaxDescriptionLen)
		cols = append(cols, "description")
	}
	if in.Category != nil {
		p.Category = checkCategory(&v, *in.Category)
		cols = append(cols, "category")
	}
	if in.Price != nil {
		kernel.CheckPrice(&v, kernel.Field("input", "price"), *in.Price)
		p.PriceMinor, p.Currency = in.Price.AmountMinor, in.Price.Currency
		cols = append(cols, "price_minor", "currency")
	}
	if in.SKU != nil {
		p.SKU = kernel.CheckText(&v, kernel.Field("input", "sku"), *in.SKU, true, MaxSKULen)
		cols = append(cols, "sku")
	}
	if in.SetImages {
		p.ImageURLs = checkImages(&v, in.ImageURLs)
		cols = append(cols, "image_urls")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if in.Title != nil || in.Description != nil || in.SKU != nil {
		p.SearchText = p.searchText()
		cols = append(cols, "search_text")
	}
	return cols, nil
}

// AdjustStock adds delta (which may be negative) to a product's stock in one
// conditional statement; stock never goes below zero.
func (s *Service) AdjustStock(ctx context.Context, viewer kernel.Viewer, id string, delta int) (*Product, error) {
	p, err := s.loadForChange(ctx, viewer, id)
	if err != nil {
		return nil, err
	}
	field := kernel.Field("input", "delta")
	if delta == 0 {
		return nil, kernel.Fail(kernel.CodeInvalid, field, "must not be zero")
	}
	if delta > MaxStock || delta < -MaxStock {
		return nil, kernel.Fail(kernel.CodeInvalid, field, "must be between -%d and %d", MaxStock, MaxStock)
	}
	var stock []int
	now := s.clock.Now()
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		_, err := tx.NewUpdate().Model((*Product)(nil)).
			Set("stock = stock + ?", delta).
			Set("updated_at = ?", now).
			Where("id = ?", p.ID).
			Where("stock + ? >= 0", delta).
			Where("stock + ? <= ?", delta, MaxStock).
			Returning("stock").
			Exec(ctx, &stock)
		if err != nil || len(stock) == 0 {
			return err
		}
		return reindex(ctx, tx, p.ID, now)
	})
	if err != nil {
		return nil, fmt.Errorf("catalog.AdjustStock: %w", err)
	}
	if len(stock) == 0 {
		cur, err := s.Get(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		if delta < 0 {
			return nil, kernel.Fail(kernel.CodeInvalid, field, "stock cannot go below zero (%d in stock)", cur.Stock)
		}
		return nil, kernel.Fail(kernel.CodeInvalid, field, "stock cannot exceed %d (%d in stock)", MaxStock, cur.Stock)
	}
	p.Stock, p.UpdatedAt = stock[0], now
	return p, nil
}

// Archive withdraws a product from sale; archiving twice is a no-op.
func (s *Service) Archive(ctx context.Context, viewer kernel.Viewer, id string) (*Product, error) {
	p, err := s.loadForChange(ctx, viewer, id)
	if err != nil {
		return nil, err
	}
	if p.Status == StatusArchived {
		return p, nil
	}
	p.Status, p.UpdatedAt = StatusArchived, s.clock.Now()
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewUpdate().Model(p).Column("status", "updated_at").WherePK().Exec(ctx); err != nil {
			return err
		}
		return reindex(ctx, tx, p.ID, p.UpdatedAt)
	})
	if err != nil {
		return nil, fmt.Errorf("catalog.Archive: %w", err)
	}
	return p, nil
}

// loadForChange validates the id, loads the product and checks the viewer may
// manage its vendor.
func (s *Service) loadForChange(ctx context.Context, viewer kernel.Viewer, id string) (*Product, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "id"), id)
	if err := v.Err(); err != nil {
		return nil, err
	}
	p, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "id"), "no such product")
	}
	if err := s.access.CanManage(ctx, viewer, p.VendorID); err != nil {
		return nil, err
	}
	return p, nil
}

// Get returns a product by id, or nil.
func (s *Service) Get(ctx context.Context, id string) (*Product, error) {
	p := new(Product)
	err := s.db.NewSelect().Model(p).Where("id = ?", id).Limit(1).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("catalog.Get: %w", err)
	}
	return p, nil
}

// ByIDs loads products by id in one statement.
func ByIDs(ctx context.Context, db bun.IDB, ids []string) (map[string]*Product, error) {
	var ps []*Product
	if len(ids) > 0 {
		if err := db.NewSelect().Model(&ps).Where("id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("catalog.ByIDs: %w", err)
		}
	}
	m := make(map[string]*Product, len(ps))
	for _, p := range ps {
		m[p.ID] = p
	}
	return m, nil
}

// Filter narrows product listings. Listings show ACTIVE products only.
type Filter struct {
	VendorID string
	Category string
	Query    string
}

// List pages through active products, newest first.
func (s *Service) List(ctx context.Context, f Filter, page kernel.PageRequest) (*kernel.Page[*Product], error) {
	var v kernel.Validator
	if f.VendorID != "" {
		kernel.CheckID(&v, kernel.Field("filter", "vendorId"), f.VendorID)
	}
	f.Query = kernel.CheckText(&v, kernel.Field("filter", "query"), f.Query, false, MaxQueryLen)
	f.Category = NormalizeCategory(f.Category)
	if err := v.Err(); err != nil {
		return nil, err
	}
	where := func(q *bun.SelectQuery) *bun.SelectQuery {
		q = q.Where("p.status = ?", StatusActive)
		if f.VendorID != "" {
			q = q.Where("p.vendor_id = ?", f.VendorID)
		}
		if f.Category != "" {
			q = q.Where("p.category = ?", f.Category)
		}
		if f.Query != "" {
			pat := "%" + escapeLike(strings.ToLower(f.Query)) + "%"
			q = q.Where(`p.search_text LIKE ? ESCAPE '\'`, pat)
		}
		return q
	}
	p, err := paging.List[*Product](ctx, s.db, where, "p", page)
	if err != nil {
		return nil, fmt.Errorf("catalog.List: %w", err)
	}
	return p, nil
}

// likeEscaper escapes LIKE's wildcards (built once: a Replacer builds its
// tables on first use).
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func escapeLike(s string) string { return likeEscaper.Replace(s) }
