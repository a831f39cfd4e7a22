package graph

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"

	"github.com/livemarket/livemarket/domain/kernel"
)

// PayoutExporter writes the payouts waiting for a bank transfer as CSV; the
// payout service implements it.
type PayoutExporter interface {
	ExportCSV(ctx context.Context, viewer kernel.Viewer, w io.Writer, all bool) error
}

// PayoutsCSV serves GET /payouts.csv to admins (Authorization: Bearer
// <token>): the manual provider's PENDING payouts not exported before, for
// the bank (they are marked exported); ?all=1 lists every PENDING one.
func PayoutsCSV(authn Authenticator, payouts PayoutExporter) http.Handler {
	return authenticate(authn, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		all := r.URL.Query().Get("all")
		err := payouts.ExportCSV(r.Context(), kernel.ViewerFrom(r.Context()), &buf, all == "1" || all == "true")
		switch {
		case errors.Is(err, kernel.ErrUnauthenticated):
			writeError(w, http.StatusUnauthorized, string(kernel.CodeUnauthenticated), "sign in as an administrator")
		case errors.Is(err, kernel.ErrForbidden):
			writeError(w, http.StatusForbidden, string(kernel.CodeForbidden), "administrators only")
		case err != nil:
			writeError(w, http.StatusInternalServerError, "INTERNAL", "could not export the payouts")
		default:
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.Header().Set("Content-Disposition", `attachment; filename="payouts.csv"`)
			_, _ = w.Write(buf.Bytes())
		}
	}))
}
