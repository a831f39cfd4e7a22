package graph

import (
	"context"
	"errors"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/payout"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/domain/showevents"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/graph/loaders"
	"github.com/livemarket/livemarket/graph/model"
)

// The payload builders put the entity on success and UserErrors on an expected
// failure; anything else becomes a top-level error for the error presenter.

func authPayload(ctx context.Context, a *account.Auth, err error) (*model.AuthPayload, error) {
	errs, err := payloadErrors(err)
	if err != nil {
		return nil, err
	}
	p := &model.AuthPayload{Errors: errs}
	if a != nil {
		p.Token, p.User = &a.Token, a.User
		loaders.For(ctx).MarkAuthenticated(a.User.ID)
	}
	return p, nil
}

func vendorPayload(v *vendor.Vendor, err error) (*model.VendorPayload, error) {
	errs, err := payloadErrors(err)
	if err != nil {
		return nil, err
	}
	return &model.VendorPayload{Vendor: v, Errors: errs}, nil
}

func influencerPayload(i *influencer.Influencer, err error) (*model.InfluencerPayload, error) {
	errs, err := payloadErrors(err)
	if err != nil {
		return nil, err
	}
	return &model.InfluencerPayload{Influencer: i, Errors: errs}, nil
}

func productPayload(p *catalog.Product, err error) (*model.ProductPayload, error) {
	errs, err := payloadErrors(err)
	if err != nil {
		return nil, err
	}
	return &model.ProductPayload{Product: p, Errors: errs}, nil
}

func offerPayload(o *collab.Offer, err error) (*model.OfferPayload, error) {
	errs, err := payloadErrors(err)
	if err != nil {
		return nil, err
	}
	return &model.OfferPayload{Offer: o, Errors: errs}, nil
}

func collaborationPayload(c *collab.Collaboration, err error) (*model.CollaborationPayload, error) {
	errs, err := payloadErrors(err)
	if err != nil {
		return nil, err
	}
	return &model.CollaborationPayload{Collaboration: c, Errors: errs}, nil
}

func showPayload(sh *show.Show, err error) (*model.ShowPayload, error) {
	errs, err := payloadErrors(err)
	if err != nil {
		return nil, err
	}
	return &model.ShowPayload{Show: sh, Errors: errs}, nil
}

func chatPayload(m *showevents.Message, err error) (*model.ChatPayload, error) {
	errs, err := payloadErrors(err)
	if err != nil {
		return nil, err
	}
	return &model.ChatPayload{Message: m, Errors: errs}, nil
}

func questionPayload(q *showevents.Question, err error) (*model.QuestionPayload, error) {
	errs, err := payloadErrors(err)
	if err != nil {
		return nil, err
	}
	return &model.QuestionPayload{Question: q, Errors: errs}, nil
}

func payoutPayload(po *payout.Payout, err error) (*model.PayoutPayload, error) {
	errs, err := payloadErrors(err)
	if err != nil {
		return nil, err
	}
	return &model.PayoutPayload{Payout: payoutModel(po), Errors: errs}, nil
}

// payoutModel converts a payout to its GraphQL type (nil for nil).
func payoutModel(po *payout.Payout) *model.Payout {
	if po == nil {
		return nil
	}
	return &model.Payout{ID: po.ID, PartyID: po.PartyID, PartyType: model.PartyType(po.PartyType),
		Amount: &kernel.Money{AmountMinor: po.AmountMinor, Currency: po.Currency}, Status: model.PayoutStatus(po.Status),
		Period: po.Period, Reference: po.Reference, Failure: po.Failure, CreatedAt: po.CreatedAt, PaidAt: po.PaidAt, FailedAt: po.FailedAt}
}

func payoutModels(pos []*payout.Payout) []*model.Payout {
	out := make([]*model.Payout, 0, len(pos))
	for _, po := range pos {
		out = append(out, payoutModel(po))
	}
	return out
}

// runIncomplete is the error a payout run answers with its partial result:
// payouts it could not send stay CREATED and the next run sends them.
func runIncomplete(ctx context.Context, err error) *gqlerror.Error {
	msg := "some payouts could not be sent in this run; they stay CREATED and the next run sends them"
	if errors.Is(err, payout.ErrInFlight) {
		msg = "some payouts are still being sent by another run; a later run sends any it leaves"
	} else {
		slog.Default().ErrorContext(ctx, "graphql: payout run incomplete", "err", err)
	}
	return &gqlerror.Error{Message: msg, Path: graphql.GetPath(ctx), Extensions: map[string]any{"code": "PAYOUT_RUN_INCOMPLETE"}}
}
