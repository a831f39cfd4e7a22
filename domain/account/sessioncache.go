package account

import (
	"sync"
	"time"

	"github.com/livemarket/livemarket/domain/kernel"
)

// maxCachedSessions bounds the session cache; past it the cache starts over.
const maxCachedSessions = 200_000

// sessionCache remembers, for a short time, which viewer a token hash
// stands for, so that a burst of requests (a flash sale: every viewer of a
// show presses "buy" within a second) does not put one session query per
// request in front of the database. A sign-out in this process forgets the
// session at once; another process forgets it within the cache's lifetime.
type sessionCache struct {
	ttl time.Duration

	mu        sync.Mutex
	byHash    map[string]cachedSession
	bySession map[string]string // session id → token hash
	// signedOut: sessions forgotten in this process, and until when put
	// refuses them. A request that read its session just before the
	// sign-out committed must not cache it after the sign-out forgot it.
	signedOut map[string]time.Time
}

type cachedSession struct {
	viewer kernel.Viewer
	until  time.Time
}

func newSessionCache(ttl time.Duration) *sessionCache {
	return &sessionCache{ttl: ttl, byHash: map[string]cachedSession{}, bySession: map[string]string{}, signedOut: map[string]time.Time{}}
}

func (c *sessionCache) get(hash string, now time.Time) (kernel.Viewer, bool) {
	if c.ttl <= 0 {
		return kernel.Viewer{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byHash[hash]
	if !ok {
		return kernel.Viewer{}, false
	}
	if !now.Before(e.until) {
		delete(c.byHash, hash)
		delete(c.bySession, e.viewer.SessionID)
		return kernel.Viewer{}, false
	}
	return e.viewer, true
}

// put remembers v until the cache's lifetime or the session's expiry,
// whichever comes first.
func (c *sessionCache) put(hash string, v kernel.Viewer, now, expires time.Time) {
	if c.ttl <= 0 {
		return
	}
	until := now.Add(c.ttl)
	if expires.Before(until) {
		until = expires
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if refused, ok := c.signedOut[v.SessionID]; ok && now.Before(refused) {
		return
	}
	if len(c.byHash) >= maxCachedSessions {
		c.byHash, c.bySession = map[string]cachedSession{}, map[string]string{}
	}
	c.byHash[hash] = cachedSession{viewer: v, until: until}
	c.bySession[v.SessionID] = hash
}

// forget drops a signed-out session, and refuses to cache it again for the
// cache's lifetime. (A request that read the session before the sign-out
// committed and then stalled longer than that could still cache it, for at
// most one lifetime: what another process may do anyway.)
func (c *sessionCache) forget(sessionID string, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if h, ok := c.bySession[sessionID]; ok {
		delete(c.byHash, h)
		delete(c.bySession, sessionID)
	}
	if c.ttl <= 0 {
		return
	}
	if len(c.signedOut) >= maxCachedSessions {
		for id, until := range c.signedOut {
			if !now.Before(until) {
				delete(c.signedOut, id)
			}
		}
	}
	c.signedOut[sessionID] = now.Add(c.ttl)
}
