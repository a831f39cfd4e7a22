package graph_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/internal/testkit"
)

// TestBadInputIsTypedAndChangesNothing sends malformed input to every kind of
// mutation and query and checks the typed error and that the database is
// byte-for-byte unchanged.
func TestBadInputIsTypedAndChangesNothing(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		owner, _ := s.SignUp(t, "owner@example.com", "Owner")
		vendorID := newVendor(t, s, owner, "taken-slug")
		productID := newProduct(t, s, owner, vendorID, "SKU-1", 7)
		inf, _ := s.SignUp(t, "host@example.com", "Host")
		var ip struct{ InfluencerProfileCreate struct{ Errors []userError } }
		s.MustDo(t, inf, `mutation{ influencerProfileCreate(input:{handle:"taken", displayName:"Host"}){ errors{ code field message } } }`, nil, &ip)
		if len(ip.InfluencerProfileCreate.Errors) > 0 {
			t.Fatalf("profile: %+v", ip.InfluencerProfileCreate.Errors)
		}
		shopper, _ := s.SignUp(t, "shopper@example.com", "Shopper")
		before := testkit.Snapshot(t, db)

		base := productInput(vendorID, "SKU-2", 1)
		money := func(amount int64, cur string) map[string]any {
			return map[string]any{"amountMinor": amount, "currency": cur}
		}
		mutations := []struct {
			name, token, field, query string
			vars                      map[string]any
			code                      string
			path                      []string
		}{
			{"empty title", owner, "productCreate", createProduct, map[string]any{"in": with(base, "title", "   ")}, "REQUIRED", []string{"input", "title"}},
			{"10k title", owner, "productCreate", createProduct, map[string]any{"in": with(base, "title", strings.Repeat("x", 10000))}, "TOO_LONG", []string{"input", "title"}},
			{"zero price", owner, "productCreate", createProduct, map[string]any{"in": with(base, "price", money(0, "USD"))}, "INVALID", []string{"input", "price", "amountMinor"}},
			{"negative price", owner, "productCreate", createProduct, map[string]any{"in": with(base, "price", money(-100, "USD"))}, "INVALID", []string{"input", "price", "amountMinor"}},
			{"unknown currency", owner, "productCreate", createProduct, map[string]any{"in": with(base, "price", money(100, "XYZ"))}, "INVALID", []string{"input", "price", "currency"}},
			{"lower-case currency", owner, "productCreate", createProduct, map[string]any{"in": with(base, "price", money(100, "usd"))}, "INVALID", []string{"input", "price", "currency"}},
			{"negative stock", owner, "productCreate", createProduct, map[string]any{"in": with(base, "stock", -1)}, "INVALID", []string{"input", "stock"}},
			{"malformed vendor id", owner, "productCreate", createProduct, map[string]any{"in": with(base, "vendorId", "vendor-1")}, "INVALID", []string{"input", "vendorId"}},
			{"unknown vendor id", owner, "productCreate", createProduct, map[string]any{"in": with(base, "vendorId", "01900000-0000-7000-8000-000000000000")}, "FORBIDDEN", nil},
			{"duplicate sku", owner, "productCreate", createProduct, map[string]any{"in": with(base, "sku", "SKU-1")}, "ALREADY_EXISTS", []string{"input", "sku"}},
			{"bad image url", owner, "productCreate", createProduct, map[string]any{"in": with(base, "imageUrls", []string{"javascript:alert(1)"})}, "INVALID", []string{"input", "imageUrls", "0"}},
			{"stock below zero", owner, "productStockAdjust", `mutation($id: ID!){ productStockAdjust(input:{id:$id, delta:-8}){ product{ id } errors{ code field message } } }`,
				map[string]any{"id": productID}, "INVALID", []string{"input", "delta"}},
			{"zero delta", owner, "productStockAdjust", `mutation($id: ID!){ productStockAdjust(input:{id:$id, delta:0}){ product{ id } errors{ code field message } } }`,
				map[string]any{"id": productID}, "INVALID", []string{"input", "delta"}},
			{"malformed product id", owner, "productUpdate", `mutation{ productUpdate(input:{id:"42", title:"x"}){ product{ id } errors{ code field message } } }`,
				nil, "INVALID", []string{"input", "id"}},
			{"unknown product id", owner, "productArchive", `mutation{ productArchive(input:{id:"01900000-0000-7000-8000-000000000000"}){ product{ id } errors{ code field message } } }`,
				nil, "NOT_FOUND", []string{"input", "id"}},
			{"update empty title", owner, "productUpdate", `mutation($id: ID!){ productUpdate(input:{id:$id, title:""}){ product{ id } errors{ code field message } } }`,
				map[string]any{"id": productID}, "REQUIRED", []string{"input", "title"}},
			{"duplicate slug", shopper, "vendorCreate", createVendor, map[string]any{"in": map[string]any{"name": "Copycat", "slug": "TAKEN-slug"}}, "ALREADY_EXISTS", []string{"input", "slug"}},
			{"bad slug", shopper, "vendorCreate", createVendor, map[string]any{"in": map[string]any{"name": "Bad", "slug": "no spaces!"}}, "INVALID", []string{"input", "slug"}},
			{"duplicate handle", shopper, "influencerProfileCreate", `mutation{ influencerProfileCreate(input:{handle:"@Taken", displayName:"Copy"}){ influencer{ id } errors{ code field message } } }`,
				nil, "ALREADY_EXISTS", []string{"input", "handle"}},
			{"duplicate email", "", "signUp", `mutation{ signUp(input:{email:"OWNER@example.com", password:"long enough pw", displayName:"Again"}){ token errors{ code field message } } }`,
				nil, "ALREADY_EXISTS", []string{"input", "email"}},
			{"bad email", "", "signUp", `mutation{ signUp(input:{email:"not-an-email", password:"long enough pw", displayName:"X"}){ token errors{ code field message } } }`,
				nil, "INVALID", []string{"input", "email"}},
			{"short password", "", "signUp", `mutation{ signUp(input:{email:"new@example.com", password:"short", displayName:"X"}){ token errors{ code field message } } }`,
				nil, "INVALID", []string{"input", "password"}},
			{"malformed influencer id", shopper, "influencerFollow", `mutation{ influencerFollow(input:{influencerId:"abc"}){ influencer{ id } errors{ code field message } } }`,
				nil, "INVALID", []string{"input", "influencerId"}},
			{"unknown staff email", owner, "vendorStaffAdd", `mutation($v: ID!){ vendorStaffAdd(input:{vendorId:$v, email:"nobody@example.com"}){ vendor{ id } errors{ code field message } } }`,
				map[string]any{"v": vendorID}, "NOT_FOUND", []string{"input", "email"}},
		}
		for _, c := range mutations {
			t.Run(c.name, func(t *testing.T) {
				r := s.Do(t, c.token, c.query, c.vars)
				if len(r.Errors) > 0 {
					t.Fatalf("top-level errors: %+v", r.Errors)
				}
				errs := payloadErrors(t, r, c.field)
				if len(errs) == 0 || errs[0].Code != c.code || !reflect.DeepEqual(errs[0].Field, c.path) || errs[0].Message == "" {
					t.Fatalf("errors = %+v, want %s at %v", errs, c.code, c.path)
				}
				var data map[string]map[string]any
				r.Decode(t, &data)
				for k, v := range data[c.field] {
					if k != "errors" && v != nil {
						t.Fatalf("payload %s = %v, want null on failure", k, v)
					}
				}
			})
		}

		queries := []struct {
			name, query string
			code        string
			field       []any
		}{
			{"first too large", `{ products(first: 100000){ totalCount } }`, "INVALID", []any{"first"}},
			{"negative first", `{ products(first: -1){ totalCount } }`, "INVALID", []any{"first"}},
			{"garbage cursor", `{ products(after: "not-a-cursor"){ totalCount } }`, "INVALID", []any{"after"}},
			{"malformed product id", `{ product(id: "1 OR 1=1"){ id } }`, "INVALID", []any{"id"}},
			{"malformed vendor id", `{ vendor(id: "x"){ id } }`, "INVALID", []any{"id"}},
			{"vendor page too large", `{ vendor(slug: "taken-slug"){ products(first: 101){ totalCount } } }`, "INVALID", []any{"first"}},
		}
		for _, c := range queries {
			t.Run(c.name, func(t *testing.T) {
				r := s.Do(t, "", c.query, nil)
				if len(r.Errors) != 1 || r.Errors[0].Code() != c.code || !reflect.DeepEqual(r.Errors[0].Extensions["field"], c.field) {
					t.Fatalf("errors = %+v, want %s at %v", r.Errors, c.code, c.field)
				}
			})
		}
		// A well-formed id that matches nothing is simply null.
		var out struct{ Product *struct{ ID string } }
		s.MustDo(t, "", `{ product(id: "01900000-0000-7000-8000-000000000000"){ id } }`, nil, &out)
		if out.Product != nil {
			t.Fatalf("unknown product = %+v", out.Product)
		}

		if after := testkit.Snapshot(t, db); after != before {
			t.Fatalf("bad input changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
		}
	})
}

// TestSignInDoesNotRevealAccountsAndIsThrottled checks that a wrong password
// and an unknown email give the same answer, and that repeated failures lock
// the email out for the window, whether or not the account exists.
func TestSignInDoesNotRevealAccountsAndIsThrottled(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		s.SignUp(t, "real@example.com", "Real")
		const q = `mutation($e: String!, $p: String!){ signIn(input:{email:$e, password:$p}){ token user{ id } errors{ code field message } } }`
		signIn := func(email, pw string) (string, []userError) {
			var out struct {
				SignIn struct {
					Token  *string
					Errors []userError
				}
			}
			s.MustDo(t, "", q, map[string]any{"e": email, "p": pw}, &out)
			tok := ""
			if out.SignIn.Token != nil {
				tok = *out.SignIn.Token
			}
			return tok, out.SignIn.Errors
		}
		_, wrong := signIn("real@example.com", "wrong password")
		_, unknown := signIn("ghost@example.com", "wrong password")
		if len(wrong) != 1 || !reflect.DeepEqual(wrong, unknown) {
			t.Fatalf("wrong password %+v vs unknown email %+v: must be identical", wrong, unknown)
		}
		for i := 0; i < 4; i++ { // 5 failures in all
			signIn("real@example.com", "wrong password")
			signIn("ghost@example.com", "wrong password")
		}
		for _, email := range []string{"real@example.com", "ghost@example.com"} {
			tok, errs := signIn(email, testkit.Password)
			if tok != "" || len(errs) != 1 || errs[0].Code != "LIMIT_EXCEEDED" {
				t.Fatalf("%s after 5 failures: token %q errors %+v", email, tok, errs)
			}
		}
		s.Clock.Advance(16 * 60 * 1e9) // past the 15-minute window
		if tok, errs := signIn("real@example.com", testkit.Password); tok == "" {
			t.Fatalf("after the window: %+v", errs)
		}
	})
}
