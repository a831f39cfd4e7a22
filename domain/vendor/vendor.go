// Package vendor owns vendors (selling companies) and their staff. The user who
// creates a vendor becomes its OWNER; owners add STAFF; staff and admins manage
// the vendor's catalog.
package vendor

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
)

// Roles of vendor staff.
const (
	RoleOwner = "OWNER"
	RoleStaff = "STAFF"
)

// Input limits.
const (
	MaxSlugLen        = 50
	MaxNameLen        = 100
	MaxDescriptionLen = 2000
)

// Vendor is a selling company.
type Vendor struct {
	bun.BaseModel `bun:"table:vendors,alias:v"`

	ID             string    `bun:"id,pk"`
	Slug           string    `bun:"slug"`
	Name           string    `bun:"name"`
	Description    string    `bun:"description"`
	PlatformFeeBps *int      `bun:"platform_fee_bps"`
	CreatedAt      time.Time `bun:"created_at"`
}

// Staff is a user's membership of a vendor.
type Staff struct {
	bun.BaseModel `bun:"table:vendor_staff,alias:st"`

	VendorID  string    `bun:"vendor_id,pk"`
	UserID    string    `bun:"user_id,pk"`
	Role      string    `bun:"role"`
	CreatedAt time.Time `bun:"created_at"`
}

// Users finds users by email; the account context implements it.
type Users interface {
	UserIDByEmail(ctx context.Context, email string) (string, error)
}

// Service is the vendors use-case layer.
type Service struct {
	db    *bun.DB
	clock kernel.Clock
	users Users
}

// NewService builds the service.
func NewService(db *bun.DB, clock kernel.Clock, users Users) *Service {
	return &Service{db: db, clock: clock, users: users}
}

// CreateInput is what vendorCreate takes.
type CreateInput struct {
	Name        string
	Slug        string
	Description string
}

var errSlugTaken = kernel.Fail(kernel.CodeAlreadyExists, kernel.Field("input", "slug"), "this slug is taken")

// Create makes a vendor with the viewer as its OWNER.
func (s *Service) Create(ctx context.Context, viewer kernel.Viewer, in CreateInput) (*Vendor, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	name := kernel.CheckText(&v, kernel.Field("input", "name"), in.Name, true, MaxNameLen)
	slug := kernel.CheckSlug(&v, kernel.Field("input", "slug"), in.Slug, MaxSlugLen)
	desc := kernel.CheckText(&v, kernel.Field("input", "description"), in.Description, false, MaxDescriptionLen)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	vd := &Vendor{ID: kernel.NewID(), Slug: slug, Name: name, Description: desc, CreatedAt: now}
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		n, err := tx.NewSelect().Model((*Vendor)(nil)).Where("slug = ?", slug).Count(ctx)
		if err != nil {
			return fmt.Errorf("check slug: %w", err)
		}
		if n > 0 {
			return errSlugTaken
		}
		if _, err := tx.NewInsert().Model(vd).Exec(ctx); err != nil {
			return fmt.Errorf("insert vendor: %w", err)
		}
		owner := &Staff{VendorID: vd.ID, UserID: viewer.UserID, Role: RoleOwner, CreatedAt: now}
		if _, err := tx.NewInsert().Model(owner).Exec(ctx); err != nil {
			return fmt.Errorf("insert owner: %w", err)
		}
		return nil
	})
	if kernel.IsUniqueViolation(err) {
		err = errSlugTaken
	}
	if err != nil {
		return nil, fmt.Errorf("vendor.Create: %w", err)
	}
	return vd, nil
}

// AddStaff adds an existing user (by email) to the vendor's staff. Only the
// vendor's owners and admins may.
func (s *Service) AddStaff(ctx context.Context, viewer kernel.Viewer, vendorID, email string) (*Vendor, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "vendorId"), vendorID)
	v.Check(email != "", kernel.CodeRequired, kernel.Field("input", "email"), "is required")
	if err := v.Err(); err != nil {
		return nil, err
	}
	vd, err := s.Get(ctx, vendorID)
	if err != nil {
		return nil, err
	}
	if vd == nil {
		return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "vendorId"), "no such vendor")
	}
	role, err := roleOf(ctx, s.db, vendorID, viewer.UserID)
	if err != nil {
		return nil, fmt.Errorf("vendor.AddStaff: %w", err)
	}
	if role != RoleOwner && !viewer.IsAdmin {
		return nil, kernel.ErrForbidden
	}
	userID, err := s.users.UserIDByEmail(ctx, email)
	if err != nil {
		return nil, fmt.Errorf("vendor.AddStaff: %w", err)
	}
	if userID == "" {
		return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "email"), "no user has this email; they must sign up first")
	}
	_, err = s.db.NewInsert().Model(&Staff{VendorID: vendorID, UserID: userID, Role: RoleStaff, CreatedAt: s.clock.Now()}).Exec(ctx)
	if kernel.IsUniqueViolation(err) {
		return nil, kernel.Fail(kernel.CodeAlreadyExists, kernel.Field("input", "email"), "this user is already on the vendor's staff")
	}
	if err != nil {
		return nil, fmt.Errorf("vendor.AddStaff: %w", err)
	}
	return vd, nil
}

// RoleOf returns userID's role at the vendor ("" when not staff).
func RoleOf(ctx context.Context, db bun.IDB, vendorID, userID string) (string, error) {
	return roleOf(ctx, db, vendorID, userID)
}

func roleOf(ctx context.Context, db bun.IDB, vendorID, userID string) (string, error) {
	var role string
	err := db.NewSelect().Model((*Staff)(nil)).Column("role").
		Where("vendor_id = ?", vendorID).Where("user_id = ?", userID).Limit(1).Scan(ctx, &role)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return role, err
}

// CanManage returns nil when viewer may manage the vendor's catalog and
// offers (its staff, or an admin), ErrUnauthenticated or ErrForbidden
// otherwise. Admins learn ErrNotFound for a vendor that does not exist; others
// get ErrForbidden, which reveals nothing.
func (s *Service) CanManage(ctx context.Context, viewer kernel.Viewer, vendorID string) error {
	if err := viewer.RequireUser(); err != nil {
		return err
	}
	if viewer.IsAdmin {
		vd, err := s.Get(ctx, vendorID)
		if err != nil {
			return fmt.Errorf("vendor.CanManage: %w", err)
		}
		if vd == nil {
			return fmt.Errorf("vendor.CanManage: vendor %s: %w", vendorID, kernel.ErrNotFound)
		}
		return nil
	}
	role, err := roleOf(ctx, s.db, vendorID, viewer.UserID)
	if err != nil {
		return fmt.Errorf("vendor.CanManage: %w", err)
	}
	if role == "" {
		return kernel.ErrForbidden
	}
	return nil
}

// Get returns a vendor by id, or nil.
func (s *Service) Get(ctx context.Context, id string) (*Vendor, error) {
	m, err := ByIDs(ctx, s.db, []string{id})
	if err != nil {
		return nil, err
	}
	return m[id], nil
}

// BySlug returns a vendor by slug, or nil.
func (s *Service) BySlug(ctx context.Context, slug string) (*Vendor, error) {
	vd := new(Vendor)
	err := s.db.NewSelect().Model(vd).Where("slug = ?", slug).Limit(1).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("vendor.BySlug: %w", err)
	}
	return vd, nil
}

// ByIDs loads vendors by id (one statement); missing ids are absent.
func ByIDs(ctx context.Context, db bun.IDB, ids []string) (map[string]*Vendor, error) {
	var vs []*Vendor
	if len(ids) > 0 {
		if err := db.NewSelect().Model(&vs).Where("id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("vendor.ByIDs: %w", err)
		}
	}
	m := make(map[string]*Vendor, len(vs))
	for _, v := range vs {
		m[v.ID] = v
	}
	return m, nil
}

// OfUsers returns, per user id, the vendors the user is staff of (one statement).
func OfUsers(ctx context.Context, db bun.IDB, userIDs []string) (map[string][]*Vendor, error) {
	var rows []struct {
		Vendor
		StaffUserID string `bun:"staff_user_id"`
	}
	m := make(map[string][]*Vendor, len(userIDs))
	if len(userIDs) == 0 {
		return m, nil
	}
	err := db.NewSelect().Model((*Vendor)(nil)).
		ColumnExpr("v.*").ColumnExpr("st.user_id AS staff_user_id").
		Join("JOIN vendor_staff AS st ON st.vendor_id = v.id").
		Where("st.user_id IN (?)", bun.List(userIDs)).
		OrderExpr("v.name ASC, v.id ASC").
		Scan(ctx, &rows)
	if err != nil {
		return nil, fmt.Errorf("vendor.OfUsers: %w", err)
	}
	for i := range rows {
		vd := rows[i].Vendor
		m[rows[i].StaffUserID] = append(m[rows[i].StaffUserID], &vd)
	}
	return m, nil
}

// StaffOf returns each vendor's staff, owners first (one statement).
func StaffOf(ctx context.Context, db bun.IDB, vendorIDs []string) (map[string][]*Staff, error) {
	var rows []*Staff
	if len(vendorIDs) > 0 {
		err := db.NewSelect().Model(&rows).Where("vendor_id IN (?)", bun.List(vendorIDs)).
			OrderExpr("CASE role WHEN 'OWNER' THEN 0 ELSE 1 END, created_at, user_id").Scan(ctx)
		if err != nil {
			return nil, fmt.Errorf("vendor.StaffOf: %w", err)
		}
	}
	m := make(map[string][]*Staff, len(vendorIDs))
	for _, r := range rows {
		m[r.VendorID] = append(m[r.VendorID], r)
	}
	return m, nil
}

// CanSeeStaff reports whether viewer may see a vendor's staff list: its own
// staff and admins.
func CanSeeStaff(viewer kernel.Viewer, staff []*Staff) bool {
	if viewer.IsAdmin {
		return true
	}
	for _, s := range staff {
		if viewer.SignedIn() && s.UserID == viewer.UserID {
			return true
		}
	}
	return false
}

// EffectiveFeeBps is the platform fee that applies to the vendor's sales:
// its override when an admin set one, else the operator's default.
func (v *Vendor) EffectiveFeeBps(defaultBps int) int {
	if v.PlatformFeeBps != nil {
		return *v.PlatformFeeBps
	}
	return defaultBps
}

// SetPlatformFee stores the vendor's fee override (nil clears it).
func SetPlatformFee(ctx context.Context, db bun.IDB, vendorID string, feeBps *int) error {
	_, err := db.NewUpdate().Model((*Vendor)(nil)).Set("platform_fee_bps = ?", feeBps).Where("id = ?", vendorID).Exec(ctx)
	if err != nil {
		return fmt.Errorf("vendor.SetPlatformFee: %w", err)
	}
	return nil
}
