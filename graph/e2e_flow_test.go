package graph_test

import (
	"net/http"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/internal/testkit"
)

// TestOnboardingFlow walks the first core flow through real HTTP: sign up →
// create a vendor → add a product → list products → sign out, after which the
// token no longer works.
func TestOnboardingFlow(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		token, userID := s.SignUp(t, "vera@example.com", "Vera Vendor")

		var me struct {
			Me struct {
				ID, Email, DisplayName string
				IsAdmin                bool
			}
		}
		s.MustDo(t, token, `{ me { id email displayName isAdmin } }`, nil, &me)
		if me.Me.ID != userID || me.Me.Email != "vera@example.com" || me.Me.DisplayName != "Vera Vendor" || me.Me.IsAdmin {
			t.Fatalf("me = %+v", me.Me)
		}

		var vc struct {
			VendorCreate struct {
				Vendor struct{ ID, Slug, Name string }
				Errors []struct{ Code string }
			}
		}
		s.MustDo(t, token, `mutation($in: VendorCreateInput!){ vendorCreate(input:$in){ vendor{ id slug name } errors{ code } } }`,
			map[string]any{"in": map[string]any{"name": "Vera's Goods", "slug": "Veras-Goods", "description": "Handmade."}}, &vc)
		if len(vc.VendorCreate.Errors) > 0 || vc.VendorCreate.Vendor.Slug != "veras-goods" {
			t.Fatalf("vendorCreate = %+v", vc.VendorCreate)
		}
		vendorID := vc.VendorCreate.Vendor.ID

		var pc struct {
			ProductCreate struct {
				Product struct {
					ID, Title, Category, Status string
					Price                       struct {
						AmountMinor int64
						Currency    string
					}
					Stock  int
					Vendor struct{ ID string }
				}
				Errors []struct{ Code, Message string }
			}
		}
		s.MustDo(t, token, `mutation($in: ProductCreateInput!){ productCreate(input:$in){
			product{ id title category status price{ amountMinor currency } stock vendor{ id } } errors{ code message } } }`,
			map[string]any{"in": map[string]any{"vendorId": vendorID, "title": "Walnut Bowl", "category": "Home",
				"price": map[string]any{"amountMinor": 4599, "currency": "EUR"}, "stock": 7, "sku": "WB-1"}}, &pc)
		p := pc.ProductCreate.Product
		if len(pc.ProductCreate.Errors) > 0 || p.Title != "Walnut Bowl" || p.Category != "home" || p.Status != "ACTIVE" ||
			p.Price.AmountMinor != 4599 || p.Price.Currency != "EUR" || p.Stock != 7 || p.Vendor.ID != vendorID {
			t.Fatalf("productCreate = %+v", pc.ProductCreate)
		}

		var list struct {
			Products struct {
				TotalCount int
				Edges      []struct {
					Cursor string
					Node   struct {
						ID     string
						Vendor struct{ Name string }
					}
				}
			}
		}
		s.MustDo(t, "", `query($v: ID){ products(filter:{vendorId:$v}){ totalCount edges{ cursor node{ id vendor{ name } } } } }`,
			map[string]any{"v": vendorID}, &list)
		if list.Products.TotalCount != 1 || len(list.Products.Edges) != 1 || list.Products.Edges[0].Node.ID != p.ID ||
			list.Products.Edges[0].Node.Vendor.Name != "Vera's Goods" {
			t.Fatalf("products = %+v", list.Products)
		}

		var so struct{ SignOut struct{ Ok bool } }
		s.MustDo(t, token, `mutation{ signOut{ ok errors{ code } } }`, nil, &so)
		if !so.SignOut.Ok {
			t.Fatal("signOut not ok")
		}
		r := s.Do(t, token, `{ me { id } }`, nil)
		if r.Status != http.StatusUnauthorized || len(r.Errors) != 1 || r.Errors[0].Code() != "UNAUTHENTICATED" {
			t.Fatalf("after sign-out: status %d errors %+v", r.Status, r.Errors)
		}

		// Signing in again issues a new, working token.
		var si struct{ SignIn struct{ Token string } }
		s.MustDo(t, "", `mutation($in: SignInInput!){ signIn(input:$in){ token errors{ code } } }`,
			map[string]any{"in": map[string]any{"email": "VERA@example.com", "password": testkit.Password}}, &si)
		if si.SignIn.Token == "" || si.SignIn.Token == token {
			t.Fatalf("signIn token = %q", si.SignIn.Token)
		}
		s.MustDo(t, si.SignIn.Token, `{ me { id } }`, nil, &me)
		if me.Me.ID != userID {
			t.Fatalf("me after sign-in = %+v", me.Me)
		}
	})
}
