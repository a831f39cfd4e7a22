package order

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/show"
)

// Report groupings.
const (
	GroupShow       = "SHOW"
	GroupInfluencer = "INFLUENCER"
	GroupProduct    = "PRODUCT"
	GroupDay        = "DAY"
)

// MaxReportRange bounds a report's period.
const MaxReportRange = 366 * 24 * time.Hour

// SalesRow is one group of paid order lines: what they sold, how the money
// splits (the same split as the ledger) and what was refunded since.
type SalesRow struct {
	Key, Label  string
	Currency    string
	Orders      int
	Units       int
	Gross       int64
	Commission  int64
	PlatformFee int64
	VendorNet   int64
	Refunded    int64
}

func checkRange(from, to time.Time) error {
	var v kernel.Validator
	v.Check(to.After(from), kernel.CodeInvalid, kernel.Field("to"), "to must be after from")
	v.Check(to.Sub(from) <= MaxReportRange, kernel.CodeLimitExceeded, kernel.Field("to"), "a report covers at most 366 days")
	return v.Err()
}

// VendorReport sums vendorID's paid sales in [from, to) by groupBy (its
// staff and admins only).
func (s *Service) VendorReport(ctx context.Context, viewer kernel.Viewer, vendorID string, from, to time.Time, groupBy string) ([]*SalesRow, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("vendorId"), vendorID)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := checkRange(from, to); err != nil {
		return nil, err
	}
	if err := vendorStaff(ctx, s.db, viewer, vendorID); err != nil {
		return nil, err
	}
	return s.report(ctx, from, to, groupBy, func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("ol.vendor_id = ?", vendorID) })
}

// Earnings sums the viewer's attributed sales as an influencer in
// [from, to), by show.
func (s *Service) Earnings(ctx context.Context, viewer kernel.Viewer, from, to time.Time) ([]*SalesRow, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	if err := checkRange(from, to); err != nil {
		return nil, err
	}
	infs, err := influencer.ByUserIDs(ctx, s.db, []string{viewer.UserID})
	if err != nil {
		return nil, fmt.Errorf("order.Earnings: %w", err)
	}
	inf := infs[viewer.UserID]
	if inf == nil {
		return []*SalesRow{}, nil
	}
	return s.report(ctx, from, to, GroupShow, func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("ol.influencer_id = ?", inf.ID) })
}

// report sums the paid order lines that where selects, paid in [from,
// to), by groupBy and currency, in the database: a report's memory and
// transfer are its groups, however many lines a vendor sold in a year. The
// lines are found by when they were paid, through the indexes on
// (vendor_id, paid_at) and (influencer_id, paid_at), without reading their
// orders: a line has a paid_at exactly when its order was paid (PAID, or
// refunded since: the transaction that marks an order PAID writes it, and
// nothing takes it back) and carries its order's currency, so a report's
// cost follows the lines it sums, not the marketplace's orders. Each
// line's commission and platform fee are floor(total × bps / 10,000), as
// ledger.Split takes them, so the sums are the ledger's to the minor unit
// (line totals are at most 10^14, their products with a rate below 2^63).
func (s *Service) report(ctx context.Context, from, to time.Time, groupBy string, where func(*bun.SelectQuery) *bun.SelectQuery) ([]*SalesRow, error) {
	key := map[string]string{
		GroupShow:       "COALESCE(ol.show_id, '')",
		GroupInfluencer: "COALESCE(ol.influencer_id, '')",
		GroupProduct:    "ol.product_id",
		GroupDay:        "strftime('%Y-%m-%d', ol.paid_at)",
	}[groupBy]
	if key == "" {
		return nil, kernel.Fail(kernel.CodeInvalid, kernel.Field("groupBy"), "unknown grouping %q", groupBy)
	}
	if groupBy == GroupDay && s.db.Dialect().Name() == dialect.PG {
		key = "to_char(ol.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
	}
	rows := []*SalesRow{}
	q := s.db.NewSelect().TableExpr("order_lines AS ol").
		ColumnExpr(key+" AS key").ColumnExpr("ol.currency").
		ColumnExpr("COUNT(DISTINCT ol.order_id) AS orders").
		ColumnExpr("CAST(SUM(ol.quantity) AS BIGINT) AS units").
		ColumnExpr("CAST(SUM(ol.total_minor) AS BIGINT) AS gross").
		ColumnExpr("CAST(SUM(CASE WHEN COALESCE(ol.influencer_id, '') = '' THEN 0 ELSE ol.total_minor * ol.commission_bps / ? END) AS BIGINT) AS commission", ledger.BasisPoints).
		ColumnExpr("CAST(SUM(ol.total_minor * ol.platform_fee_bps / ?) AS BIGINT) AS platform_fee", ledger.BasisPoints).
		ColumnExpr("CAST(SUM(ol.unit_price_minor * ol.refunded_quantity) AS BIGINT) AS refunded").
		Where("ol.paid_at >= ?", from).Where("ol.paid_at < ?", to).
		GroupExpr("1, 2")
	if err := where(q).Scan(ctx, &rows); err != nil {
		return nil, fmt.Errorf("order: report: %w", err)
	}
	ids := make([]string, 0, len(rows))
	for _, r := range rows {
		r.VendorNet = r.Gross - r.Commission - r.PlatformFee
		if r.Key != "" {
			ids = append(ids, r.Key)
		}
	}
	if err := s.label(ctx, rows, ids, groupBy); err != nil {
		return nil, err
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Gross != rows[j].Gross {
			return rows[i].Gross > rows[j].Gross
		}
		return rows[i].Key+rows[i].Currency < rows[j].Key+rows[j].Currency
	})
	return rows, nil
}

func (s *Service) label(ctx context.Context, rows []*SalesRow, ids []string, groupBy string) error {
	names := map[string]string{}
	switch groupBy {
	case GroupShow:
		shows, err := show.ByIDs(ctx, s.db, ids)
		if err != nil {
			return err
		}
		for id, sh := range shows {
			names[id] = sh.Title
		}
	case GroupInfluencer:
		infs, err := influencer.ByIDs(ctx, s.db, ids)
		if err != nil {
			return err
		}
		for id, in := range infs {
			names[id] = in.DisplayName
		}
	case GroupProduct:
		ps, err := catalog.ByIDs(ctx, s.db, ids)
		if err != nil {
			return err
		}
		for id, p := range ps {
			names[id] = p.Title
		}
	}
	for _, r := range rows {
		switch {
		case groupBy == GroupDay:
			r.Label = r.Key
		case r.Key == "":
			r.Label = "Not attributed"
		default:
			r.Label = names[r.Key]
		}
	}
	return nil
}
