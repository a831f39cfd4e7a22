package kernel

import (
	"strings"

	"github.com/google/uuid"
)

// NewID returns a new UUIDv7 string: unique, opaque to clients and ordered by
// creation time, which lets lists page by id.
func NewID() string {
	return uuid.Must(uuid.NewV7()).String()
}

// ValidID reports whether s is a well-formed id: a canonical, lower-case
// UUID, as NewID makes them (ids compare as text, so case matters).
func ValidID(s string) bool {
	if len(s) != 36 || strings.ToLower(s) != s {
		return false
	}
	_, err := uuid.Parse(s)
	return err == nil
}

// CheckID adds an INVALID error to v when id is malformed and REQUIRED when empty.
func CheckID(v *Validator, field []string, id string) {
	switch {
	case id == "":
		v.Add(CodeRequired, field, "is required")
	case !ValidID(id):
		v.Add(CodeInvalid, field, "is not a valid id")
	}
}
