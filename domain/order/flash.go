package order

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/domain/showevents"
	"github.com/livemarket/livemarket/domain/txlock"
)

// Flash sale bounds.
const (
	MaxFlashSaleDuration = 2 * time.Hour
	MinFlashSaleDuration = 10 * time.Second
)

// FlashSaleInput starts a flash sale.
type FlashSaleInput struct {
	ShowID, ProductID string
	Price             kernel.Money
	Quantity          int
	PerBuyerLimit     int
	Duration          time.Duration
}

// StartFlashSale puts a limited-time price on a featured product of the
// host's LIVE show: at most Quantity units (within the product's stock), at
// most PerBuyerLimit per shopper. One sale per product at a time, across
// shows: while one runs in any LIVE show, a second is CONFLICT in the same
// show and INVALID_STATE in another (two hosts may feature one product).
func (s *Service) StartFlashSale(ctx context.Context, viewer kernel.Viewer, in FlashSaleInput) (*FlashSale, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "showId"), in.ShowID)
	kernel.CheckID(&v, kernel.Field("input", "productId"), in.ProductID)
	kernel.CheckPrice(&v, kernel.Field("input", "price"), in.Price)
	v.Check(in.Quantity >= 1 && in.Quantity <= 100000, kernel.CodeInvalid, kernel.Field("input", "quantity"), "quantity must be between 1 and 100000")
	v.Check(in.PerBuyerLimit >= 1 && in.PerBuyerLimit <= MaxLineQuantity, kernel.CodeInvalid, kernel.Field("input", "perBuyerLimit"),
		"the per-buyer limit must be between 1 and %d", MaxLineQuantity)
	v.Check(in.Duration >= MinFlashSaleDuration && in.Duration <= MaxFlashSaleDuration, kernel.CodeInvalid, kernel.Field("input", "durationSeconds"),
		"a flash sale lasts between %s and %s", MinFlashSaleDuration, MaxFlashSaleDuration)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	fs := &FlashSale{ID: kernel.NewID(), ShowID: in.ShowID, ProductID: in.ProductID, PriceMinor: in.Price.AmountMinor,
		Currency: in.Price.Currency, Quantity: in.Quantity, Remaining: in.Quantity, PerBuyerLimit: in.PerBuyerLimit,
		StartsAt: now, EndsAt: now.Add(in.Duration)}
	var ev *showevents.Event
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		sh, err := hostedLiveShow(ctx, tx, viewer, in.ShowID)
		if err != nil {
			return err
		}
		p, err := activeProduct(ctx, tx, in.ProductID, kernel.Field("input", "productId"))
		if err != nil {
			return err
		}
		if err := liveShowFeaturing(ctx, tx, sh.ID, p.ID); err != nil {
			// Only its refusals mean "not featured"; a failed read (the
			// database, a cancelled request) is no fault of the input.
			if _, refused := kernel.AsFieldErrors(err); !refused {
				return fmt.Errorf("featuring: %w", err)
			}
			return kernel.Fail(kernel.CodeInvalid, kernel.Field("input", "productId"), "the show does not feature this product")
		}
		if in.Price.Currency != p.Currency {
			return kernel.Fail(kernel.CodeInvalid, kernel.Field("input", "price", "currency"), "the product is priced in %s", p.Currency)
		}
		if in.Price.AmountMinor >= p.PriceMinor {
			return kernel.Fail(kernel.CodeInvalid, kernel.Field("input", "price"), "a flash sale price must be below the product's price")
		}
		if in.Quantity > p.Stock {
			return kernel.Fail(kernel.CodeOutOfStock, kernel.Field("input", "quantity"), "only %d in stock", p.Stock)
		}
		// One flash sale per product at a time, across shows: starts in any
		// show serialize on the product.
		if err := txlock.Row(ctx, tx, "products", p.ID); err != nil {
			return err
		}
		running, err := runningFlashSale(ctx, tx, p.ID, now)
		if err != nil {
			return err
		}
		switch {
		case running == nil:
		case running.ShowID == sh.ID:
			return kernel.Fail(kernel.CodeConflict, kernel.Field("input", "productId"), "a flash sale is already running on this product")
		default:
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "productId"),
				"a flash sale on this product is already running in another show")
		}
		if _, err := tx.NewInsert().Model(fs).Exec(ctx); err != nil {
			return err
		}
		ev = &showevents.Event{ShowID: sh.ID, At: now, Kind: showevents.FlashSaleStarted, ProductID: p.ID, FlashSale: snapshot(fs, p)}
		return showevents.Record(ctx, tx, ev)
	})
	if err != nil {
		return nil, wrap("order.StartFlashSale", err)
	}
	s.publish(ctx, ev)
	return fs, nil
}

// EndFlashSale ends the running flash sale on a product of the host's show.
func (s *Service) EndFlashSale(ctx context.Context, viewer kernel.Viewer, showID, productID string) error {
	if err := viewer.RequireUser(); err != nil {
		return err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "showId"), showID)
	kernel.CheckID(&v, kernel.Field("input", "productId"), productID)
	if err := v.Err(); err != nil {
		return err
	}
	now := s.clock.Now()
	var ev *showevents.Event
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		sh, err := hostedLiveShow(ctx, tx, viewer, showID)
		if err != nil {
			return err
		}
		res, err := tx.NewUpdate().Model((*FlashSale)(nil)).Set("ended_at = ?", now).
			Where("show_id = ?", sh.ID).Where("product_id = ?", productID).Where("ended_at IS NULL").Where("ends_at > ?", now).Exec(ctx)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "productId"), "no flash sale is running on this product")
		}
		ev = &showevents.Event{ShowID: sh.ID, At: now, Kind: showevents.FlashSaleEnded, ProductID: productID}
		return showevents.Record(ctx, tx, ev)
	})
	if err != nil {
		return wrap("order.EndFlashSale", err)
	}
	s.publish(ctx, ev)
	return nil
}

// FlashSales returns the running flash sales of shows, by show and product:
// none for a show that is not LIVE (see runningFlashSales).
func FlashSales(ctx context.Context, db bun.IDB, now time.Time, showIDs []string) (map[string]map[string]*showevents.FlashSale, error) {
	out := map[string]map[string]*showevents.FlashSale{}
	if len(showIDs) == 0 {
		return out, nil
	}
	var sales []*FlashSale
	if err := runningFlashSales(db, &sales, now).Where("fs.show_id IN (?)", bun.In(showIDs)).Scan(ctx); err != nil {
		return nil, fmt.Errorf("order.FlashSales: %w", err)
	}
	var pids []string
	for _, f := range sales {
		pids = append(pids, f.ProductID)
	}
	products, err := catalog.ByIDs(ctx, db, pids)
	if err != nil {
		return nil, fmt.Errorf("order.FlashSales: %w", err)
	}
	for _, f := range sales {
		if out[f.ShowID] == nil {
			out[f.ShowID] = map[string]*showevents.FlashSale{}
		}
		out[f.ShowID][f.ProductID] = snapshot(f, products[f.ProductID])
	}
	return out, nil
}

func snapshot(f *FlashSale, p *catalog.Product) *showevents.FlashSale {
	return &showevents.FlashSale{Product: p, Price: kernel.Money{AmountMinor: f.PriceMinor, Currency: f.Currency},
		Quantity: f.Quantity, Remaining: f.Remaining, PerBuyerLimit: f.PerBuyerLimit, EndsAt: f.EndsAt}
}

// hostedLiveShow loads showID for its host; the show must be LIVE.
func hostedLiveShow(ctx context.Context, db bun.IDB, viewer kernel.Viewer, showID string) (*show.Show, error) {
	field := kernel.Field("input", "showId")
	shows, err := show.ByIDs(ctx, db, []string{showID})
	if err != nil {
		return nil, err
	}
	sh := shows[showID]
	infs, err := influencer.ByUserIDs(ctx, db, []string{viewer.UserID})
	if err != nil {
		return nil, err
	}
	isHost := sh != nil && infs[viewer.UserID] != nil && infs[viewer.UserID].ID == sh.HostID
	if sh == nil || (!sh.Public() && !isHost && !viewer.IsAdmin) {
		return nil, kernel.Fail(kernel.CodeNotFound, field, "no such show")
	}
	if !isHost {
		return nil, kernel.ErrForbidden
	}
	if sh.Status != show.StatusLive {
		return nil, kernel.Fail(kernel.CodeInvalidState, field, "the show is not live (it is %s)", sh.Status)
	}
	return sh, nil
}

func (s *Service) publish(ctx context.Context, evs ...*showevents.Event) {
	if s.opt.Events == nil {
		return
	}
	for _, ev := range evs {
		if ev != nil {
			_ = s.opt.Events.Publish(ctx, ev)
		}
	}
}

// runningFlashSales selects into model the flash sales running at now: not
// ended by the host, within their time, and in a show that is LIVE. A sale
// runs only while its show is LIVE: checkout honours a flash price only
// for a line bought in its LIVE show (creditsQuery), so a sale whose show
// has ended is over, though its row keeps ended_at NULL — ending a show
// (show.Service.End, a finished room) happens in domain/show, which must
// not import order nor write its table; every read of running sales goes
// through here instead.
func runningFlashSales(db bun.IDB, model any, now time.Time) *bun.SelectQuery {
	return db.NewSelect().Model(model).Join("JOIN shows AS sh ON sh.id = fs.show_id").Where("sh.status = ?", show.StatusLive).
		Where("fs.ended_at IS NULL").Where("fs.starts_at <= ?", now).Where("fs.ends_at > ?", now)
}

// runningFlashSale is the flash sale running on a product at now, in
// whichever LIVE show, or nil.
func runningFlashSale(ctx context.Context, db bun.IDB, productID string, now time.Time) (*FlashSale, error) {
	fs := &FlashSale{}
	err := runningFlashSales(db, fs, now).Where("fs.product_id = ?", productID).
		OrderExpr("fs.starts_at DESC, fs.id DESC").Limit(1).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("order: flash sale: %w", err)
	}
	return fs, nil
}

// stockReturned tells the LIVE shows featuring the products that their
// stock went back up (a declined or expired reservation, a refund with
// restock): one StockChanged per product and show, with the stock read
// after the show's sequence is taken. The change itself is already
// committed; a lost event is logged.
func (s *Service) stockReturned(ctx context.Context, units map[string]int) {
	if len(units) == 0 {
		return
	}
	productIDs := make([]string, 0, len(units))
	for id := range units {
		productIDs = append(productIDs, id)
	}
	sort.Strings(productIDs)
	now := s.clock.Now()
	var recorded []*showevents.Event
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		recorded = nil
		set := map[string]bool{}
		for _, id := range productIDs {
			set[id] = true
		}
		featuring, err := liveShowsFeaturing(ctx, tx, set)
		if err != nil {
			return err
		}
		byShow := map[string][]*showevents.Event{}
		var shows []string
		for showID, products := range featuring {
			shows = append(shows, showID)
			for _, productID := range products {
				byShow[showID] = append(byShow[showID], &showevents.Event{At: now, Kind: showevents.StockChanged, ProductID: productID})
			}
		}
		sort.Strings(shows)
		for _, showID := range shows { // in id order: no deadlocks between concurrent recorders
			evs := byShow[showID]
			live, err := showevents.RecordWhileLive(ctx, tx, showID, evs, func() error { return fillStock(ctx, tx, evs) })
			if err != nil {
				return err
			}
			if live {
				recorded = append(recorded, evs...)
			}
		}
		return nil
	})
	if err != nil {
		s.opt.Logger.WarnContext(ctx, "order: record returned stock", "err", err)
		return
	}
	s.publish(ctx, recorded...)
}

// fillStock sets each StockChanged event's stock to its product's current
// stock.
func fillStock(ctx context.Context, tx bun.IDB, evs []*showevents.Event) error {
	var ids []string
	for _, ev := range evs {
		if ev.Kind == showevents.StockChanged {
			ids = append(ids, ev.ProductID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var stocks []struct {
		ID    string `bun:"id"`
		Stock int    `bun:"stock"`
	}
	if err := tx.NewSelect().Table("products").Column("id", "stock").Where("id IN (?)", bun.In(ids)).Scan(ctx, &stocks); err != nil {
		return err
	}
	for _, st := range stocks {
		for _, ev := range evs {
			if ev.Kind == showevents.StockChanged && ev.ProductID == st.ID {
				left := st.Stock
				ev.Stock = &left
			}
		}
	}
	return nil
}

// liveShowsFeaturing maps each LIVE show featuring some of the products to
// those products (in id order).
func liveShowsFeaturing(ctx context.Context, tx bun.IDB, products map[string]bool) (map[string][]string, error) {
	out := map[string][]string{}
	if len(products) == 0 {
		return out, nil
	}
	ids := make([]string, 0, len(products))
	for id := range products {
		ids = append(ids, id)
	}
	var featured []struct {
		ShowID    string `bun:"show_id"`
		ProductID string `bun:"product_id"`
	}
	if err := tx.NewSelect().TableExpr("show_products AS sp").Column("sp.show_id", "sp.product_id").
		Join("JOIN shows AS sh ON sh.id = sp.show_id").Where("sh.status = ?", show.StatusLive).
		Where("sp.product_id IN (?)", bun.In(ids)).OrderExpr("sp.show_id, sp.product_id").Scan(ctx, &featured); err != nil {
		return nil, fmt.Errorf("order: live shows featuring: %w", err)
	}
	for _, f := range featured {
		out[f.ShowID] = append(out[f.ShowID], f.ProductID)
	}
	return out, nil
}
