package graph_test

import (
	"testing"

	"github.com/livemarket/livemarket/internal/testkit"
)

// userError is a UserError as clients receive it.
type userError struct {
	Code    string
	Field   []string
	Message string
}

const createVendor = `mutation($in: VendorCreateInput!){ vendorCreate(input:$in){ vendor{ id } errors{ code field message } } }`

const createProduct = `mutation($in: ProductCreateInput!){ productCreate(input:$in){ product{ id stock } errors{ code field message } } }`

// newVendor creates a vendor owned by token's user and returns its id.
func newVendor(t *testing.T, s *testkit.Server, token, slug string) string {
	t.Helper()
	var out struct {
		VendorCreate struct {
			Vendor *struct{ ID string }
			Errors []userError
		}
	}
	s.MustDo(t, token, createVendor, map[string]any{"in": map[string]any{"name": "Vendor " + slug, "slug": slug}}, &out)
	if out.VendorCreate.Vendor == nil {
		t.Fatalf("vendorCreate %s: %+v", slug, out.VendorCreate.Errors)
	}
	return out.VendorCreate.Vendor.ID
}

// newProduct creates a product with the given stock and returns its id.
func newProduct(t *testing.T, s *testkit.Server, token, vendorID, sku string, stock int) string {
	t.Helper()
	var out struct {
		ProductCreate struct {
			Product *struct{ ID string }
			Errors  []userError
		}
	}
	s.MustDo(t, token, createProduct, map[string]any{"in": productInput(vendorID, sku, stock)}, &out)
	if out.ProductCreate.Product == nil {
		t.Fatalf("productCreate %s: %+v", sku, out.ProductCreate.Errors)
	}
	return out.ProductCreate.Product.ID
}

func productInput(vendorID, sku string, stock int) map[string]any {
	return map[string]any{"vendorId": vendorID, "title": "Product " + sku, "category": "beauty", "sku": sku,
		"price": map[string]any{"amountMinor": 1999, "currency": "USD"}, "stock": stock}
}

// with returns a copy of m with k set to v.
func with(m map[string]any, k string, v any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for kk, vv := range m {
		out[kk] = vv
	}
	out[k] = v
	return out
}

// payloadErrors digs data.<field>.errors out of a mutation response.
func payloadErrors(t *testing.T, r *testkit.Response, field string) []userError {
	t.Helper()
	var data map[string]struct{ Errors []userError }
	r.Decode(t, &data)
	return data[field].Errors
}
