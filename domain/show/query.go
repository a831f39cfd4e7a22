package show

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/kernel"
)

// Filter narrows the shows list. With no statuses it lists upcoming and live
// shows (SCHEDULED, LIVE); drafts are listed only to their host.
type Filter struct {
	Statuses     []string
	From, To     *time.Time // scheduled start within [From, To)
	InfluencerID string
	VendorID     string
	Category     string
}

// List pages through shows by scheduled start (soonest first).
func (s *Service) List(ctx context.Context, viewer kernel.Viewer, f Filter, page kernel.PageRequest) (*kernel.Page[*Show], error) {
	var v kernel.Validator
	if f.InfluencerID != "" {
		kernel.CheckID(&v, kernel.Field("filter", "influencerId"), f.InfluencerID)
	}
	if f.VendorID != "" {
		kernel.CheckID(&v, kernel.Field("filter", "vendorId"), f.VendorID)
	}
	if f.From != nil && f.To != nil {
		v.Check(f.To.After(*f.From), kernel.CodeInvalid, kernel.Field("filter", "to"), "must be after from")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	statuses := f.Statuses
	if len(statuses) == 0 {
		statuses = []string{StatusScheduled, StatusLive}
	}
	where := func(q *bun.SelectQuery) *bun.SelectQuery {
		q = q.WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
			// The public statuses in one order whatever the filter's: the
			// default's (SCHEDULED, LIVE) is then written as the partial
			// index of listed shows names it, which SQLite needs to use it.
			var public []string
			for _, st := range []string{StatusScheduled, StatusLive, StatusEnded, StatusCancelled} {
				if slices.Contains(statuses, st) {
					public = append(public, st)
				}
			}
			drafts := slices.Contains(statuses, StatusDraft)
			if len(public) > 0 {
				q = q.WhereOr("sh.status IN (?)", bun.List(public))
			}
			if drafts && viewer.IsAdmin {
				q = q.WhereOr("sh.status = ?", StatusDraft)
			} else if drafts && viewer.SignedIn() {
				q = q.WhereOr("sh.status = ? AND sh.host_id IN (SELECT id FROM influencers WHERE user_id = ?)", StatusDraft, viewer.UserID)
			}
			if len(public) == 0 && !(drafts && viewer.SignedIn()) {
				q = q.Where("1 = 0")
			}
			return q
		})
		if f.From != nil {
			q = q.Where("sh.scheduled_start >= ?", f.From.UTC())
		}
		if f.To != nil {
			q = q.Where("sh.scheduled_start < ?", f.To.UTC())
		}
		if f.InfluencerID != "" {
			q = q.Where("sh.host_id = ?", f.InfluencerID)
		}
		if f.VendorID != "" {
			q = q.Where("sh.id IN (SELECT show_id FROM show_products WHERE vendor_id = ?)", f.VendorID)
		}
		if f.Category != "" {
			q = q.Where("sh.category = ?", catalog.NormalizeCategory(f.Category))
		}
		return q
	}
	out := &kernel.Page[*Show]{}
	if !page.SkipCount {
		total, err := where(s.db.NewSelect().Model((*Show)(nil))).Count(ctx)
		if err != nil {
			return nil, fmt.Errorf("show.List: %w", err)
		}
		out.TotalCount = int(total)
	}
	if page.First == 0 {
		return out, nil
	}
	var items []*Show
	q := where(s.db.NewSelect().Model(&items)).OrderExpr("sh.scheduled_start ASC, sh.id ASC").Limit(int64(page.First + 1))
	if page.After != "" {
		// The cursor names the last show seen; continue after its (start,
		// id), compared as one row value: the index's range starts there
		// (an OR of the two comparisons is a filter on every row before it).
		q = q.Where("(sh.scheduled_start, sh.id) > (SELECT scheduled_start, id FROM shows WHERE id = ?)", page.After)
	}
	if err := q.Scan(ctx); err != nil {
		return nil, fmt.Errorf("show.List: %w", err)
	}
	out.Items, out.HasNextPage = kernel.Trim(items, page.First)
	return out, nil
}

// RemindMe records that the viewer wants to hear when a SCHEDULED show
// starts; asking twice is a no-op.
func (s *Service) RemindMe(ctx context.Context, viewer kernel.Viewer, id string) (*Show, error) {
	sh, err := s.remindable(ctx, viewer, id)
	if err != nil {
		return nil, err
	}
	_, err = s.db.NewInsert().Model(&Reminder{ShowID: sh.ID, UserID: viewer.UserID, CreatedAt: s.clock.Now()}).
		On("CONFLICT (show_id, user_id) DO NOTHING").Exec(ctx)
	if err != nil {
		return nil, fmt.Errorf("show.RemindMe: %w", err)
	}
	return sh, nil
}

// CancelReminder removes the viewer's reminder; removing none is a no-op.
func (s *Service) CancelReminder(ctx context.Context, viewer kernel.Viewer, id string) (*Show, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	sh, err := s.visible(ctx, viewer, id)
	if err != nil {
		return nil, err
	}
	if _, err := s.db.NewDelete().Model((*Reminder)(nil)).Where("show_id = ?", sh.ID).Where("user_id = ?", viewer.UserID).Exec(ctx); err != nil {
		return nil, fmt.Errorf("show.CancelReminder: %w", err)
	}
	return sh, nil
}

func (s *Service) remindable(ctx context.Context, viewer kernel.Viewer, id string) (*Show, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	sh, err := s.visible(ctx, viewer, id)
	if err != nil {
		return nil, err
	}
	if sh.Status != StatusScheduled {
		return nil, kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "id"), "reminders are for scheduled shows (this one is %s)", sh.Status)
	}
	return sh, nil
}

func (s *Service) visible(ctx context.Context, viewer kernel.Viewer, id string) (*Show, error) {
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "id"), id)
	if err := v.Err(); err != nil {
		return nil, err
	}
	sh, err := s.Get(ctx, viewer, id)
	if err != nil {
		return nil, err
	}
	if sh == nil {
		return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "id"), "no such show")
	}
	return sh, nil
}

// ByIDs loads shows by id in one statement (visibility is the caller's).
func ByIDs(ctx context.Context, db bun.IDB, ids []string) (map[string]*Show, error) {
	var ss []*Show
	if len(ids) > 0 {
		if err := db.NewSelect().Model(&ss).Where("sh.id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("show.ByIDs: %w", err)
		}
	}
	m := make(map[string]*Show, len(ss))
	for _, sh := range ss {
		m[sh.ID] = sh
	}
	return m, nil
}

// FeaturedOf returns each show's featured products in order (one statement).
func FeaturedOf(ctx context.Context, db bun.IDB, showIDs []string) (map[string][]*Featured, error) {
	var rows []*Featured
	m := make(map[string][]*Featured, len(showIDs))
	if len(showIDs) == 0 {
		return m, nil
	}
	if err := db.NewSelect().Model(&rows).Where("sp.show_id IN (?)", bun.List(showIDs)).OrderExpr("sp.show_id, sp.position").Scan(ctx); err != nil {
		return nil, fmt.Errorf("show.FeaturedOf: %w", err)
	}
	for _, r := range rows {
		m[r.ShowID] = append(m[r.ShowID], r)
	}
	return m, nil
}

// ReminderCounts counts reminders per show (one statement).
func ReminderCounts(ctx context.Context, db bun.IDB, showIDs []string) (map[string]int, error) {
	var rows []struct {
		ShowID string `bun:"show_id"`
		N      int    `bun:"n"`
	}
	m := make(map[string]int, len(showIDs))
	if len(showIDs) == 0 {
		return m, nil
	}
	if err := db.NewSelect().Model((*Reminder)(nil)).Column("show_id").ColumnExpr("COUNT(*) AS n").
		Where("show_id IN (?)", bun.List(showIDs)).Group("show_id").Scan(ctx, &rows); err != nil {
		return nil, fmt.Errorf("show.ReminderCounts: %w", err)
	}
	for _, r := range rows {
		m[r.ShowID] = r.N
	}
	return m, nil
}

// RemindedBy returns which of showIDs userID asked to be reminded of.
func RemindedBy(ctx context.Context, db bun.IDB, userID string, showIDs []string) (map[string]bool, error) {
	m := make(map[string]bool, len(showIDs))
	if userID == "" || len(showIDs) == 0 {
		return m, nil
	}
	var ids []string
	if err := db.NewSelect().Model((*Reminder)(nil)).Column("show_id").Where("user_id = ?", userID).
		Where("show_id IN (?)", bun.List(showIDs)).Scan(ctx, &ids); err != nil {
		return nil, fmt.Errorf("show.RemindedBy: %w", err)
	}
	for _, id := range ids {
		m[id] = true
	}
	return m, nil
}

// UpcomingFeaturing returns, per product, the SCHEDULED or LIVE shows that
// feature it, soonest first (one statement).
func UpcomingFeaturing(ctx context.Context, db bun.IDB, productIDs []string) (map[string][]*Show, error) {
	m := make(map[string][]*Show, len(productIDs))
	if len(productIDs) == 0 {
		return m, nil
	}
	var rows []struct {
		Show
		ProductID string `bun:"product_id"`
	}
	err := db.NewSelect().Model((*Show)(nil)).ColumnExpr("sh.*").ColumnExpr("sp.product_id").
		Join("JOIN show_products AS sp ON sp.show_id = sh.id").
		Where("sp.product_id IN (?)", bun.List(productIDs)).Where("sh.status IN (?)", bun.List([]string{StatusScheduled, StatusLive})).
		OrderExpr("sh.scheduled_start, sh.id").Scan(ctx, &rows)
	if err != nil {
		return nil, fmt.Errorf("show.UpcomingFeaturing: %w", err)
	}
	for i := range rows {
		sh := rows[i].Show
		m[rows[i].ProductID] = append(m[rows[i].ProductID], &sh)
	}
	return m, nil
}
