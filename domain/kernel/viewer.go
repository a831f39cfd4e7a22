package kernel

import "context"

// Viewer is who is acting: a signed-in user (possibly an admin) or a guest
// (zero value). Domain services take it explicitly.
type Viewer struct {
	UserID  string
	IsAdmin bool
	// SessionID is the session whose token authenticated this request.
	SessionID string
}

// SignedIn reports whether the viewer is a user rather than a guest.
func (v Viewer) SignedIn() bool { return v.UserID != "" }

// RequireUser returns ErrUnauthenticated for guests.
func (v Viewer) RequireUser() error {
	if !v.SignedIn() {
		return ErrUnauthenticated
	}
	return nil
}

type viewerKey struct{}

// WithViewer stores the viewer in ctx; the HTTP edge does this once per request.
func WithViewer(ctx context.Context, v Viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// ViewerFrom returns the viewer stored in ctx, or a guest.
func ViewerFrom(ctx context.Context) Viewer {
	v, _ := ctx.Value(viewerKey{}).(Viewer)
	return v
}
