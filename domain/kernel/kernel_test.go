package kernel_test

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/internal/testkit"
)

// onlyError asserts err is a *kernel.ValidationError with exactly one
// FieldError of the given code and field path.
func onlyError(t *testing.T, err error, code kernel.Code, field ...string) {
	t.Helper()
	var ve *kernel.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want *ValidationError %s on %v, got %v", code, field, err)
	}
	if len(ve.Errors) != 1 {
		t.Fatalf("want exactly one field error, got %+v", ve.Errors)
	}
	fe := ve.Errors[0]
	if fe.Code != code || !reflect.DeepEqual(fe.Field, field) {
		t.Fatalf("want %s on %v, got %s on %v (%q)", code, field, fe.Code, fe.Field, fe.Message)
	}
	if fe.Message == "" {
		t.Fatalf("field error %s on %v has no message", code, field)
	}
}

func ptr[T any](v T) *T { return &v }

func TestValidCurrency(t *testing.T) {
	t.Parallel()
	cases := []struct {
		code string
		want bool
	}{
		{"USD", true},
		{"EUR", true},
		{"JPY", true},
		{"KWD", true},
		{"ZWG", true},
		{"usd", false},
		{"Usd", false},
		{"XYZ", false},
		{"US", false},
		{"USDD", false},
		{"", false},
		{" USD", false},
		{"U$D", false},
		{"ÜSD", false},
	}
	for _, c := range cases {
		if got := kernel.ValidCurrency(c.code); got != c.want {
			t.Errorf("ValidCurrency(%q) = %v, want %v", c.code, got, c.want)
		}
	}
}

func TestCheckPrice(t *testing.T) {
	t.Parallel()
	field := kernel.Field("input", "price")
	amt := []string{"input", "price", "amountMinor"}
	cur := []string{"input", "price", "currency"}
	type want struct {
		code  kernel.Code
		field []string
	}
	cases := []struct {
		name string
		m    kernel.Money
		want []want
	}{
		{"ok one cent", kernel.Money{AmountMinor: 1, Currency: "USD"}, nil},
		{"ok max", kernel.Money{AmountMinor: kernel.MaxAmountMinor, Currency: "EUR"}, nil},
		{"zero", kernel.Money{AmountMinor: 0, Currency: "USD"}, []want{{kernel.CodeInvalid, amt}}},
		{"negative", kernel.Money{AmountMinor: -5, Currency: "USD"}, []want{{kernel.CodeInvalid, amt}}},
		{"above max", kernel.Money{AmountMinor: kernel.MaxAmountMinor + 1, Currency: "USD"}, []want{{kernel.CodeInvalid, amt}}},
		{"unknown currency", kernel.Money{AmountMinor: 100, Currency: "XYZ"}, []want{{kernel.CodeInvalid, cur}}},
		{"lowercase currency", kernel.Money{AmountMinor: 100, Currency: "usd"}, []want{{kernel.CodeInvalid, cur}}},
		{"empty currency", kernel.Money{AmountMinor: 100}, []want{{kernel.CodeInvalid, cur}}},
		{"both wrong", kernel.Money{AmountMinor: 0, Currency: "usd"}, []want{{kernel.CodeInvalid, cur}, {kernel.CodeInvalid, amt}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var v kernel.Validator
			kernel.CheckPrice(&v, field, c.m)
			err := v.Err()
			if len(c.want) == 0 {
				if err != nil {
					t.Fatalf("want no error, got %v", err)
				}
				return
			}
			var ve *kernel.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("want ValidationError, got %v", err)
			}
			if len(ve.Errors) != len(c.want) {
				t.Fatalf("want %d errors, got %+v", len(c.want), ve.Errors)
			}
			for i, w := range c.want {
				if ve.Errors[i].Code != w.code || !reflect.DeepEqual(ve.Errors[i].Field, w.field) {
					t.Errorf("error %d: want %s on %v, got %+v", i, w.code, w.field, ve.Errors[i])
				}
			}
		})
	}
	// The caller's field slice must not be modified by the appends.
	base := make([]string, 2, 10)
	copy(base, []string{"input", "price"})
	var v kernel.Validator
	kernel.CheckPrice(&v, base, kernel.Money{AmountMinor: 0, Currency: "usd"})
	var ve *kernel.ValidationError
	if !errors.As(v.Err(), &ve) || len(ve.Errors) != 2 {
		t.Fatalf("want two errors, got %v", v.Err())
	}
	if !reflect.DeepEqual(ve.Errors[0].Field, cur) || !reflect.DeepEqual(ve.Errors[1].Field, amt) {
		t.Fatalf("field paths alias each other: %v, %v", ve.Errors[0].Field, ve.Errors[1].Field)
	}
}

func TestNewPageRequest(t *testing.T) {
	t.Parallel()
	id := kernel.NewID()
	good := kernel.EncodeCursor(id)
	b64 := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	cases := []struct {
		name      string
		first     *int
		after     *string
		wantFirst int
		wantAfter string
		errField  string // "" means no error
	}{
		{"defaults", nil, nil, kernel.DefaultPageSize, "", ""},
		{"zero", ptr(0), nil, 0, "", ""},
		{"one", ptr(1), nil, 1, "", ""},
		{"max", ptr(kernel.MaxPageSize), nil, kernel.MaxPageSize, "", ""},
		{"empty after", ptr(5), ptr(""), 5, "", ""},
		{"good cursor", ptr(5), &good, 5, id, ""},
		{"negative", ptr(-1), nil, 0, "", "first"},
		{"very negative", ptr(-1 << 31), nil, 0, "", "first"},
		{"just over max", ptr(kernel.MaxPageSize + 1), nil, 0, "", "first"},
		{"huge", ptr(100000), nil, 0, "", "first"},
		{"not base64", nil, ptr("!!!not base64!!!"), 0, "", "after"},
		{"padded std base64", nil, ptr(base64.StdEncoding.EncodeToString([]byte("c:" + id + "x"))), 0, "", "after"},
		{"raw id", nil, ptr(id), 0, "", "after"},
		{"wrong prefix", nil, ptr(b64("x:" + id)), 0, "", "after"},
		{"no id", nil, ptr(b64("c:")), 0, "", "after"},
		{"not a uuid", nil, ptr(b64("c:hello")), 0, "", "after"},
		{"uuid with junk", nil, ptr(b64("c:" + id + "'; DROP TABLE products; --")), 0, "", "after"},
		{"sql injection", nil, ptr(b64("c:' OR 1=1 --")), 0, "", "after"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := kernel.NewPageRequest(c.first, c.after)
			if c.errField != "" {
				onlyError(t, err, kernel.CodeInvalid, c.errField)
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if p.First != c.wantFirst || p.After != c.wantAfter {
				t.Fatalf("got %+v, want First=%d After=%q", p, c.wantFirst, c.wantAfter)
			}
		})
	}
	t.Run("both bad", func(t *testing.T) {
		_, err := kernel.NewPageRequest(ptr(-3), ptr("zzz"))
		var ve *kernel.ValidationError
		if !errors.As(err, &ve) || len(ve.Errors) != 2 {
			t.Fatalf("want two errors, got %v", err)
		}
		if ve.Errors[0].Field[0] != "first" || ve.Errors[1].Field[0] != "after" {
			t.Fatalf("got %+v", ve.Errors)
		}
	})
}

func TestCursorRoundTrip(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for i := 0; i < 200; i++ {
		id := kernel.NewID()
		c := kernel.EncodeCursor(id)
		if strings.Contains(c, id) {
			t.Fatalf("cursor %q is not opaque: contains the id", c)
		}
		if strings.ContainsAny(c, "+/=") {
			t.Fatalf("cursor %q is not URL safe", c)
		}
		if seen[c] {
			t.Fatalf("duplicate cursor %q", c)
		}
		seen[c] = true
		got, ok := kernel.DecodeCursor(c)
		if !ok || got != id {
			t.Fatalf("DecodeCursor(EncodeCursor(%q)) = %q, %v", id, got, ok)
		}
	}
	for _, bad := range []string{"", "c", "Yzo", "====", kernel.EncodeCursor("not-an-id"), kernel.EncodeCursor("")} {
		if got, ok := kernel.DecodeCursor(bad); ok || got != "" {
			t.Errorf("DecodeCursor(%q) = %q, %v; want rejection", bad, got, ok)
		}
	}
}

func TestCheckText(t *testing.T) {
	t.Parallel()
	field := kernel.Field("input", "title")
	cases := []struct {
		name     string
		in       string
		required bool
		max      int
		want     string
		code     kernel.Code // "" = ok
	}{
		{"plain", "Red shoes", true, 10, "Red shoes", ""},
		{"trimmed", "  Red shoes \n\t", true, 10, "Red shoes", ""},
		{"exactly max", strings.Repeat("a", 10), true, 10, strings.Repeat("a", 10), ""},
		{"max counts runes not bytes", strings.Repeat("é", 10), true, 10, strings.Repeat("é", 10), ""},
		{"emoji runes", strings.Repeat("🙂", 5), true, 5, strings.Repeat("🙂", 5), ""},
		{"one over", strings.Repeat("a", 11), true, 10, strings.Repeat("a", 11), kernel.CodeTooLong},
		{"10000 chars", strings.Repeat("x", 10000), true, 200, strings.Repeat("x", 10000), kernel.CodeTooLong},
		{"10000 chars optional", strings.Repeat("x", 10000), false, 5000, strings.Repeat("x", 10000), kernel.CodeTooLong},
		{"10000 multibyte", strings.Repeat("ß", 10000), true, 9999, strings.Repeat("ß", 10000), kernel.CodeTooLong},
		{"NUL", "bad\x00title", true, 20, "bad\x00title", kernel.CodeInvalid},
		{"escape char", "bell\x07", true, 20, "bell\x07", kernel.CodeInvalid},
		{"inner newline and tab kept", "line one\n\tline two", true, 20, "line one\n\tline two", ""},
		{"empty required", "", true, 10, "", kernel.CodeRequired},
		{"whitespace required", " \t\n\r  ", true, 10, "", kernel.CodeRequired},
		{"unicode whitespace required", "\u00a0\u2003", true, 10, "", kernel.CodeRequired},
		{"empty optional", "", false, 10, "", ""},
		{"whitespace optional", "   ", false, 10, "", ""},
		{"invalid utf8", "ab\xffcd", true, 10, "ab\xffcd", kernel.CodeInvalid},
		{"padding does not count", "   abc   ", true, 3, "abc", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var v kernel.Validator
			got := kernel.CheckText(&v, field, c.in, c.required, c.max)
			if got != c.want {
				t.Errorf("returned %q, want %q", trunc(got), trunc(c.want))
			}
			if c.code == "" {
				if err := v.Err(); err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			onlyError(t, v.Err(), c.code, field...)
		})
	}
}

func trunc(s string) string {
	if len(s) > 40 {
		return fmt.Sprintf("%s...(%d bytes)", s[:40], len(s))
	}
	return s
}

func TestCheckSlug(t *testing.T) {
	t.Parallel()
	field := kernel.Field("input", "slug")
	cases := []struct {
		in   string
		max  int
		want string
		code kernel.Code
	}{
		{"acme", 50, "acme", ""},
		{"  Acme-Shop  ", 50, "acme-shop", ""},
		{"a1-b2-c3", 50, "a1-b2-c3", ""},
		{"ab", 50, "ab", ""},
		{strings.Repeat("a", 50), 50, strings.Repeat("a", 50), ""},
		{"", 50, "", kernel.CodeRequired},
		{"   ", 50, "", kernel.CodeRequired},
		{strings.Repeat("a", 51), 50, strings.Repeat("a", 51), kernel.CodeTooLong},
		{strings.Repeat("a", 10000), 50, strings.Repeat("a", 10000), kernel.CodeTooLong},
		{"a", 50, "a", kernel.CodeInvalid},
		{"a--b", 50, "a--b", kernel.CodeInvalid},
		{"-ab", 50, "-ab", kernel.CodeInvalid},
		{"ab-", 50, "ab-", kernel.CodeInvalid},
		{"ab_c", 50, "ab_c", kernel.CodeInvalid},
		{"ab c", 50, "ab c", kernel.CodeInvalid},
		{"ab.c", 50, "ab.c", kernel.CodeInvalid},
		{"café", 50, "café", kernel.CodeInvalid},
		{"ab/../c", 50, "ab/../c", kernel.CodeInvalid},
	}
	for _, c := range cases {
		t.Run(trunc(c.in), func(t *testing.T) {
			var v kernel.Validator
			got := kernel.CheckSlug(&v, field, c.in, c.max)
			if got != c.want {
				t.Errorf("returned %q, want %q", trunc(got), trunc(c.want))
			}
			if c.code == "" {
				if err := v.Err(); err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			onlyError(t, v.Err(), c.code, field...)
		})
	}
}

func TestCheckURL(t *testing.T) {
	t.Parallel()
	field := kernel.Field("input", "avatarUrl")
	long := "https://example.com/" + strings.Repeat("a", kernel.MaxURLLen)
	atMax := "https://example.com/" + strings.Repeat("a", kernel.MaxURLLen-len("https://example.com/"))
	cases := []struct {
		in   string
		want string
		code kernel.Code
	}{
		{"https://example.com/a.png", "https://example.com/a.png", ""},
		{"http://example.com", "http://example.com", ""},
		{"  https://cdn.example.com/x?y=1#z  ", "https://cdn.example.com/x?y=1#z", ""},
		{atMax, atMax, ""},
		{long, long, kernel.CodeTooLong},
		{"", "", kernel.CodeInvalid},
		{"example.com/a.png", "example.com/a.png", kernel.CodeInvalid},
		{"/relative/path", "/relative/path", kernel.CodeInvalid},
		{"ftp://example.com/a", "ftp://example.com/a", kernel.CodeInvalid},
		{"javascript:alert(1)", "javascript:alert(1)", kernel.CodeInvalid},
		{"data:image/png;base64,AAAA", "data:image/png;base64,AAAA", kernel.CodeInvalid},
		{"https://", "https://", kernel.CodeInvalid},
		{"https:///path", "https:///path", kernel.CodeInvalid},
		{"http://exa mple.com", "http://exa mple.com", kernel.CodeInvalid},
		{"://nope", "://nope", kernel.CodeInvalid},
	}
	for _, c := range cases {
		t.Run(trunc(c.in), func(t *testing.T) {
			var v kernel.Validator
			got := kernel.CheckURL(&v, field, c.in)
			if got != c.want {
				t.Errorf("returned %q, want %q", trunc(got), trunc(c.want))
			}
			if c.code == "" {
				if err := v.Err(); err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			onlyError(t, v.Err(), c.code, field...)
		})
	}
}

func TestValidIDAndCheckID(t *testing.T) {
	t.Parallel()
	id := kernel.NewID()
	cases := []struct {
		in   string
		want bool
	}{
		{id, true},
		{"0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", true},
		{"", false},
		{"not-an-id", false},
		{strings.ReplaceAll(id, "-", ""), false},
		{"{" + id + "}", false},
		{"urn:uuid:" + id, false},
		{id + "0", false},
		{id[:35], false},
		{"0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2g", false},
		{strings.ToUpper(id), false}, // ids compare as text: only the canonical lower case
		{"' OR 1=1 --", false},
	}
	for _, c := range cases {
		if got := kernel.ValidID(c.in); got != c.want {
			t.Errorf("ValidID(%q) = %v, want %v", c.in, got, c.want)
		}
	}

	field := kernel.Field("input", "vendorId")
	var v kernel.Validator
	kernel.CheckID(&v, field, id)
	if err := v.Err(); err != nil {
		t.Fatalf("CheckID(valid) = %v", err)
	}
	v = kernel.Validator{}
	kernel.CheckID(&v, field, "")
	onlyError(t, v.Err(), kernel.CodeRequired, field...)
	v = kernel.Validator{}
	kernel.CheckID(&v, field, "nope")
	onlyError(t, v.Err(), kernel.CodeInvalid, field...)
}

func TestNewIDIsOrderedUUIDv7(t *testing.T) {
	t.Parallel()
	prev := ""
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		id := kernel.NewID()
		if !kernel.ValidID(id) {
			t.Fatalf("NewID() = %q is not valid", id)
		}
		if id[14] != '7' {
			t.Fatalf("NewID() = %q is not version 7", id)
		}
		if id != strings.ToLower(id) {
			t.Fatalf("NewID() = %q is not lower case", id)
		}
		if seen[id] {
			t.Fatalf("duplicate id %q", id)
		}
		seen[id] = true
		if id <= prev {
			t.Fatalf("ids not increasing: %q after %q", id, prev)
		}
		prev = id
	}
}

func TestValidator(t *testing.T) {
	t.Parallel()
	var v kernel.Validator
	if v.Err() != nil {
		t.Fatal("empty validator must return a nil error")
	}
	// Err must return an untyped nil, not a typed nil pointer.
	if err := v.Err(); err != nil {
		t.Fatalf("Err() = %#v", err)
	}
	v.Check(true, kernel.CodeInvalid, kernel.Field("a"), "never")
	if v.Err() != nil {
		t.Fatal("Check(true) must not add an error")
	}
	v.Check(false, kernel.CodeRequired, kernel.Field("input", "a"), "is %s", "required")
	v.Add(kernel.CodeTooLong, kernel.Field("input", "b"), "max %d", 3)
	var ve *kernel.ValidationError
	if !errors.As(v.Err(), &ve) || len(ve.Errors) != 2 {
		t.Fatalf("got %v", v.Err())
	}
	if ve.Errors[0].Message != "is required" || ve.Errors[1].Message != "max 3" {
		t.Fatalf("messages not formatted: %+v", ve.Errors)
	}
	want := "validation failed: input.a: REQUIRED: is required; input.b: TOO_LONG: max 3"
	if ve.Error() != want {
		t.Fatalf("Error() = %q, want %q", ve.Error(), want)
	}
	if got := (kernel.FieldError{Code: kernel.CodeLimitExceeded, Message: "slow down"}).Error(); got != "LIMIT_EXCEEDED: slow down" {
		t.Fatalf("FieldError without field: %q", got)
	}
	// A message containing % must not be treated as a format verb when passed as an argument.
	f := kernel.Fail(kernel.CodeInvalid, nil, "%s", "100% sure")
	if f.Errors[0].Message != "100% sure" {
		t.Fatalf("Fail message = %q", f.Errors[0].Message)
	}
}

func TestValidationErrorIs(t *testing.T) {
	t.Parallel()
	cases := []struct {
		code   kernel.Code
		target error
		want   bool
	}{
		{kernel.CodeForbidden, kernel.ErrForbidden, true},
		{kernel.CodeNotFound, kernel.ErrNotFound, true},
		{kernel.CodeUnauthenticated, kernel.ErrUnauthenticated, true},
		{kernel.CodeInvalid, kernel.ErrForbidden, false},
		{kernel.CodeNotFound, kernel.ErrForbidden, false},
		{kernel.CodeForbidden, kernel.ErrNotFound, false},
		{kernel.CodeAlreadyExists, kernel.ErrNotFound, false},
	}
	for _, c := range cases {
		err := fmt.Errorf("wrapped: %w", kernel.Fail(c.code, kernel.Field("input", "x"), "m"))
		if got := errors.Is(err, c.target); got != c.want {
			t.Errorf("errors.Is(Fail(%s), %v) = %v, want %v", c.code, c.target, got, c.want)
		}
	}
	if errors.Is(&kernel.ValidationError{}, kernel.ErrForbidden) {
		t.Error("empty ValidationError must not match a sentinel")
	}
}

func TestAsFieldErrors(t *testing.T) {
	t.Parallel()
	ve := kernel.Fail(kernel.CodeTooLong, kernel.Field("input", "title"), "too long")
	cases := []struct {
		name   string
		err    error
		ok     bool
		code   kernel.Code
		field  []string
		nFound int
	}{
		{"nil", nil, true, "", nil, 0},
		{"validation", ve, true, kernel.CodeTooLong, []string{"input", "title"}, 1},
		{"wrapped validation", fmt.Errorf("catalog.Create: %w", ve), true, kernel.CodeTooLong, []string{"input", "title"}, 1},
		{"unauthenticated", kernel.ErrUnauthenticated, true, kernel.CodeUnauthenticated, nil, 1},
		{"wrapped forbidden", fmt.Errorf("x: %w", kernel.ErrForbidden), true, kernel.CodeForbidden, nil, 1},
		{"not found", fmt.Errorf("x: %w", kernel.ErrNotFound), true, kernel.CodeNotFound, nil, 1},
		{"internal", errors.New("pq: connection refused"), false, "", nil, 0},
		{"wrapped internal", fmt.Errorf("catalog.Create: %w", errors.New("disk full")), false, "", nil, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fes, ok := kernel.AsFieldErrors(c.err)
			if ok != c.ok || len(fes) != c.nFound {
				t.Fatalf("got %+v, %v; want %d errors, ok=%v", fes, ok, c.nFound, c.ok)
			}
			if c.nFound == 0 {
				return
			}
			if fes[0].Code != c.code || !reflect.DeepEqual(fes[0].Field, c.field) || fes[0].Message == "" {
				t.Fatalf("got %+v, want %s on %v", fes[0], c.code, c.field)
			}
			if !c.ok {
				return
			}
			// Internal messages must never leak through as user errors.
			if strings.Contains(fes[0].Message, "pq:") || strings.Contains(fes[0].Message, "disk") {
				t.Fatalf("leaked message %q", fes[0].Message)
			}
		})
	}
	multi := &kernel.ValidationError{Errors: []kernel.FieldError{{Code: kernel.CodeRequired}, {Code: kernel.CodeInvalid}}}
	if fes, ok := kernel.AsFieldErrors(multi); !ok || len(fes) != 2 {
		t.Fatalf("multi: got %+v, %v", fes, ok)
	}
}

func TestTrim(t *testing.T) {
	t.Parallel()
	cases := []struct {
		items []int
		first int
		want  []int
		more  bool
	}{
		{nil, 3, nil, false},
		{[]int{}, 3, []int{}, false},
		{[]int{1, 2}, 3, []int{1, 2}, false},
		{[]int{1, 2, 3}, 3, []int{1, 2, 3}, false},
		{[]int{1, 2, 3, 4}, 3, []int{1, 2, 3}, true},
		{[]int{1}, 0, []int{}, true},
		{[]int{1, 2, 3, 4, 5}, 1, []int{1}, true},
	}
	for _, c := range cases {
		got, more := kernel.Trim(c.items, c.first)
		if len(got) != len(c.want) || more != c.more {
			t.Errorf("Trim(%v, %d) = %v, %v; want %v, %v", c.items, c.first, got, more, c.want, c.more)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("Trim(%v, %d) = %v; want %v", c.items, c.first, got, c.want)
			}
		}
	}
	strs, more := kernel.Trim([]string{"a", "b", "c"}, 2)
	if !more || len(strs) != 2 || strs[1] != "b" {
		t.Fatalf("Trim strings = %v, %v", strs, more)
	}
}

func TestManualClock(t *testing.T) {
	t.Parallel()
	loc := time.FixedZone("X", 3*3600)
	c := kernel.NewManualClock(time.Date(2026, 1, 1, 15, 0, 0, 0, loc))
	if got := c.Now(); got.Location() != time.UTC || !got.Equal(time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)) {
		t.Fatalf("Now() = %v, want 12:00 UTC", got)
	}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); c.Advance(time.Second); _ = c.Now() }()
	}
	wg.Wait()
	if got := c.Now(); !got.Equal(time.Date(2026, 1, 1, 12, 0, 50, 0, time.UTC)) {
		t.Fatalf("after 50 concurrent advances Now() = %v", got)
	}
	var sys kernel.Clock = kernel.SystemClock{}
	now := sys.Now()
	if now.Location() != time.UTC || now.Nanosecond()%1000 != 0 {
		t.Fatalf("SystemClock.Now() = %v, want UTC truncated to µs", now)
	}
}

func TestViewer(t *testing.T) {
	t.Parallel()
	guest := kernel.Viewer{}
	if guest.SignedIn() || !errors.Is(guest.RequireUser(), kernel.ErrUnauthenticated) {
		t.Fatal("guest must not be signed in")
	}
	u := kernel.Viewer{UserID: kernel.NewID()}
	if !u.SignedIn() || u.RequireUser() != nil {
		t.Fatal("user must be signed in")
	}
	if got := kernel.ViewerFrom(context.Background()); got != guest {
		t.Fatalf("ViewerFrom(empty ctx) = %+v", got)
	}
	ctx := kernel.WithViewer(context.Background(), u)
	if got := kernel.ViewerFrom(ctx); got != u {
		t.Fatalf("ViewerFrom = %+v, want %+v", got, u)
	}
}

type userRow struct {
	bun.BaseModel `bun:"table:users"`
	ID            string    `bun:"id,pk"`
	Email         string    `bun:"email"`
	DisplayName   string    `bun:"display_name"`
	PasswordHash  string    `bun:"password_hash"`
	CreatedAt     time.Time `bun:"created_at"`
}

type vendorRow struct {
	bun.BaseModel `bun:"table:vendors"`
	ID            string    `bun:"id,pk"`
	Slug          string    `bun:"slug"`
	Name          string    `bun:"name"`
	Description   string    `bun:"description"`
	CreatedAt     time.Time `bun:"created_at"`
}

type staffRow struct {
	bun.BaseModel `bun:"table:vendor_staff"`
	VendorID      string    `bun:"vendor_id,pk"`
	UserID        string    `bun:"user_id,pk"`
	Role          string    `bun:"role"`
	CreatedAt     time.Time `bun:"created_at"`
}

func TestIsUniqueViolation(t *testing.T) {
	t.Parallel()
	if kernel.IsUniqueViolation(nil) || kernel.IsUniqueViolation(errors.New("UNIQUE constraint failed")) {
		t.Fatal("non-driver errors are not unique violations")
	}
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		u := &userRow{ID: kernel.NewID(), Email: "dup@example.com", DisplayName: "D", PasswordHash: "x", CreatedAt: testkit.Epoch}
		if _, err := db.NewInsert().Model(u).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		if kernel.IsUniqueViolation(nil) {
			t.Fatal("nil is not a violation")
		}

		// UNIQUE column.
		u2 := &userRow{ID: kernel.NewID(), Email: "dup@example.com", DisplayName: "D2", PasswordHash: "x", CreatedAt: testkit.Epoch}
		_, err := db.NewInsert().Model(u2).Exec(ctx)
		if err == nil || !kernel.IsUniqueViolation(err) {
			t.Fatalf("duplicate email: IsUniqueViolation(%v) = false", err)
		}
		if !kernel.IsUniqueViolation(fmt.Errorf("wrapped: %w", err)) {
			t.Fatal("a wrapped unique violation must still be recognised")
		}

		// PRIMARY KEY.
		u3 := &userRow{ID: u.ID, Email: "other@example.com", DisplayName: "D3", PasswordHash: "x", CreatedAt: testkit.Epoch}
		if _, err := db.NewInsert().Model(u3).Exec(ctx); !kernel.IsUniqueViolation(err) {
			t.Fatalf("duplicate primary key: IsUniqueViolation(%v) = false", err)
		}

		// Composite primary key.
		vd := &vendorRow{ID: kernel.NewID(), Slug: "acme", Name: "Acme", CreatedAt: testkit.Epoch}
		if _, err := db.NewInsert().Model(vd).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		st := &staffRow{VendorID: vd.ID, UserID: u.ID, Role: "OWNER", CreatedAt: testkit.Epoch}
		if _, err := db.NewInsert().Model(st).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		st.Role = "STAFF"
		if _, err := db.NewInsert().Model(st).Exec(ctx); !kernel.IsUniqueViolation(err) {
			t.Fatalf("duplicate staff: IsUniqueViolation(%v) = false", err)
		}

		// Other constraint failures are not unique violations.
		bad := &staffRow{VendorID: vd.ID, UserID: kernel.NewID(), Role: "STAFF", CreatedAt: testkit.Epoch}
		_, err = db.NewInsert().Model(bad).Exec(ctx)
		if err == nil || kernel.IsUniqueViolation(err) {
			t.Fatalf("foreign key failure: err=%v, IsUniqueViolation must be false", err)
		}
		badRole := &staffRow{VendorID: vd.ID, UserID: u.ID + "x", Role: "KING", CreatedAt: testkit.Epoch}
		_, err = db.NewInsert().Model(badRole).Exec(ctx)
		if err == nil || kernel.IsUniqueViolation(err) {
			t.Fatalf("check failure: err=%v, IsUniqueViolation must be false", err)
		}
		upper := &userRow{ID: kernel.NewID(), Email: "UPPER@example.com", DisplayName: "U", PasswordHash: "x", CreatedAt: testkit.Epoch}
		_, err = db.NewInsert().Model(upper).Exec(ctx)
		if err == nil || kernel.IsUniqueViolation(err) {
			t.Fatalf("lower-case email check: err=%v, IsUniqueViolation must be false", err)
		}
		_, err = db.NewSelect().Table("no_such_table").Exec(ctx)
		if err == nil || kernel.IsUniqueViolation(err) {
			t.Fatalf("syntax error: err=%v, IsUniqueViolation must be false", err)
		}
	})
}
