// Package show owns scheduled live shows: their lifecycle (draft, scheduled,
// live, ended, cancelled), the products they feature — each covered by the
// host's ACTIVE collaboration for the whole show — and shoppers' reminders.
package show

import (
	"time"

	"github.com/uptrace/bun"
)

// Show statuses.
const (
	StatusDraft     = "DRAFT"
	StatusScheduled = "SCHEDULED"
	StatusLive      = "LIVE"
	StatusEnded     = "ENDED"
	StatusCancelled = "CANCELLED"
)

// Show is a scheduled live show hosted by an influencer.
type Show struct {
	bun.BaseModel `bun:"table:shows,alias:sh"`

	ID              string     `bun:"id,pk"`
	HostID          string     `bun:"host_id"`
	Title           string     `bun:"title"`
	Description     string     `bun:"description"`
	Category        string     `bun:"category"`
	CoverURL        *string    `bun:"cover_url"`
	Status          string     `bun:"status"`
	ScheduledStart  time.Time  `bun:"scheduled_start"`
	ScheduledEnd    time.Time  `bun:"scheduled_end"`
	StartedAt       *time.Time `bun:"started_at"`
	EndedAt         *time.Time `bun:"ended_at"`
	ViewerCount     int        `bun:"viewer_count"`
	ChatCount       int        `bun:"chat_count"` // visible chat messages, kept by the chat's events (showevents)
	PinnedProductID *string    `bun:"pinned_product_id"`
	// EventSeq is the seq of the show's latest live event (see showevents).
	EventSeq  int64     `bun:"event_seq"`
	CreatedAt time.Time `bun:"created_at"`
	UpdatedAt time.Time `bun:"updated_at"`
}

// Featured is one product a show features, with the collaboration that lets
// the host feature it.
type Featured struct {
	bun.BaseModel `bun:"table:show_products,alias:sp"`

	ShowID          string `bun:"show_id,pk"`
	ProductID       string `bun:"product_id,pk"`
	CollaborationID string `bun:"collaboration_id"`
	VendorID        string `bun:"vendor_id"`
	Position        int    `bun:"position"`
}

// Reminder is a user's wish to be told when a show starts.
type Reminder struct {
	bun.BaseModel `bun:"table:show_reminders,alias:sr"`

	ShowID    string    `bun:"show_id,pk"`
	UserID    string    `bun:"user_id,pk"`
	CreatedAt time.Time `bun:"created_at"`
}

// Editable reports whether the host may still change the show's details,
// products or schedule.
func (s *Show) Editable() bool { return s.Status == StatusDraft || s.Status == StatusScheduled }

// Public reports whether anyone may see the show (drafts are the host's).
func (s *Show) Public() bool { return s.Status != StatusDraft }
