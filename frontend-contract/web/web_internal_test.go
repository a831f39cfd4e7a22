package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHandlerRoutesAndHeaders: the app's files, client routes answered
// with index.html, missing assets as 404, only GET and HEAD, and the
// security headers on every answer.
func TestHandlerRoutesAndHeaders(t *testing.T) {
	t.Parallel()
	h := Handler()
	cases := []struct {
		method, path string
		status       int
		body         string // a part of the body, "" for any
	}{
		{http.MethodGet, "/", http.StatusOK, "<!doctype html>"},
		{http.MethodGet, "/shows/some-id", http.StatusOK, "<!doctype html>"},
		{http.MethodGet, "/vendor/x/live", http.StatusOK, "<!doctype html>"},
		{http.MethodGet, "/missing.js", http.StatusNotFound, ""},
		{http.MethodHead, "/", http.StatusOK, ""},
		{http.MethodPost, "/", http.StatusMethodNotAllowed, ""},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
		if rec.Code != c.status || !strings.Contains(strings.ToLower(rec.Body.String()), c.body) {
			t.Errorf("%s %s = %d %.80q, want %d with %q", c.method, c.path, rec.Code, rec.Body.String(), c.status, c.body)
		}
		hd := rec.Header()
		if hd.Get("X-Frame-Options") != "DENY" || hd.Get("X-Content-Type-Options") != "nosniff" ||
			!strings.Contains(hd.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("%s %s: security headers %v", c.method, c.path, hd)
		}
	}
}
