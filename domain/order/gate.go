package order

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
)

// gateFresh is how old this process's count of a product's free units may
// be when it answers "sold out" without asking the database: a restock, or
// stock released by another process, is seen within this long.
const gateFresh = time.Second

// stockGate is this process's count of each product's free units. A
// checkout takes its units here first, in memory, before any database
// work: when a pinned product sells out in seconds, the buyers who are too
// late are told so at once, and only as many checkouts as there are units
// go on to reserve. The database's conditional UPDATE stays the only
// authority: the count can be too high (another process sold units; the
// reservation then refuses) or too low (another process released units; a
// "sold out" is then at most gateFresh old, after which the count is read
// again).
type stockGate struct {
	mu       sync.Mutex
	products map[string]*gateCount
}

type gateCount struct {
	free      int       // units this process may still hand out
	inflight  int       // units handed out whose reservation is not finished
	checkedAt time.Time // when free was last read from the database
	unsold    bool      // not for sale (archived, or unknown): the checkout's pricing says why
}

func newStockGate() *stockGate { return &stockGate{products: map[string]*gateCount{}} }

// gateTicket is what one checkout took; exactly one of reserved or
// returned settles it.
type gateTicket struct {
	g     *stockGate
	units map[string]int
	once  sync.Once
}

// gateShort says which product a take could not have, and how many units
// of it were left (for this process, as of at most gateFresh ago); read
// tells whether the database was asked during the take.
type gateShort struct {
	productID string
	left      int
	read      bool
}

// take hands out the units of every line, all or none. It reads from db the
// counts it lacks, and those too low whose reading is older than gateFresh.
// A nil ticket comes with the product that is short.
func (g *stockGate) take(ctx context.Context, db bun.IDB, want map[string]int, now time.Time) (*gateTicket, *gateShort, error) {
	ids := make([]string, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	sort.Strings(ids) // the same product is named short every time
	for attempt := 0; ; attempt++ {
		g.mu.Lock()
		var stale []string
		for id, q := range want {
			c := g.products[id]
			if c == nil || ((c.unsold || c.free < q) && now.Sub(c.checkedAt) >= gateFresh) {
				stale = append(stale, id)
			}
		}
		if len(stale) == 0 || attempt > 0 {
			for _, id := range ids {
				if c := g.products[id]; c == nil || (!c.unsold && c.free < want[id]) {
					short := &gateShort{productID: id, read: attempt > 0}
					if c != nil {
						short.left = c.free
					}
					g.mu.Unlock()
					return nil, short, nil
				}
			}
			taken := map[string]int{}
			for id, q := range want {
				if c := g.products[id]; !c.unsold {
					c.free -= q
					c.inflight += q
					taken[id] = q
				}
			}
			g.mu.Unlock()
			return &gateTicket{g: g, units: taken}, nil, nil
		}
		g.mu.Unlock()
		if err := g.refresh(ctx, db, stale, now); err != nil {
			return nil, nil, err
		}
	}
}

// refresh reads the stock of ids: free is the stock less the units this
// process has handed out and not yet reserved.
func (g *stockGate) refresh(ctx context.Context, db bun.IDB, ids []string, now time.Time) error {
	sort.Strings(ids)
	var rows []struct {
		ID     string `bun:"id"`
		Stock  int    `bun:"stock"`
		Status string `bun:"status"`
	}
	if err := db.NewSelect().Table("products").Column("id", "stock", "status").Where("id IN (?)", bun.In(ids)).Scan(ctx, &rows); err != nil {
		return fmt.Errorf("order: stock: %w", err)
	}
	stock, active := map[string]int{}, map[string]bool{}
	for _, r := range rows {
		stock[r.ID], active[r.ID] = r.Stock, r.Status == catalog.StatusActive
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, id := range ids {
		c := g.products[id]
		if c == nil {
			c = &gateCount{}
			g.products[id] = c
		}
		c.free = max(0, stock[id]-c.inflight) // an unknown product has none
		c.checkedAt, c.unsold = now, !active[id]
	}
	return nil
}

// reserved: the database reservation succeeded; the units are sold.
func (t *gateTicket) reserved() {
	t.once.Do(func() {
		t.g.mu.Lock()
		defer t.g.mu.Unlock()
		for id, q := range t.units {
			if c := t.g.products[id]; c != nil {
				c.inflight = max(0, c.inflight-q)
			}
		}
	})
}

// giveBack: the checkout stopped before reserving (or its reservation
// failed for another reason than stock); the units are free again.
func (t *gateTicket) giveBack() {
	t.once.Do(func() {
		t.g.mu.Lock()
		defer t.g.mu.Unlock()
		for id, q := range t.units {
			if c := t.g.products[id]; c != nil {
				c.inflight = max(0, c.inflight-q)
				c.free += q
			}
		}
	})
}

// soldOut: the database has only stock units of productID, too few for
// this checkout (another process sold them, or the count was never read):
// the count becomes what the database says, less what is still in flight.
func (t *gateTicket) soldOut(productID string, stock int, now time.Time) {
	t.once.Do(func() {
		t.g.mu.Lock()
		defer t.g.mu.Unlock()
		for id, q := range t.units {
			if c := t.g.products[id]; c != nil {
				c.inflight = max(0, c.inflight-q)
				if id == productID {
					c.free, c.checkedAt = max(0, stock-c.inflight), now
				} else {
					c.free += q
				}
			}
		}
	})
}

// released: units went back to stock in the database (a declined or
// expired reservation, a refund with restock).
func (g *stockGate) released(units map[string]int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for id, q := range units {
		if c := g.products[id]; c != nil {
			c.free += q
		}
	}
}

// keyLocks lets one request per key run at a time in this process.
type keyLocks struct {
	mu   sync.Mutex
	held map[string]chan struct{}
}

// lock waits until no other request holds key, then holds it until unlock.
func (k *keyLocks) lock(ctx context.Context, key string) (unlock func(), err error) {
	for {
		k.mu.Lock()
		if k.held == nil {
			k.held = map[string]chan struct{}{}
		}
		ch, busy := k.held[key]
		if !busy {
			ch = make(chan struct{})
			k.held[key] = ch
			k.mu.Unlock()
			return func() {
				k.mu.Lock()
				delete(k.held, key)
				k.mu.Unlock()
				close(ch)
			}, nil
		}
		k.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}
