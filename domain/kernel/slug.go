package kernel

import (
	"net/url"
	"regexp"
	"strings"
)

var slugRe = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// CheckSlug lower-cases and trims s and checks it is a URL slug of 2..max
// characters (letters, digits, single hyphens between them).
func CheckSlug(v *Validator, field []string, s string, max int) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		v.Add(CodeRequired, field, "is required")
	case len(s) > max:
		v.Add(CodeTooLong, field, "must be at most %d characters", max)
	case len(s) < 2 || !slugRe.MatchString(s):
		v.Add(CodeInvalid, field, "must be 2-%d lower-case letters, digits and single hyphens", max)
	}
	return s
}

// MaxURLLen bounds any URL the API stores.
const MaxURLLen = 2048

// CheckURL checks s is an absolute http(s) URL.
func CheckURL(v *Validator, field []string, s string) string {
	s = strings.TrimSpace(s)
	if len(s) > MaxURLLen {
		v.Add(CodeTooLong, field, "must be at most %d characters", MaxURLLen)
		return s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.Add(CodeInvalid, field, "must be an absolute http or https URL")
	}
	return s
}
