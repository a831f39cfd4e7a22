package kernel

import (
	"github.com/google/uuid"
)

// NewID returns a new UUIDv7 string: unique, opaque to clients and ordered by
// creation time, which lets lists page by id.
func NewID() string {
	return uuid.Must(uuid.NewV7()).String()
}

// ValidID reports whether s is a well-formed id (a canonical UUID).
func ValidID(s string) bool {
	if len(s) != 36 {
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
