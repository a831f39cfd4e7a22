package show

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/outbox"
	"github.com/livemarket/livemarket/domain/showevents"
	"github.com/livemarket/livemarket/domain/txlock"
)

// Input limits.
const (
	MaxTitleLen       = 200
	MaxDescriptionLen = 5000
	MaxProducts       = 50
	MaxDuration       = 12 * time.Hour
)

// Service is the shows use-case layer.
type Service struct {
	db     *bun.DB
	clock  kernel.Clock
	rooms  Rooms
	notify Notifier
	events showevents.Bus
	lead   time.Duration
	log    *slog.Logger
}

// Options wire the service's collaborators; Rooms and Notifier may be nil.
type Options struct {
	Rooms    Rooms
	Notifier Notifier
	// Events delivers live show events (status, viewer count); may be nil.
	Events showevents.Bus
	// ReminderLead is how long before the start reminders go out (default 15 minutes).
	ReminderLead time.Duration
	Logger       *slog.Logger
}

// NewService builds the service.
func NewService(db *bun.DB, clock kernel.Clock, opt Options) *Service {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	if opt.ReminderLead <= 0 {
		opt.ReminderLead = DefaultReminderLead
	}
	return &Service{db: db, clock: clock, rooms: opt.Rooms, notify: opt.Notifier, events: opt.Events, lead: opt.ReminderLead, log: opt.Logger}
}

// Now is the service clock's time.
func (s *Service) Now() time.Time { return s.clock.Now() }

// Details are a show's editable descriptive fields.
type Details struct {
	Title       string
	Description string
	Category    string
	CoverURL    *string
}

// CreateInput is what showCreate takes.
type CreateInput struct {
	Details
	ScheduledStart, ScheduledEnd time.Time
	ProductIDs                   []string
}

var errNoProfile = kernel.Fail(kernel.CodeForbidden, nil, "create an influencer profile to host shows")

func checkDetails(v *kernel.Validator, d Details) Details {
	out := Details{
		Title:       kernel.CheckText(v, kernel.Field("input", "title"), d.Title, true, MaxTitleLen),
		Description: kernel.CheckText(v, kernel.Field("input", "description"), d.Description, false, MaxDescriptionLen),
		Category:    kernel.CheckText(v, kernel.Field("input", "category"), catalog.NormalizeCategory(d.Category), true, catalog.MaxCategoryLen),
	}
	if d.CoverURL != nil && *d.CoverURL != "" {
		u := kernel.CheckURL(v, kernel.Field("input", "coverUrl"), *d.CoverURL)
		out.CoverURL = &u
	}
	return out
}

func checkSchedule(v *kernel.Validator, start, end, now time.Time) {
	v.Check(start.After(now), kernel.CodeInvalid, kernel.Field("input", "scheduledStart"), "must be in the future")
	switch {
	case !end.After(start):
		v.Add(kernel.CodeInvalid, kernel.Field("input", "scheduledEnd"), "must be after scheduledStart")
	case end.Sub(start) > MaxDuration:
		v.Add(kernel.CodeInvalid, kernel.Field("input", "scheduledEnd"), "a show lasts at most %s", MaxDuration)
	}
}

func checkProductIDs(v *kernel.Validator, ids []string) {
	field := kernel.Field("input", "productIds")
	switch {
	case len(ids) == 0:
		v.Add(kernel.CodeRequired, field, "feature at least one product")
	case len(ids) > MaxProducts:
		v.Add(kernel.CodeLimitExceeded, field, "at most %d products per show", MaxProducts)
	}
	seen := map[string]bool{}
	for i, id := range ids {
		f := kernel.Field("input", "productIds", fmt.Sprint(i))
		kernel.CheckID(v, f, id)
		if seen[id] {
			v.Add(kernel.CodeInvalid, f, "is listed twice")
		}
		seen[id] = true
	}
}

// Create makes a DRAFT show hosted by the viewer.
func (s *Service) Create(ctx context.Context, viewer kernel.Viewer, in CreateInput) (*Show, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var v kernel.Validator
	d := checkDetails(&v, in.Details)
	start, end := in.ScheduledStart.UTC().Truncate(time.Microsecond), in.ScheduledEnd.UTC().Truncate(time.Microsecond)
	checkSchedule(&v, start, end, now)
	checkProductIDs(&v, in.ProductIDs)
	if err := v.Err(); err != nil {
		return nil, err
	}
	sh := &Show{ID: kernel.NewID(), Title: d.Title, Description: d.Description, Category: d.Category, CoverURL: d.CoverURL,
		Status: StatusDraft, ScheduledStart: start, ScheduledEnd: end, CreatedAt: now, UpdatedAt: now}
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		host, err := hostOf(ctx, tx, viewer)
		if err != nil {
			return err
		}
		sh.HostID = host.ID
		if _, err := tx.NewInsert().Model(sh).Exec(ctx); err != nil {
			return fmt.Errorf("insert show: %w", err)
		}
		if err := s.feature(ctx, tx, sh, in.ProductIDs, now); err != nil {
			return err
		}
		return s.reindex(ctx, tx, sh.ID, now)
	})
	if err != nil {
		return nil, fmt.Errorf("show.Create: %w", err)
	}
	return sh, nil
}

func hostOf(ctx context.Context, db bun.IDB, viewer kernel.Viewer) (*influencer.Influencer, error) {
	m, err := influencer.ByUserIDs(ctx, db, []string{viewer.UserID})
	if err != nil {
		return nil, err
	}
	if m[viewer.UserID] == nil {
		return nil, errNoProfile
	}
	return m[viewer.UserID], nil
}

// feature replaces the show's featured products, each of which must be covered
// by the host's ACTIVE collaboration for the whole show window.
func (s *Service) feature(ctx context.Context, tx bun.Tx, sh *Show, productIDs []string, now time.Time) error {
	covering, err := collab.Covering(ctx, tx, sh.HostID, productIDs, now, sh.ScheduledStart, sh.ScheduledEnd)
	if err != nil {
		return err
	}
	products, err := catalog.ByIDs(ctx, tx, productIDs)
	if err != nil {
		return err
	}
	var v kernel.Validator
	rows := make([]*Featured, 0, len(productIDs))
	for i, id := range productIDs {
		field := kernel.Field("input", "productIds", fmt.Sprint(i))
		p, c := products[id], covering[id]
		switch {
		case p == nil:
			v.Add(kernel.CodeNotFound, field, "no such product")
		case p.Status != catalog.StatusActive:
			v.Add(kernel.CodeInvalidState, field, "%q is archived", p.Title)
		case c == nil:
			v.Add(kernel.CodeInvalid, field, "no ACTIVE collaboration covers %q for the whole show window", p.Title)
		default:
			rows = append(rows, &Featured{ShowID: sh.ID, ProductID: id, CollaborationID: c.ID, VendorID: p.VendorID, Position: i})
		}
	}
	if err := v.Err(); err != nil {
		return err
	}
	// Products dropped from the show must leave its search documents: they
	// get index jobs of their own (the show's job only sees its current list).
	var before []string
	if err := tx.NewSelect().Model((*Featured)(nil)).Column("product_id").Where("show_id = ?", sh.ID).Scan(ctx, &before); err != nil {
		return fmt.Errorf("featured products: %w", err)
	}
	kept := make(map[string]bool, len(productIDs))
	for _, id := range productIDs {
		kept[id] = true
	}
	for _, id := range before {
		if !kept[id] {
			if _, err := outbox.Add(ctx, tx, now, catalog.JobIndex, catalog.IndexJob{ProductID: id}, nil); err != nil {
				return err
			}
		}
	}
	if _, err := tx.NewDelete().Model((*Featured)(nil)).Where("show_id = ?", sh.ID).Exec(ctx); err != nil {
		return fmt.Errorf("clear featured products: %w", err)
	}
	if _, err := tx.NewInsert().Model(&rows).Exec(ctx); err != nil {
		return fmt.Errorf("insert featured products: %w", err)
	}
	return nil
}

// UpdateInput is what showUpdate takes; nil fields stay, ProductIDs (when
// given) replaces the featured list.
type UpdateInput struct {
	ID          string
	Title       *string
	Description *string
	Category    *string
	CoverURL    *string
	ProductIDs  []string
	SetProducts bool
}

// Update edits a DRAFT or SCHEDULED show (host only).
func (s *Service) Update(ctx context.Context, viewer kernel.Viewer, in UpdateInput) (*Show, error) {
	return s.edit(ctx, viewer, in.ID, func(ctx context.Context, tx bun.Tx, sh *Show, now time.Time) error {
		d := Details{Title: sh.Title, Description: sh.Description, Category: sh.Category, CoverURL: sh.CoverURL}
		if in.Title != nil {
			d.Title = *in.Title
		}
		if in.Description != nil {
			d.Description = *in.Description
		}
		if in.Category != nil {
			d.Category = *in.Category
		}
		if in.CoverURL != nil {
			d.CoverURL = in.CoverURL
		}
		var v kernel.Validator
		d = checkDetails(&v, d)
		if in.SetProducts {
			checkProductIDs(&v, in.ProductIDs)
		}
		if err := v.Err(); err != nil {
			return err
		}
		sh.Title, sh.Description, sh.Category, sh.CoverURL = d.Title, d.Description, d.Category, d.CoverURL
		if _, err := tx.NewUpdate().Model(sh).Column("title", "description", "category", "cover_url", "updated_at").WherePK().Exec(ctx); err != nil {
			return fmt.Errorf("update show: %w", err)
		}
		if in.SetProducts {
			return s.feature(ctx, tx, sh, in.ProductIDs, now)
		}
		return nil
	})
}

// Publish makes a DRAFT show SCHEDULED: public and remindable. Its products
// must still be covered.
func (s *Service) Publish(ctx context.Context, viewer kernel.Viewer, id string) (*Show, error) {
	return s.edit(ctx, viewer, id, func(ctx context.Context, tx bun.Tx, sh *Show, now time.Time) error {
		if sh.Status != StatusDraft {
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "id"), "only a draft can be published (the show is %s)", sh.Status)
		}
		if !sh.ScheduledStart.After(now) {
			return kernel.Fail(kernel.CodeInvalid, kernel.Field("input", "id"), "the scheduled start has passed; reschedule first")
		}
		if err := s.recheck(ctx, tx, sh, now); err != nil {
			return err
		}
		if err := s.setStatus(ctx, tx, sh, StatusDraft, StatusScheduled); err != nil {
			return err
		}
		return s.scheduleReminder(ctx, tx, sh, now)
	})
}

// Reschedule moves a DRAFT or SCHEDULED show; its products must be covered
// for the new window.
func (s *Service) Reschedule(ctx context.Context, viewer kernel.Viewer, id string, start, end time.Time) (*Show, error) {
	start, end = start.UTC().Truncate(time.Microsecond), end.UTC().Truncate(time.Microsecond)
	return s.edit(ctx, viewer, id, func(ctx context.Context, tx bun.Tx, sh *Show, now time.Time) error {
		var v kernel.Validator
		checkSchedule(&v, start, end, now)
		if err := v.Err(); err != nil {
			return err
		}
		sh.ScheduledStart, sh.ScheduledEnd = start, end
		if err := s.recheck(ctx, tx, sh, now); err != nil {
			return err
		}
		if _, err := tx.NewUpdate().Model(sh).Column("scheduled_start", "scheduled_end", "updated_at").WherePK().Exec(ctx); err != nil {
			return err
		}
		if sh.Status == StatusScheduled {
			// The reminder for the old start becomes void; this one replaces it.
			return s.scheduleReminder(ctx, tx, sh, now)
		}
		return nil
	})
}

// Cancel calls off a DRAFT or SCHEDULED show.
func (s *Service) Cancel(ctx context.Context, viewer kernel.Viewer, id string) (*Show, error) {
	return s.edit(ctx, viewer, id, func(ctx context.Context, tx bun.Tx, sh *Show, _ time.Time) error {
		return s.setStatus(ctx, tx, sh, sh.Status, StatusCancelled)
	})
}

// recheck re-features the show's current products for its (new) window.
func (s *Service) recheck(ctx context.Context, tx bun.Tx, sh *Show, now time.Time) error {
	var ids []string
	if err := tx.NewSelect().Model((*Featured)(nil)).Column("product_id").Where("show_id = ?", sh.ID).OrderExpr("position").Scan(ctx, &ids); err != nil {
		return fmt.Errorf("featured products: %w", err)
	}
	return s.feature(ctx, tx, sh, ids, now)
}

// setStatus moves the show from one status to another with a conditional
// update; a concurrent change makes it INVALID_STATE.
func (s *Service) setStatus(ctx context.Context, tx bun.Tx, sh *Show, from, to string) error {
	res, err := tx.NewUpdate().Model((*Show)(nil)).Set("status = ?", to).Set("updated_at = ?", sh.UpdatedAt).
		Where("id = ?", sh.ID).Where("status = ?", from).Exec(ctx)
	if err != nil {
		return fmt.Errorf("set show status: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "id"), "the show changed meanwhile; reload it")
	}
	sh.Status = to
	return nil
}

// edit loads an editable show for its host and runs fn in a transaction.
func (s *Service) edit(ctx context.Context, viewer kernel.Viewer, id string, fn func(context.Context, bun.Tx, *Show, time.Time) error) (*Show, error) {
	return s.editWith(ctx, viewer, id, true, fn)
}

func (s *Service) editWith(ctx context.Context, viewer kernel.Viewer, id string, mustBeEditable bool, fn func(context.Context, bun.Tx, *Show, time.Time) error) (*Show, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "id"), id)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var sh *Show
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		// Serialise changes to one show (PostgreSQL), so an edit never works
		// from a status another transaction has just changed.
		if err := txlock.Row(ctx, tx, "shows", id); err != nil {
			var ve *kernel.ValidationError
			if _, err2 := byID(ctx, tx, id); errors.As(err2, &ve) {
				return err2
			}
			return err
		}
		var err error
		if sh, err = byID(ctx, tx, id); err != nil {
			return err
		}
		host, err := hostOf(ctx, tx, viewer)
		if errors.Is(err, kernel.ErrForbidden) || (err == nil && host.ID != sh.HostID) {
			if !sh.Public() {
				return kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "id"), "no such show")
			}
			return kernel.Fail(kernel.CodeForbidden, kernel.Field("input", "id"), "only the host may change this show")
		}
		if err != nil {
			return err
		}
		if mustBeEditable && !sh.Editable() {
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "id"), "a %s show cannot be changed", sh.Status)
		}
		sh.UpdatedAt = now
		if err := fn(ctx, tx, sh, now); err != nil {
			return err
		}
		// Every change may change what search shows.
		return s.reindex(ctx, tx, sh.ID, now)
	})
	if err != nil {
		return nil, fmt.Errorf("show: %w", err)
	}
	return sh, nil
}

func byID(ctx context.Context, db bun.IDB, id string) (*Show, error) {
	sh := new(Show)
	err := db.NewSelect().Model(sh).Where("sh.id = ?", id).Limit(1).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "id"), "no such show")
	}
	if err != nil {
		return nil, fmt.Errorf("select show: %w", err)
	}
	return sh, nil
}

// canSee reports whether viewer may see sh: public shows to all, drafts to
// their host and admins.
func canSee(ctx context.Context, db bun.IDB, viewer kernel.Viewer, sh *Show) (bool, error) {
	if sh.Public() || viewer.IsAdmin {
		return true, nil
	}
	if !viewer.SignedIn() {
		return false, nil
	}
	host, err := hostOf(ctx, db, viewer)
	if errors.Is(err, kernel.ErrForbidden) {
		return false, nil
	}
	return err == nil && host.ID == sh.HostID, err
}

// Get returns a show the viewer may see, or nil.
func (s *Service) Get(ctx context.Context, viewer kernel.Viewer, id string) (*Show, error) {
	sh, err := byID(ctx, s.db, id)
	var ve *kernel.ValidationError
	if errors.As(err, &ve) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("show.Get: %w", err)
	}
	ok, err := canSee(ctx, s.db, viewer, sh)
	if err != nil || !ok {
		return nil, err
	}
	return sh, nil
}
