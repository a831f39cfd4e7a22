// Package kernel is the shared kernel of Livemarket's domain: the few types that
// every bounded context speaks — the acting Viewer, typed errors, Money, IDs,
// the clock and cursor pagination. It has no dependencies on transport or storage.
package kernel
