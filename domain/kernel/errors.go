package kernel

import (
	"errors"
	"fmt"
	"strings"
)

// Code classifies an expected failure. The values are the GraphQL ErrorCode enum
// names, so the transport can pass them through unchanged.
type Code string

const (
	CodeInvalid             Code = "INVALID"
	CodeRequired            Code = "REQUIRED"
	CodeTooLong             Code = "TOO_LONG"
	CodeNotFound            Code = "NOT_FOUND"
	CodeForbidden           Code = "FORBIDDEN"
	CodeAlreadyExists       Code = "ALREADY_EXISTS"
	CodeConflict            Code = "CONFLICT"
	CodeInvalidState        Code = "INVALID_STATE"
	CodeOutOfStock          Code = "OUT_OF_STOCK"
	CodeLimitExceeded       Code = "LIMIT_EXCEEDED"
	CodePaymentDeclined     Code = "PAYMENT_DECLINED"
	CodeIdempotencyMismatch Code = "IDEMPOTENCY_MISMATCH"
	CodeUnauthenticated     Code = "UNAUTHENTICATED"
	CodeSearchUnavailable   Code = "SEARCH_UNAVAILABLE"
)

// Sentinels for the failures that are not tied to one input field.
var (
	ErrUnauthenticated = errors.New("authentication required")
	ErrForbidden       = errors.New("not allowed")
	ErrNotFound        = errors.New("not found")
)

// FieldError is one expected, user-facing failure: a code, the input path it
// concerns (may be empty) and a message safe to show to the user.
type FieldError struct {
	Code    Code
	Field   []string
	Message string
}

func (e FieldError) Error() string {
	if len(e.Field) == 0 {
		return fmt.Sprintf("%s: %s", e.Code, e.Message)
	}
	return fmt.Sprintf("%s: %s: %s", strings.Join(e.Field, "."), e.Code, e.Message)
}

// ValidationError carries every FieldError found in one request, so clients can
// show all of them at once. It is the error domain services return for bad input.
type ValidationError struct {
	Errors []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		parts[i] = fe.Error()
	}
	return "validation failed: " + strings.Join(parts, "; ")
}

// Is lets errors.Is(err, ErrForbidden) and friends see through a ValidationError
// whose first error carries the matching code.
func (e *ValidationError) Is(target error) bool {
	if len(e.Errors) == 0 {
		return false
	}
	switch target {
	case ErrForbidden:
		return e.Errors[0].Code == CodeForbidden
	case ErrNotFound:
		return e.Errors[0].Code == CodeNotFound
	case ErrUnauthenticated:
		return e.Errors[0].Code == CodeUnauthenticated
	}
	return false
}

// Fail returns a ValidationError with one FieldError.
func Fail(code Code, field []string, format string, args ...any) *ValidationError {
	return &ValidationError{Errors: []FieldError{{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}}}
}

// Field builds an input path: Field("input", "title").
func Field(path ...string) []string { return path }

// Validator collects field errors; Err returns nil when none were added.
type Validator struct {
	errs []FieldError
}

// Add records a failure.
func (v *Validator) Add(code Code, field []string, format string, args ...any) {
	v.errs = append(v.errs, FieldError{Code: code, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Check records a failure when ok is false.
func (v *Validator) Check(ok bool, code Code, field []string, format string, args ...any) {
	if !ok {
		v.Add(code, field, format, args...)
	}
}

// Err returns the collected failures as a *ValidationError, or nil.
func (v *Validator) Err() error {
	if len(v.errs) == 0 {
		return nil
	}
	return &ValidationError{Errors: v.errs}
}

// AsFieldErrors turns any error into the user errors it stands for, or reports
// false when err is not an expected failure (an internal error to be hidden).
func AsFieldErrors(err error) ([]FieldError, bool) {
	var ve *ValidationError
	switch {
	case err == nil:
		return nil, true
	case errors.As(err, &ve):
		return ve.Errors, true
	case errors.Is(err, ErrUnauthenticated):
		return []FieldError{{Code: CodeUnauthenticated, Message: "sign in to do this"}}, true
	case errors.Is(err, ErrForbidden):
		return []FieldError{{Code: CodeForbidden, Message: "you are not allowed to do this"}}, true
	case errors.Is(err, ErrNotFound):
		return []FieldError{{Code: CodeNotFound, Message: "not found"}}, true
	}
	return nil, false
}

// IsUniqueViolation reports whether err is a unique-constraint violation from
// PostgreSQL (SQLSTATE 23505) or SQLite (extended codes 2067, 1555), without
// importing either driver.
func IsUniqueViolation(err error) bool {
	var pg interface{ Field(byte) string }
	if errors.As(err, &pg) && pg.Field('C') == "23505" {
		return true
	}
	var lite interface{ Code() int }
	if errors.As(err, &lite) {
		c := lite.Code()
		return c == 2067 || c == 1555
	}
	return false
}
