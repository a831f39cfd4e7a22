package kernel

import (
	"strings"
	"unicode"
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
	case strings.IndexFunc(s, isForbiddenControl) >= 0:
		v.Add(CodeInvalid, field, "must not contain control characters")
	}
	return s
}

// isForbiddenControl is true for control characters other than tab and line
// breaks (NUL can not even be stored in PostgreSQL text).
func isForbiddenControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}
