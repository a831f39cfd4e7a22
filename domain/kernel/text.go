package kernel

import (
	"strings"
	"unicode/utf8"
)

// CheckText trims s, then checks it is present (when required) and at most max
// characters. It returns the trimmed value.
func CheckText(v *Validator, field []string, s string, required bool, max int) string {
	s = strings.TrimSpace(s)
	switch {
	case s == "" && required:
		v.Add(CodeRequired, field, "is required")
	case utf8.RuneCountInString(s) > max:
		v.Add(CodeTooLong, field, "must be at most %d characters", max)
	case !utf8.ValidString(s):
		v.Add(CodeInvalid, field, "is not valid UTF-8")
	}
	return s
}
