package searchtest

import "github.com/livemarket/livemarket/domain/discovery"

// Fixture times are unix seconds relative to T0 (2030-01-01T00:00:00Z).
const (
	T0   int64 = 1893456000
	Hour int64 = 3600
	Day  int64 = 24 * Hour
)

// Statuses the fixture uses (the index only ever holds these two).
const (
	Scheduled = "SCHEDULED"
	Live      = "LIVE"
)

type fxVendor struct{ id, name string }

type fxHost struct{ id, handle, name string }

type fxProduct struct {
	id, title, description, category, vendor string
	price                                    int64
}

type fxShow struct {
	id, title, description, category, host, status string
	start                                          int64
	products                                       []string
}

var fxVendors = []fxVendor{
	{"v1", "Glow Cosmetics"},
	{"v2", "Soundwave Audio"},
	{"v3", "Urban Threads"},
	{"v4", "Casa Home"},
	{"v5", "Nova Gadgets"},
}

var fxHosts = []fxHost{
	{"i1", "annaglow", "Anna Petrova"},
	{"i2", "benbeats", "Ben Carter"},
	{"i3", "chloecooks", "Chloe Martin"},
	{"i4", "davestyle", "David Kim"},
}

// The texts avoid the words the text tests rely on ("lipstick",
// "headphones", the handles, "speaker", "boombox", "category", "status",
// "ended", "a", "or") except where a test expects them.
var fxProducts = []fxProduct{
	{"p01", "Velvet Matte Lipstick", "Long-wearing matte colour in twelve shades.", "beauty", "v1", 1999},
	{"p02", "Hydrating Face Serum", "Vitamin C serum for daily radiance.", "beauty", "v1", 3450},
	{"p03", "Wireless Headphones", "Noise cancelling over-ear sound with 30 hour battery.", "electronics", "v2", 8999},
	{"p04", "Headphone Stand", "Walnut desk stand with cable hook.", "electronics", "v2", 2500},
	{"p05", "Portable Speaker", "Waterproof speaker for beach days.", "electronics", "v2", 4999},
	{"p06", "Linen Summer Dress", "Breathable linen in sage green.", "fashion", "v3", 5900},
	{"p07", "Leather Crossbody Bag", "Full-grain leather, adjustable strap.", "fashion", "v3", 7500},
	{"p08", "Canvas Sneakers", "Everyday low-top sneakers.", "fashion", "v3", 4999},
	{"p09", "Ceramic Pour-Over Coffee Set", "Dripper, carafe and two cups.", "home", "v4", 3999},
	{"p10", "Cast Iron Skillet", "Pre-seasoned 26 cm pan.", "home", "v4", 4500},
	{"p11", "Scented Soy Candle", "Fig and cedar, 40 hour burn.", "home", "v4", 1999},
	{"p12", "Lip Gloss Trio", "Three sheer shades with shine.", "beauty", "v1", 2400},
	{"p13", "Fitness Smartwatch", "Heart rate, GPS and sleep tracking.", "electronics", "v5", 12900},
	{"p14", "Bamboo Cutting Board", "Reversible board with juice groove.", "home", "v4", 2999},
	{"p15", "Headphones", "Closed-back studio monitoring for mixing.", "electronics", "v5", 14900},
}

var fxShows = []fxShow{
	{"s01", "Lipstick Masterclass", "Finding your perfect matte shade, live with swatches.", "beauty", "i1", Scheduled, T0 + Day + 18*Hour, []string{"p01", "p12"}},
	{"s02", "Sunday Glow Session", "Serums and colour for dewy skin.", "beauty", "i1", Scheduled, T0 + 5*Day + 10*Hour, []string{"p02", "p01"}},
	{"s03", "Sound Check Live", "Testing wireless audio gear in real time.", "electronics", "i2", Live, T0, []string{"p03", "p04", "p05"}},
	{"s04", "Desk Setup Makeover", "Upgrading my workspace with gadgets.", "electronics", "i2", Scheduled, T0 + 2*Day, []string{"p04", "p13", "p15"}},
	{"s05", "Summer Wardrobe Edit", "Light pieces for warm days.", "fashion", "i4", Scheduled, T0 + 3*Day, []string{"p06", "p07", "p08"}},
	{"s06", "Weekend Brunch Kitchen", "Cooking brunch with my favourite tools.", "home", "i3", Scheduled, T0 + 5*Day, []string{"p09", "p10", "p14"}},
	{"s07", "Cozy Home Evening", "Candles, boards and slow evenings.", "home", "i3", Live, T0, []string{"p11", "p14"}},
	{"s08", "Gift Ideas Under 50", "Presents for everyone on your list.", "fashion", "i4", Scheduled, T0 + 6*Day, []string{"p07", "p01", "p11"}},
	{"s09", "Gadget Roundup", "This month's best tech.", "electronics", "i2", Scheduled, T0 + 7*Day, []string{"p13", "p15", "p03"}},
	{"s10", "Morning Skincare Routine", "Step-by-step morning skincare.", "beauty", "i1", Scheduled, T0 + 8*Day, []string{"p02"}},
}

// Fixture returns the suite's documents: 10 shows (s01..s10) and 15 products
// (p01..p15) featured in them, built the way package discovery builds them
// (product titles, vendors and show starts derived from the featured
// products). Every call returns fresh slices.
func Fixture() ([]discovery.ShowDoc, []discovery.ProductDoc) {
	vendorName := map[string]string{}
	for _, v := range fxVendors {
		vendorName[v.id] = v.name
	}
	hosts := map[string]fxHost{}
	for _, h := range fxHosts {
		hosts[h.id] = h
	}
	products := map[string]fxProduct{}
	for _, p := range fxProducts {
		products[p.id] = p
	}

	shows := make([]discovery.ShowDoc, 0, len(fxShows))
	for _, s := range fxShows {
		h := hosts[s.host]
		d := discovery.ShowDoc{
			ID: s.id, Title: s.title, Description: s.description, Category: s.category,
			HostID: h.id, HostHandle: h.handle, HostName: h.name,
			ProductTitles: []string{}, VendorIDs: []string{}, VendorNames: []string{},
			Status: s.status, StartsAt: s.start, EndsAt: s.start + 2*Hour,
		}
		for _, pid := range s.products {
			p := products[pid]
			d.ProductTitles = append(d.ProductTitles, p.title)
			if !has(d.VendorIDs, p.vendor) {
				d.VendorIDs = append(d.VendorIDs, p.vendor)
				d.VendorNames = append(d.VendorNames, vendorName[p.vendor])
			}
		}
		shows = append(shows, d)
	}

	docs := make([]discovery.ProductDoc, 0, len(fxProducts))
	for _, p := range fxProducts {
		d := discovery.ProductDoc{
			ID: p.id, Title: p.title, Description: p.description, Category: p.category,
			VendorID: p.vendor, VendorName: vendorName[p.vendor], PriceMinor: p.price, Currency: "EUR",
			ShowIDs: []string{}, ShowStarts: []int64{}, InfluencerIDs: []string{},
		}
		for _, s := range fxShows {
			if !has(s.products, p.id) {
				continue
			}
			d.ShowIDs = append(d.ShowIDs, s.id)
			d.ShowStarts = append(d.ShowStarts, s.start)
			if len(d.ShowStarts) == 1 || s.start < d.NextStart {
				d.NextStart = s.start
			}
			if !has(d.InfluencerIDs, s.host) {
				d.InfluencerIDs = append(d.InfluencerIDs, s.host)
			}
		}
		docs = append(docs, d)
	}
	return shows, docs
}

func has(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
