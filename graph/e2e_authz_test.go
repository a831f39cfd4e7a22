package graph_test

import (
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/internal/testkit"
)

func TestAnonymousMutationsAreRefused(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		owner, _ := s.SignUp(t, "owner@example.com", "Owner")
		vendorID := newVendor(t, s, owner, "acme")
		productID := newProduct(t, s, owner, vendorID, "A-1", 5)
		before := testkit.Snapshot(t, db)

		cases := []struct {
			name, query string
			vars        map[string]any
		}{
			{"signOut", `mutation{ signOut{ ok } }`, nil},
			{"vendorCreate", createVendor, map[string]any{"in": map[string]any{"name": "X", "slug": "x-co"}}},
			{"vendorStaffAdd", `mutation($in: VendorStaffAddInput!){ vendorStaffAdd(input:$in){ vendor{ id } } }`,
				map[string]any{"in": map[string]any{"vendorId": vendorID, "email": "owner@example.com"}}},
			{"influencerProfileCreate", `mutation{ influencerProfileCreate(input:{handle:"anon", displayName:"Anon"}){ influencer{ id } } }`, nil},
			{"productCreate", createProduct, map[string]any{"in": productInput(vendorID, "A-2", 1)}},
			{"productUpdate", `mutation($id: ID!){ productUpdate(input:{id:$id, title:"Hacked"}){ product{ id } } }`, map[string]any{"id": productID}},
			{"productStockAdjust", `mutation($id: ID!){ productStockAdjust(input:{id:$id, delta:-5}){ product{ id } } }`, map[string]any{"id": productID}},
			{"productArchive", `mutation($id: ID!){ productArchive(input:{id:$id}){ product{ id } } }`, map[string]any{"id": productID}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := s.Do(t, "", c.query, c.vars)
				if len(r.Errors) != 1 || r.Errors[0].Code() != "UNAUTHENTICATED" {
					t.Fatalf("errors = %+v, want one UNAUTHENTICATED", r.Errors)
				}
			})
		}
		if after := testkit.Snapshot(t, db); after != before {
			t.Fatalf("anonymous mutations changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
		}
	})
}

func TestStaffCannotTouchAnotherVendorsProducts(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		ownerA, _ := s.SignUp(t, "a@example.com", "Owner A")
		ownerB, _ := s.SignUp(t, "b@example.com", "Owner B")
		staffA, _ := s.SignUp(t, "staff-a@example.com", "Staff A")
		vendorA := newVendor(t, s, ownerA, "vendor-a")
		vendorB := newVendor(t, s, ownerB, "vendor-b")
		var add struct {
			VendorStaffAdd struct{ Errors []userError }
		}
		s.MustDo(t, ownerA, `mutation($in: VendorStaffAddInput!){ vendorStaffAdd(input:$in){ errors{ code field message } } }`,
			map[string]any{"in": map[string]any{"vendorId": vendorA, "email": "staff-a@example.com"}}, &add)
		if len(add.VendorStaffAdd.Errors) > 0 {
			t.Fatalf("vendorStaffAdd: %+v", add.VendorStaffAdd.Errors)
		}
		productA := newProduct(t, s, staffA, vendorA, "A-1", 3) // staff may manage their own vendor
		productB := newProduct(t, s, ownerB, vendorB, "B-1", 3)
		before := testkit.Snapshot(t, db)

		for _, who := range []struct{ name, token string }{{"staff", staffA}, {"owner", ownerA}} {
			for _, c := range []struct{ field, query string }{
				{"productUpdate", `mutation($id: ID!){ productUpdate(input:{id:$id, title:"Mine now"}){ product{ id } errors{ code field message } } }`},
				{"productStockAdjust", `mutation($id: ID!){ productStockAdjust(input:{id:$id, delta:-3}){ product{ id } errors{ code field message } } }`},
				{"productArchive", `mutation($id: ID!){ productArchive(input:{id:$id}){ product{ id } errors{ code field message } } }`},
			} {
				t.Run(who.name+"/"+c.field, func(t *testing.T) {
					r := s.Do(t, who.token, c.query, map[string]any{"id": productB})
					if len(r.Errors) > 0 {
						t.Fatalf("top-level errors: %+v", r.Errors)
					}
					errs := payloadErrors(t, r, c.field)
					if len(errs) != 1 || errs[0].Code != "FORBIDDEN" {
						t.Fatalf("errors = %+v, want FORBIDDEN", errs)
					}
				})
			}
			// Staff of A cannot create products for B either.
			r := s.Do(t, who.token, createProduct, map[string]any{"in": productInput(vendorB, "B-2", 1)})
			if errs := payloadErrors(t, r, "productCreate"); len(errs) != 1 || errs[0].Code != "FORBIDDEN" {
				t.Fatalf("%s productCreate for B: %+v", who.name, errs)
			}
		}
		// Plain staff cannot add staff; only owners (and admins) can.
		r := s.Do(t, staffA, `mutation($in: VendorStaffAddInput!){ vendorStaffAdd(input:$in){ errors{ code } } }`,
			map[string]any{"in": map[string]any{"vendorId": vendorA, "email": "b@example.com"}})
		if errs := payloadErrors(t, r, "vendorStaffAdd"); len(errs) != 1 || errs[0].Code != "FORBIDDEN" {
			t.Fatalf("staff adding staff: %+v", errs)
		}
		if after := testkit.Snapshot(t, db); after != before {
			t.Fatalf("refused mutations changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
		}

		// Their own product still works for staff A, and an admin may manage any vendor.
		var adj struct {
			ProductStockAdjust struct {
				Product struct{ Stock int }
				Errors  []userError
			}
		}
		s.MustDo(t, staffA, `mutation($id: ID!){ productStockAdjust(input:{id:$id, delta:2}){ product{ stock } errors{ code field message } } }`,
			map[string]any{"id": productA}, &adj)
		if adj.ProductStockAdjust.Product.Stock != 5 {
			t.Fatalf("own product restock: %+v", adj.ProductStockAdjust)
		}
		admin, adminID := s.SignUp(t, "root@example.com", "Root")
		s.MakeAdmin(t, adminID)
		s.MustDo(t, admin, `mutation($id: ID!){ productStockAdjust(input:{id:$id, delta:-1}){ product{ stock } errors{ code field message } } }`,
			map[string]any{"id": productB}, &adj)
		if adj.ProductStockAdjust.Product.Stock != 2 || len(adj.ProductStockAdjust.Errors) > 0 {
			t.Fatalf("admin restock: %+v", adj.ProductStockAdjust)
		}
	})
}

func TestUserEmailIsPrivate(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		owner, ownerID := s.SignUp(t, "owner@example.com", "Owner")
		staff, staffID := s.SignUp(t, "staff@example.com", "Staff")
		stranger, _ := s.SignUp(t, "stranger@example.com", "Stranger")
		admin, adminID := s.SignUp(t, "admin@example.com", "Admin")
		s.MakeAdmin(t, adminID)
		vendorID := newVendor(t, s, owner, "private-co")
		s.MustDo(t, owner, `mutation($in: VendorStaffAddInput!){ vendorStaffAdd(input:$in){ errors{ code } } }`,
			map[string]any{"in": map[string]any{"vendorId": vendorID, "email": "staff@example.com"}}, nil)

		const q = `query($id: ID){ vendor(id:$id){ staff{ role user{ id email displayName } } } }`
		type member struct {
			Role string
			User struct {
				ID, DisplayName string
				Email           *string
			}
		}
		emails := func(token string) map[string]*string {
			var out struct{ Vendor struct{ Staff []member } }
			s.MustDo(t, token, q, map[string]any{"id": vendorID}, &out)
			m := map[string]*string{}
			for _, st := range out.Vendor.Staff {
				m[st.User.ID] = st.User.Email
			}
			if len(m) != 2 || out.Vendor.Staff[0].Role != "OWNER" {
				t.Fatalf("staff = %+v", out.Vendor.Staff)
			}
			return m
		}
		// The owner sees their own email but not their colleague's.
		got := emails(owner)
		if got[ownerID] == nil || *got[ownerID] != "owner@example.com" || got[staffID] != nil {
			t.Fatalf("owner view: own=%v staff=%v", got[ownerID], got[staffID])
		}
		got = emails(staff)
		if got[staffID] == nil || got[ownerID] != nil {
			t.Fatalf("staff view: own=%v owner=%v", got[staffID], got[ownerID])
		}
		// Admins see every email.
		got = emails(admin)
		if got[ownerID] == nil || got[staffID] == nil {
			t.Fatalf("admin view: %v", got)
		}
		// Strangers may not list the staff at all.
		r := s.Do(t, stranger, q, map[string]any{"id": vendorID})
		if len(r.Errors) != 1 || r.Errors[0].Code() != "FORBIDDEN" {
			t.Fatalf("stranger: %+v", r.Errors)
		}
		r = s.Do(t, "", q, map[string]any{"id": vendorID})
		if len(r.Errors) != 1 || r.Errors[0].Code() != "UNAUTHENTICATED" {
			t.Fatalf("guest: %+v", r.Errors)
		}
	})
}
