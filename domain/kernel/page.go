package kernel

import (
	"encoding/base64"
)

// Page size bounds for every list (Relay connection) in the API.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// PageRequest is a validated first/after pair. After is the id of the last
// item the client has seen ("" for the first page). SkipCount says the
// caller will not read the page's TotalCount (left 0): counting every
// matching row is often the costliest part of a page (a show's chat, a
// large vendor's orders), so the API asks for it only when a query selects
// totalCount.
type PageRequest struct {
	First     int
	After     string
	SkipCount bool
}

// NewPageRequest validates first (0..100, default 20) and decodes the opaque
// cursor. Errors are INVALID with the argument's name as the field.
func NewPageRequest(first *int, after *string) (PageRequest, error) {
	var v Validator
	p := PageRequest{First: DefaultPageSize}
	if first != nil {
		p.First = *first
		v.Check(*first >= 0 && *first <= MaxPageSize, CodeInvalid, Field("first"),
			"must be between 0 and %d", MaxPageSize)
	}
	if after != nil && *after != "" {
		id, ok := DecodeCursor(*after)
		v.Check(ok, CodeInvalid, Field("after"), "is not a valid cursor")
		p.After = id
	}
	return p, v.Err()
}

// EncodeCursor makes the opaque cursor for an item id.
func EncodeCursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("c:" + id))
}

// DecodeCursor returns the id inside a cursor made by EncodeCursor.
func DecodeCursor(c string) (string, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 3 || string(b[:2]) != "c:" || !ValidID(string(b[2:])) {
		return "", false
	}
	return string(b[2:]), true
}

// Page is one page of a list plus what a connection needs around it.
type Page[T any] struct {
	Items       []T
	HasNextPage bool
	TotalCount  int
}

// Trim cuts a result fetched with limit First+1 down to First items and sets
// HasNextPage.
func Trim[T any](items []T, first int) ([]T, bool) {
	if len(items) > first {
		return items[:first], true
	}
	return items, false
}
