package account

import (
	"testing"
	"time"

	"github.com/livemarket/livemarket/domain/kernel"
)

// TestSignedOutSessionsAreNotCachedAgain: a request that read its session
// before the sign-out committed, and caches it after the sign-out forgot
// it, does not bring it back in this process; other sessions cache as
// before, and a cache of lifetime 0 caches nothing.
func TestSignedOutSessionsAreNotCachedAgain(t *testing.T) {
	t0 := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	expires := t0.Add(time.Hour)
	out := kernel.Viewer{UserID: "u1", SessionID: "s-out"}
	other := kernel.Viewer{UserID: "u1", SessionID: "s-other"}
	for _, tc := range []struct {
		name    string
		ttl     time.Duration
		putAt   time.Duration // after the sign-out
		who     kernel.Viewer
		wantHit bool
	}{
		{"the signed-out session, cached late", 10 * time.Second, time.Second, out, false},
		{"another session of the same user", 10 * time.Second, time.Second, other, true},
		{"no cache", 0, time.Second, other, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newSessionCache(tc.ttl)
			c.put("hash-"+out.SessionID, out, t0, expires)
			c.forget(out.SessionID, t0)
			c.put("hash-"+tc.who.SessionID, tc.who, t0.Add(tc.putAt), expires)
			if _, hit := c.get("hash-"+tc.who.SessionID, t0.Add(tc.putAt)); hit != tc.wantHit {
				t.Fatalf("cached %v, want %v", hit, tc.wantHit)
			}
		})
	}
}
