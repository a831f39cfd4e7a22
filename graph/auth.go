package graph

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/livemarket/livemarket/domain/kernel"
)

// authenticate reads "Authorization: Bearer <token>" and puts the viewer in
// the request context. No header means a guest; a token that is unknown,
// revoked or expired is refused with 401 and UNAUTHENTICATED, so clients know
// to sign in again rather than silently acting as guests.
func authenticate(authn Authenticator, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if h == "" {
			next.ServeHTTP(w, r)
			return
		}
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			writeError(w, http.StatusUnauthorized, string(kernel.CodeUnauthenticated), "the Authorization header must be 'Bearer <token>'")
			return
		}
		v, err := authn.Authenticate(r.Context(), strings.TrimSpace(tok))
		if errors.Is(err, kernel.ErrUnauthenticated) {
			writeError(w, http.StatusUnauthorized, string(kernel.CodeUnauthenticated), "invalid or expired token")
			return
		}
		if err != nil {
			writeError(w, http.StatusServiceUnavailable, "INTERNAL", "could not check the token; try again")
			return
		}
		next.ServeHTTP(w, r.WithContext(kernel.WithViewer(r.Context(), v)))
	})
}

// writeError answers with a GraphQL-shaped error body.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": msg, "extensions": map[string]any{"code": code}}},
	})
}
