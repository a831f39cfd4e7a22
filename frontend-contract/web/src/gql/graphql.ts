/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A shipping address. */
export type AddressInput = {
  city: string;
  /** ISO 3166-1 alpha-2, upper case, e.g. FR. */
  country: string;
  line1: string;
  line2?: string | null | undefined;
  name: string;
  postalCode: string;
};

export type CartLineAddInput = {
  productId: string | number;
  quantity: number;
  /** The LIVE show the product is bought from (attribution). */
  showId?: string | number | null | undefined;
};

export type CartLineUpdateInput = {
  lineId: string | number;
  /** 0 removes the line. */
  quantity: number;
};

export type ChatPostInput = {
  body: string;
  showId: string | number;
};

export type ChatRemoveInput = {
  messageId: string | number;
};

export type CheckoutInput = {
  /** Chosen by the client, at most 100 characters; reuse it to retry the same checkout. */
  idempotencyKey: string;
  /** The payment provider's token (in tests and local mode tok_visa succeeds and tok_declined is declined). */
  paymentToken: string;
  shippingAddress: AddressInput;
};

export type CollaborationBookInput = {
  endsAt?: string | null | undefined;
  offerId: string | number;
  startsAt?: string | null | undefined;
};

export type CollaborationCounterInput = {
  commissionBps: number;
  id: string | number;
};

export type CollaborationFilter = {
  productId?: string | number | null | undefined;
  status?: CollaborationStatus | null | undefined;
  vendorId?: string | number | null | undefined;
};

export type CollaborationIdInput = {
  id: string | number;
};

export type CollaborationRejectInput = {
  id: string | number;
  reason: string;
};

export type CollaborationRequestInput = {
  commissionBps: number;
  endsAt: string;
  message?: string | null | undefined;
  productId: string | number;
  startsAt: string;
};

export type CollaborationStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'COUNTERED'
  | 'EXPIRED'
  | 'PENDING'
  | 'REJECTED';

/** Why a mutation could not do what was asked. */
export type ErrorCode =
  | 'ALREADY_EXISTS'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'IDEMPOTENCY_MISMATCH'
  | 'INVALID'
  | 'INVALID_STATE'
  | 'LIMIT_EXCEEDED'
  | 'NOT_FOUND'
  | 'OUT_OF_STOCK'
  | 'PAYMENT_DECLINED'
  | 'REQUIRED'
  | 'SEARCH_UNAVAILABLE'
  | 'TOO_LONG'
  | 'UNAUTHENTICATED';

export type FlashSaleEndInput = {
  productId: string | number;
  showId: string | number;
};

export type FlashSaleStartInput = {
  durationSeconds: number;
  perBuyerLimit: number;
  price: MoneyInput;
  productId: string | number;
  quantity: number;
  showId: string | number;
};

export type InfluencerFollowInput = {
  influencerId: string | number;
};

export type InfluencerProfileCreateInput = {
  avatarUrl?: string | null | undefined;
  bio?: string | null | undefined;
  displayName: string;
  /** 2-30 lower-case letters, digits, '_' and '.'; unique. */
  handle: string;
};

export type MoneyInput = {
  /** Minor units (for USD: cents). Must be positive. */
  amountMinor: number;
  /** ISO 4217 code, upper case, e.g. USD. */
  currency: string;
};

export type NotificationMarkReadInput = {
  ids: Array<string | number>;
};

export type OfferFilter = {
  category?: string | null | undefined;
  minCommissionBps?: number | null | undefined;
  vendorId?: string | number | null | undefined;
};

export type OfferPublishInput = {
  commissionBps: number;
  endsAt?: string | null | undefined;
  productId: string | number;
  startsAt?: string | null | undefined;
};

export type OfferWithdrawInput = {
  offerId: string | number;
};

export type OrderRefundInput = {
  lines: Array<OrderRefundLineInput>;
  orderId: string | number;
  reason: string;
  /** Return the refunded units to stock (default false). */
  restock?: boolean | null | undefined;
};

export type OrderRefundLineInput = {
  lineId: string | number;
  quantity: number;
};

export type OrderStatus =
  | 'CANCELLED'
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING_PAYMENT'
  | 'REFUNDED';

/** Who a balance or payout belongs to. */
export type PartyType =
  | 'INFLUENCER'
  | 'VENDOR';

export type PayoutMarkFailedInput = {
  payoutId: string | number;
  /** Why it failed, e.g. the bank's return reason (required, at most 200 characters). */
  reason: string;
};

export type PayoutMarkPaidInput = {
  payoutId: string | number;
  /** The bank transfer's reference (required, at most 200 characters). */
  reference: string;
};

export type PayoutStatus =
  /** The money is set aside; the payout provider has not accepted the payout yet. */
  | 'CREATED'
  /** Refused or bounced: the money is back in the party's available balance. */
  | 'FAILED'
  /** The money has left. */
  | 'PAID'
  /**
   * The provider accepted the payout and it awaits confirmation (manual
   * provider: an admin confirms the bank transfer with payoutMarkPaid).
   */
  | 'PENDING';

export type ProductArchiveInput = {
  id: string | number;
};

export type ProductCreateInput = {
  category: string;
  description?: string | null | undefined;
  imageUrls?: Array<string> | null | undefined;
  price: MoneyInput;
  sku: string;
  stock: number;
  title: string;
  vendorId: string | number;
};

export type ProductFilter = {
  category?: string | null | undefined;
  /** Matches title, description or SKU, case-insensitively. */
  query?: string | null | undefined;
  vendorId?: string | number | null | undefined;
};

export type ProductPinInput = {
  productId: string | number;
  showId: string | number;
};

export type ProductSearchFilter = {
  category?: string | null | undefined;
  influencerId?: string | number | null | undefined;
  maxPriceMinor?: number | null | undefined;
  minPriceMinor?: number | null | undefined;
  /** One of the product's upcoming shows starts at or after. */
  startsAfter?: string | null | undefined;
  /** That show starts before. */
  startsBefore?: string | null | undefined;
  vendorId?: string | number | null | undefined;
};

export type ProductSearchSort =
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'RELEVANCE'
  | 'STARTS_AT';

export type ProductStatus =
  | 'ACTIVE'
  | 'ARCHIVED';

export type ProductStockAdjustInput = {
  delta: number;
  id: string | number;
};

export type ProductUpdateInput = {
  category?: string | null | undefined;
  description?: string | null | undefined;
  id: string | number;
  /** Replaces the image list when given. */
  imageUrls?: Array<string> | null | undefined;
  price?: MoneyInput | null | undefined;
  sku?: string | null | undefined;
  title?: string | null | undefined;
};

export type QuestionAnswerInput = {
  answer: string;
  productId?: string | number | null | undefined;
  questionId: string | number;
};

export type QuestionAskInput = {
  body: string;
  showId: string | number;
};

export type SalesGroupBy =
  | 'DAY'
  | 'INFLUENCER'
  | 'PRODUCT'
  | 'SHOW';

export type ShowCreateInput = {
  category: string;
  coverUrl?: string | null | undefined;
  description?: string | null | undefined;
  productIds: Array<string | number>;
  scheduledEnd: string;
  scheduledStart: string;
  title: string;
};

export type ShowIdInput = {
  id: string | number;
};

export type ShowRescheduleInput = {
  id: string | number;
  scheduledEnd: string;
  scheduledStart: string;
};

export type ShowSearchFilter = {
  category?: string | null | undefined;
  influencerId?: string | number | null | undefined;
  /** Scheduled start at or after. */
  startsAfter?: string | null | undefined;
  /** Scheduled start before. */
  startsBefore?: string | null | undefined;
  status?: Array<ShowStatus> | null | undefined;
  vendorId?: string | number | null | undefined;
};

export type ShowSearchSort =
  | 'RELEVANCE'
  | 'STARTS_AT';

export type ShowStatus =
  | 'CANCELLED'
  | 'DRAFT'
  | 'ENDED'
  | 'LIVE'
  | 'SCHEDULED';

export type ShowUpdateInput = {
  category?: string | null | undefined;
  coverUrl?: string | null | undefined;
  description?: string | null | undefined;
  id: string | number;
  /** Replaces the featured list when given. */
  productIds?: Array<string | number> | null | undefined;
  title?: string | null | undefined;
};

export type ShowUserInput = {
  showId: string | number;
  userId: string | number;
};

export type SignInInput = {
  email: string;
  password: string;
};

export type SignUpInput = {
  displayName: string;
  email: string;
  /** 8 to 128 characters. */
  password: string;
};

export type VendorCreateInput = {
  description?: string | null | undefined;
  name: string;
  /** 2-50 lower-case letters, digits and hyphens; unique. */
  slug: string;
};

export type VendorPlatformFeeSetInput = {
  /** Basis points, 0..10000; null restores the default. */
  feeBps?: number | null | undefined;
  vendorId: string | number;
};

export type VendorRole =
  | 'OWNER'
  | 'STAFF';

export type VendorStaffAddInput = {
  email: string;
  vendorId: string | number;
};

export type VendorPlatformFeeSetMutationVariables = Exact<{
  input: VendorPlatformFeeSetInput;
}>;


export type VendorPlatformFeeSetMutation = { vendorPlatformFeeSet: { vendor: { id: string, platformFeeBps: number | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type PayoutRunMutationVariables = Exact<{ [key: string]: never; }>;


export type PayoutRunMutation = { payoutRun: { period: string | null, sent: number, failed: number, created: Array<{ id: string, partyId: string, partyType: PartyType, status: PayoutStatus, period: string, reference: string | null, failure: string | null, createdAt: string, paidAt: string | null, failedAt: string | null, amount: { amountMinor: number, currency: string } }>, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type PayoutMarkPaidMutationVariables = Exact<{
  input: PayoutMarkPaidInput;
}>;


export type PayoutMarkPaidMutation = { payoutMarkPaid: { payout: { id: string, partyId: string, partyType: PartyType, status: PayoutStatus, period: string, reference: string | null, failure: string | null, createdAt: string, paidAt: string | null, failedAt: string | null, amount: { amountMinor: number, currency: string } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type PayoutMarkFailedMutationVariables = Exact<{
  input: PayoutMarkFailedInput;
}>;


export type PayoutMarkFailedMutation = { payoutMarkFailed: { payout: { id: string, partyId: string, partyType: PartyType, status: PayoutStatus, period: string, reference: string | null, failure: string | null, createdAt: string, paidAt: string | null, failedAt: string | null, amount: { amountMinor: number, currency: string } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type UserErrorFieldsFragment = { code: ErrorCode, field: Array<string> | null, message: string };

export type PageInfoFieldsFragment = { hasNextPage: boolean, endCursor: string | null };

export type MoneyFieldsFragment = { amountMinor: number, currency: string };

export type ViewerFieldsFragment = { id: string, email: string | null, displayName: string, isAdmin: boolean, influencer: { id: string, handle: string } | null };

export type VendorFieldsFragment = { id: string, slug: string, name: string, description: string };

export type ProductCardFieldsFragment = { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } };

export type ProductFieldsFragment = { description: string, sku: string, status: ProductStatus, id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } };

export type InfluencerFieldsFragment = { id: string, handle: string, displayName: string, bio: string, avatarUrl: string | null, followerCount: number, viewerIsFollowing: boolean };

export type OfferFieldsFragment = { id: string, commissionBps: number, startsAt: string | null, endsAt: string | null, active: boolean };

export type CollaborationFieldsFragment = { id: string, status: CollaborationStatus, commissionBps: number, requestedBps: number | null, startsAt: string, endsAt: string, message: string | null, rejectReason: string | null, createdAt: string, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, influencer: { id: string, handle: string, displayName: string, avatarUrl: string | null } };

export type NotificationFieldsFragment = { id: string, kind: string, title: string, body: string, subjectId: string | null, readAt: string | null, createdAt: string };

export type ShowCardFieldsFragment = { id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, host: { id: string, handle: string, displayName: string, avatarUrl: string | null }, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, collaboration: { id: string, commissionBps: number } }> };

export type ShowFieldsFragment = { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } };

export type ChatMessageFieldsFragment = { id: string, body: string, createdAt: string, author: { id: string, displayName: string } };

export type QuestionFieldsFragment = { id: string, body: string, answer: string | null, answeredAt: string | null, createdAt: string, author: { id: string, displayName: string }, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null };

export type FlashSaleFieldsFragment = { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } };

export type CartFieldsFragment = { id: string, lines: Array<{ id: string, quantity: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, unitPrice: { amountMinor: number, currency: string }, total: { amountMinor: number, currency: string }, show: { id: string, title: string, status: ShowStatus } | null }>, subtotals: Array<{ amountMinor: number, currency: string }> };

export type OrderLineFieldsFragment = { id: string, quantity: number, commissionBps: number, platformFeeBps: number, refundedQuantity: number, unitPrice: { amountMinor: number, currency: string }, total: { amountMinor: number, currency: string }, product: { id: string, title: string, imageUrls: Array<string> }, vendor: { id: string, slug: string, name: string } };

export type OrderFieldsFragment = { id: string, number: string, status: OrderStatus, createdAt: string, total: { amountMinor: number, currency: string }, show: { id: string, title: string } | null, influencer: { id: string, handle: string, displayName: string } | null, lines: Array<{ id: string, quantity: number, commissionBps: number, platformFeeBps: number, refundedQuantity: number, unitPrice: { amountMinor: number, currency: string }, total: { amountMinor: number, currency: string }, product: { id: string, title: string, imageUrls: Array<string> }, vendor: { id: string, slug: string, name: string } }>, vendorOrders: Array<{ id: string, status: string, vendor: { id: string, slug: string, name: string }, subtotal: { amountMinor: number, currency: string }, lines: Array<{ id: string }> }> };

export type SalesRowFieldsFragment = { key: string, label: string, orders: number, units: number, gross: { amountMinor: number, currency: string }, commission: { amountMinor: number, currency: string }, platformFee: { amountMinor: number, currency: string }, vendorNet: { amountMinor: number, currency: string }, refunded: { amountMinor: number, currency: string } };

export type BalanceFieldsFragment = { partyId: string, partyType: PartyType, currency: string, pending: { amountMinor: number, currency: string }, available: { amountMinor: number, currency: string }, paidOut: { amountMinor: number, currency: string } };

export type PayoutFieldsFragment = { id: string, partyId: string, partyType: PartyType, status: PayoutStatus, period: string, reference: string | null, failure: string | null, createdAt: string, paidAt: string | null, failedAt: string | null, amount: { amountMinor: number, currency: string } };

export type MyInfluencerProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type MyInfluencerProfileQuery = { me: { id: string, influencer: { id: string, handle: string, displayName: string, bio: string, avatarUrl: string | null, followerCount: number, viewerIsFollowing: boolean } | null } | null };

export type InfluencerProfileCreateMutationVariables = Exact<{
  input: InfluencerProfileCreateInput;
}>;


export type InfluencerProfileCreateMutation = { influencerProfileCreate: { influencer: { id: string, handle: string, displayName: string, bio: string, avatarUrl: string | null, followerCount: number, viewerIsFollowing: boolean } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type OffersQueryVariables = Exact<{
  filter?: OfferFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OffersQuery = { offers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, commissionBps: number, startsAt: string | null, endsAt: string | null, active: boolean, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } } }> } };

export type CollaborationBookMutationVariables = Exact<{
  input: CollaborationBookInput;
}>;


export type CollaborationBookMutation = { collaborationBook: { collaboration: { id: string, status: CollaborationStatus, commissionBps: number, requestedBps: number | null, startsAt: string, endsAt: string, message: string | null, rejectReason: string | null, createdAt: string, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, influencer: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type CollaborationRequestMutationVariables = Exact<{
  input: CollaborationRequestInput;
}>;


export type CollaborationRequestMutation = { collaborationRequest: { collaboration: { id: string, status: CollaborationStatus, commissionBps: number, requestedBps: number | null, startsAt: string, endsAt: string, message: string | null, rejectReason: string | null, createdAt: string, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, influencer: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type CollaborationAcceptCounterMutationVariables = Exact<{
  input: CollaborationIdInput;
}>;


export type CollaborationAcceptCounterMutation = { collaborationAcceptCounter: { collaboration: { id: string, status: CollaborationStatus, commissionBps: number, requestedBps: number | null, startsAt: string, endsAt: string, message: string | null, rejectReason: string | null, createdAt: string, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, influencer: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type MyCollaborationsQueryVariables = Exact<{
  filter?: CollaborationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyCollaborationsQuery = { collaborations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, status: CollaborationStatus, commissionBps: number, requestedBps: number | null, startsAt: string, endsAt: string, message: string | null, rejectReason: string | null, createdAt: string, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, influencer: { id: string, handle: string, displayName: string, avatarUrl: string | null } } }> } };

export type ShowcaseQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ShowcaseQuery = { showcase: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, status: CollaborationStatus, commissionBps: number, requestedBps: number | null, startsAt: string, endsAt: string, message: string | null, rejectReason: string | null, createdAt: string, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, influencer: { id: string, handle: string, displayName: string, avatarUrl: string | null } } }> } };

export type NotificationReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationReceivedSubscription = { notificationReceived: { id: string, kind: string, title: string, body: string, subjectId: string | null, readAt: string | null, createdAt: string } };

export type ShowCreateMutationVariables = Exact<{
  input: ShowCreateInput;
}>;


export type ShowCreateMutation = { showCreate: { show: { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ShowUpdateMutationVariables = Exact<{
  input: ShowUpdateInput;
}>;


export type ShowUpdateMutation = { showUpdate: { show: { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ShowPublishMutationVariables = Exact<{
  input: ShowIdInput;
}>;


export type ShowPublishMutation = { showPublish: { show: { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ShowRescheduleMutationVariables = Exact<{
  input: ShowRescheduleInput;
}>;


export type ShowRescheduleMutation = { showReschedule: { show: { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ShowCancelMutationVariables = Exact<{
  input: ShowIdInput;
}>;


export type ShowCancelMutation = { showCancel: { show: { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ShowGoLiveMutationVariables = Exact<{
  input: ShowIdInput;
}>;


export type ShowGoLiveMutation = { showGoLive: { show: { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ShowEndMutationVariables = Exact<{
  input: ShowIdInput;
}>;


export type ShowEndMutation = { showEnd: { show: { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type MyShowsQueryVariables = Exact<{
  influencerId: string | number;
  status?: Array<ShowStatus> | ShowStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyShowsQuery = { influencer: { id: string, shows: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, host: { id: string, handle: string, displayName: string, avatarUrl: string | null }, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, collaboration: { id: string, commissionBps: number } }> } }> } } | null };

export type ProductPinMutationVariables = Exact<{
  input: ProductPinInput;
}>;


export type ProductPinMutation = { productPin: { show: { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ProductUnpinMutationVariables = Exact<{
  input: ShowIdInput;
}>;


export type ProductUnpinMutation = { productUnpin: { show: { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type QuestionAnswerMutationVariables = Exact<{
  input: QuestionAnswerInput;
}>;


export type QuestionAnswerMutation = { questionAnswer: { question: { id: string, body: string, answer: string | null, answeredAt: string | null, createdAt: string, author: { id: string, displayName: string }, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ChatRemoveMutationVariables = Exact<{
  input: ChatRemoveInput;
}>;


export type ChatRemoveMutation = { chatRemove: { message: { id: string, body: string, createdAt: string, author: { id: string, displayName: string } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ShowModeratorAddMutationVariables = Exact<{
  input: ShowUserInput;
}>;


export type ShowModeratorAddMutation = { showModeratorAdd: { show: { id: string } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ShowMuteMutationVariables = Exact<{
  input: ShowUserInput;
}>;


export type ShowMuteMutation = { showMute: { show: { id: string } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type FlashSaleStartMutationVariables = Exact<{
  input: FlashSaleStartInput;
}>;


export type FlashSaleStartMutation = { flashSaleStart: { show: { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type FlashSaleEndMutationVariables = Exact<{
  input: FlashSaleEndInput;
}>;


export type FlashSaleEndMutation = { flashSaleEnd: { show: { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type EarningsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type EarningsQuery = { earnings: Array<{ key: string, label: string, orders: number, units: number, gross: { amountMinor: number, currency: string }, commission: { amountMinor: number, currency: string }, platformFee: { amountMinor: number, currency: string }, vendorNet: { amountMinor: number, currency: string }, refunded: { amountMinor: number, currency: string } }> };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string | null, user: { id: string, email: string | null, displayName: string, isAdmin: boolean, influencer: { id: string, handle: string } | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { token: string | null, user: { id: string, email: string | null, displayName: string, isAdmin: boolean, influencer: { id: string, handle: string } | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: { ok: boolean, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string | null, displayName: string, isAdmin: boolean, influencer: { id: string, handle: string } | null } | null };

export type VendorQueryVariables = Exact<{
  slug: string;
}>;


export type VendorQuery = { vendor: { id: string, slug: string, name: string, description: string } | null };

export type VendorProductsQueryVariables = Exact<{
  slug: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type VendorProductsQuery = { vendor: { id: string, products: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } }> } } | null };

export type InfluencerQueryVariables = Exact<{
  handle: string;
}>;


export type InfluencerQuery = { influencer: { id: string, handle: string, displayName: string, bio: string, avatarUrl: string | null, followerCount: number, viewerIsFollowing: boolean } | null };

export type InfluencerFollowMutationVariables = Exact<{
  input: InfluencerFollowInput;
}>;


export type InfluencerFollowMutation = { influencerFollow: { influencer: { id: string, followerCount: number, viewerIsFollowing: boolean } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type InfluencerUnfollowMutationVariables = Exact<{
  input: InfluencerFollowInput;
}>;


export type InfluencerUnfollowMutation = { influencerUnfollow: { influencer: { id: string, followerCount: number, viewerIsFollowing: boolean } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ProductsQueryVariables = Exact<{
  filter?: ProductFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProductsQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } }> } };

export type ProductQueryVariables = Exact<{
  id: string | number;
}>;


export type ProductQuery = { product: { description: string, sku: string, status: ProductStatus, id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null };

export type UpcomingShowsQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  category?: string | null | undefined;
  vendorId?: string | number | null | undefined;
  influencerId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UpcomingShowsQuery = { shows: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, host: { id: string, handle: string, displayName: string, avatarUrl: string | null }, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, collaboration: { id: string, commissionBps: number } }> } }> } };

export type ShowQueryVariables = Exact<{
  id: string | number;
}>;


export type ShowQuery = { show: { description: string, startedAt: string | null, endedAt: string | null, id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, pinnedProduct: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } | null, collaboration: { id: string, commissionBps: number } }>, host: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null };

export type ShowJoinMutationVariables = Exact<{
  input: ShowIdInput;
}>;


export type ShowJoinMutation = { showJoin: { token: string | null, url: string | null, canPublish: boolean, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ShowRemindMeMutationVariables = Exact<{
  input: ShowIdInput;
}>;


export type ShowRemindMeMutation = { showRemindMe: { show: { id: string, reminderCount: number, viewerHasReminder: boolean } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ShowReminderCancelMutationVariables = Exact<{
  input: ShowIdInput;
}>;


export type ShowReminderCancelMutation = { showReminderCancel: { show: { id: string, reminderCount: number, viewerHasReminder: boolean } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type SearchShowsQueryVariables = Exact<{
  query: string;
  filter?: ShowSearchFilter | null | undefined;
  sort?: ShowSearchSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchShowsQuery = { searchShows: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string, category: string, coverUrl: string | null, status: ShowStatus, scheduledStart: string, scheduledEnd: string, viewerCount: number, reminderCount: number, viewerHasReminder: boolean, host: { id: string, handle: string, displayName: string, avatarUrl: string | null }, featuredProducts: Array<{ position: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, collaboration: { id: string, commissionBps: number } }> } }>, facets: Array<{ name: string, values: Array<{ value: string, label: string, count: number }> }> } };

export type SearchProductsQueryVariables = Exact<{
  query: string;
  filter?: ProductSearchFilter | null | undefined;
  sort?: ProductSearchSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchProductsQuery = { searchProducts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, shows: Array<{ id: string, title: string, scheduledStart: string, status: ShowStatus }> } }>, facets: Array<{ name: string, values: Array<{ value: string, label: string, count: number }> }> } };

export type ChatPostMutationVariables = Exact<{
  input: ChatPostInput;
}>;


export type ChatPostMutation = { chatPost: { message: { id: string, body: string, createdAt: string, author: { id: string, displayName: string } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type QuestionAskMutationVariables = Exact<{
  input: QuestionAskInput;
}>;


export type QuestionAskMutation = { questionAsk: { question: { id: string, body: string, answer: string | null, answeredAt: string | null, createdAt: string, author: { id: string, displayName: string }, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ShowChatQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ShowChatQuery = { show: { id: string, chat: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, body: string, createdAt: string, author: { id: string, displayName: string } } }> } } | null };

export type ShowQuestionsQueryVariables = Exact<{
  id: string | number;
  answered?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ShowQuestionsQuery = { show: { id: string, questions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, body: string, answer: string | null, answeredAt: string | null, createdAt: string, author: { id: string, displayName: string }, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null } }> } } | null };

export type ShowEventsSubscriptionVariables = Exact<{
  showId: string | number;
  afterSeq?: number | null | undefined;
}>;


export type ShowEventsSubscription = { showEvents:
    | { __typename: 'ChatMessagePosted', seq: number, at: string, showId: string, message: { id: string, body: string, author: { id: string, displayName: string } } }
    | { __typename: 'ChatMessageRemoved', messageId: string, seq: number, at: string, showId: string }
    | { __typename: 'FlashSaleEnded', productId: string, seq: number, at: string, showId: string }
    | { __typename: 'FlashSaleStarted', seq: number, at: string, showId: string, flashSale: { quantity: number, remaining: number, perBuyerLimit: number, endsAt: string, product: { id: string, title: string }, price: { amountMinor: number, currency: string } } }
    | { __typename: 'ProductPinned', seq: number, at: string, showId: string, product: { id: string, title: string } }
    | { __typename: 'ProductUnpinned', seq: number, at: string, showId: string }
    | { __typename: 'PurchaseMade', productId: string, quantity: number, seq: number, at: string, showId: string }
    | { __typename: 'QuestionAnswered', seq: number, at: string, showId: string, question: { id: string, body: string, answer: string | null } }
    | { __typename: 'QuestionAsked', seq: number, at: string, showId: string, question: { id: string, body: string, answer: string | null } }
    | { __typename: 'ShowStatusChanged', status: ShowStatus, seq: number, at: string, showId: string }
    | { __typename: 'StockChanged', productId: string, stock: number, seq: number, at: string, showId: string }
    | { __typename: 'ViewerCountChanged', count: number, seq: number, at: string, showId: string }
   };

export type CartQueryVariables = Exact<{ [key: string]: never; }>;


export type CartQuery = { cart: { id: string, lines: Array<{ id: string, quantity: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, unitPrice: { amountMinor: number, currency: string }, total: { amountMinor: number, currency: string }, show: { id: string, title: string, status: ShowStatus } | null }>, subtotals: Array<{ amountMinor: number, currency: string }> } };

export type CartLineAddMutationVariables = Exact<{
  input: CartLineAddInput;
}>;


export type CartLineAddMutation = { cartLineAdd: { cart: { id: string, lines: Array<{ id: string, quantity: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, unitPrice: { amountMinor: number, currency: string }, total: { amountMinor: number, currency: string }, show: { id: string, title: string, status: ShowStatus } | null }>, subtotals: Array<{ amountMinor: number, currency: string }> } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type CartLineUpdateMutationVariables = Exact<{
  input: CartLineUpdateInput;
}>;


export type CartLineUpdateMutation = { cartLineUpdate: { cart: { id: string, lines: Array<{ id: string, quantity: number, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, unitPrice: { amountMinor: number, currency: string }, total: { amountMinor: number, currency: string }, show: { id: string, title: string, status: ShowStatus } | null }>, subtotals: Array<{ amountMinor: number, currency: string }> } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type CheckoutMutationVariables = Exact<{
  input: CheckoutInput;
}>;


export type CheckoutMutation = { checkout: { order: { id: string, number: string, status: OrderStatus, createdAt: string, total: { amountMinor: number, currency: string }, show: { id: string, title: string } | null, influencer: { id: string, handle: string, displayName: string } | null, lines: Array<{ id: string, quantity: number, commissionBps: number, platformFeeBps: number, refundedQuantity: number, unitPrice: { amountMinor: number, currency: string }, total: { amountMinor: number, currency: string }, product: { id: string, title: string, imageUrls: Array<string> }, vendor: { id: string, slug: string, name: string } }>, vendorOrders: Array<{ id: string, status: string, vendor: { id: string, slug: string, name: string }, subtotal: { amountMinor: number, currency: string }, lines: Array<{ id: string }> }> } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type OrderQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderQuery = { order: { id: string, number: string, status: OrderStatus, createdAt: string, total: { amountMinor: number, currency: string }, show: { id: string, title: string } | null, influencer: { id: string, handle: string, displayName: string } | null, lines: Array<{ id: string, quantity: number, commissionBps: number, platformFeeBps: number, refundedQuantity: number, unitPrice: { amountMinor: number, currency: string }, total: { amountMinor: number, currency: string }, product: { id: string, title: string, imageUrls: Array<string> }, vendor: { id: string, slug: string, name: string } }>, vendorOrders: Array<{ id: string, status: string, vendor: { id: string, slug: string, name: string }, subtotal: { amountMinor: number, currency: string }, lines: Array<{ id: string }> }> } | null };

export type MyOrdersQueryVariables = Exact<{
  status?: OrderStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyOrdersQuery = { orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, number: string, status: OrderStatus, createdAt: string, total: { amountMinor: number, currency: string }, show: { id: string, title: string } | null, influencer: { id: string, handle: string, displayName: string } | null, lines: Array<{ id: string, quantity: number, commissionBps: number, platformFeeBps: number, refundedQuantity: number, unitPrice: { amountMinor: number, currency: string }, total: { amountMinor: number, currency: string }, product: { id: string, title: string, imageUrls: Array<string> }, vendor: { id: string, slug: string, name: string } }>, vendorOrders: Array<{ id: string, status: string, vendor: { id: string, slug: string, name: string }, subtotal: { amountMinor: number, currency: string }, lines: Array<{ id: string }> }> } }> } };

export type MyVendorsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyVendorsQuery = { me: { id: string, vendors: Array<{ id: string, slug: string, name: string, description: string, products: { totalCount: number } }> } | null };

export type VendorCreateMutationVariables = Exact<{
  input: VendorCreateInput;
}>;


export type VendorCreateMutation = { vendorCreate: { vendor: { id: string, slug: string, name: string, description: string } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type VendorStaffAddMutationVariables = Exact<{
  input: VendorStaffAddInput;
}>;


export type VendorStaffAddMutation = { vendorStaffAdd: { vendor: { id: string, staff: Array<{ role: VendorRole, user: { id: string, displayName: string } }> | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ProductCreateMutationVariables = Exact<{
  input: ProductCreateInput;
}>;


export type ProductCreateMutation = { productCreate: { product: { description: string, sku: string, status: ProductStatus, id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ProductUpdateMutationVariables = Exact<{
  input: ProductUpdateInput;
}>;


export type ProductUpdateMutation = { productUpdate: { product: { description: string, sku: string, status: ProductStatus, id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ProductStockAdjustMutationVariables = Exact<{
  input: ProductStockAdjustInput;
}>;


export type ProductStockAdjustMutation = { productStockAdjust: { product: { id: string, stock: number } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ProductArchiveMutationVariables = Exact<{
  input: ProductArchiveInput;
}>;


export type ProductArchiveMutation = { productArchive: { product: { id: string, status: ProductStatus } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type OfferPublishMutationVariables = Exact<{
  input: OfferPublishInput;
}>;


export type OfferPublishMutation = { offerPublish: { offer: { id: string, commissionBps: number, startsAt: string | null, endsAt: string | null, active: boolean, product: { id: string } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type OfferWithdrawMutationVariables = Exact<{
  input: OfferWithdrawInput;
}>;


export type OfferWithdrawMutation = { offerWithdraw: { offer: { id: string, commissionBps: number, startsAt: string | null, endsAt: string | null, active: boolean, product: { id: string } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ProductWithOfferQueryVariables = Exact<{
  id: string | number;
}>;


export type ProductWithOfferQuery = { product: { description: string, sku: string, status: ProductStatus, id: string, title: string, category: string, imageUrls: Array<string>, stock: number, openOffer: { id: string, commissionBps: number, startsAt: string | null, endsAt: string | null, active: boolean } | null, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } } | null };

export type VendorCollaborationsQueryVariables = Exact<{
  vendorId: string | number;
  status?: CollaborationStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type VendorCollaborationsQuery = { collaborations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, status: CollaborationStatus, commissionBps: number, requestedBps: number | null, startsAt: string, endsAt: string, message: string | null, rejectReason: string | null, createdAt: string, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, influencer: { id: string, handle: string, displayName: string, avatarUrl: string | null } } }> } };

export type CollaborationApproveMutationVariables = Exact<{
  input: CollaborationIdInput;
}>;


export type CollaborationApproveMutation = { collaborationApprove: { collaboration: { id: string, status: CollaborationStatus, commissionBps: number, requestedBps: number | null, startsAt: string, endsAt: string, message: string | null, rejectReason: string | null, createdAt: string, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, influencer: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type CollaborationRejectMutationVariables = Exact<{
  input: CollaborationRejectInput;
}>;


export type CollaborationRejectMutation = { collaborationReject: { collaboration: { id: string, status: CollaborationStatus, commissionBps: number, requestedBps: number | null, startsAt: string, endsAt: string, message: string | null, rejectReason: string | null, createdAt: string, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, influencer: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type CollaborationCounterMutationVariables = Exact<{
  input: CollaborationCounterInput;
}>;


export type CollaborationCounterMutation = { collaborationCounter: { collaboration: { id: string, status: CollaborationStatus, commissionBps: number, requestedBps: number | null, startsAt: string, endsAt: string, message: string | null, rejectReason: string | null, createdAt: string, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, influencer: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type CollaborationCancelMutationVariables = Exact<{
  input: CollaborationIdInput;
}>;


export type CollaborationCancelMutation = { collaborationCancel: { collaboration: { id: string, status: CollaborationStatus, commissionBps: number, requestedBps: number | null, startsAt: string, endsAt: string, message: string | null, rejectReason: string | null, createdAt: string, product: { id: string, title: string, category: string, imageUrls: Array<string>, stock: number, price: { amountMinor: number, currency: string }, vendor: { id: string, slug: string, name: string } }, vendor: { id: string, slug: string, name: string }, influencer: { id: string, handle: string, displayName: string, avatarUrl: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type VendorPlatformFeeQueryVariables = Exact<{
  id: string | number;
}>;


export type VendorPlatformFeeQuery = { vendor: { id: string, platformFeeBps: number | null } | null };

export type NotificationsQueryVariables = Exact<{
  unreadOnly?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NotificationsQuery = { notifications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, kind: string, title: string, body: string, subjectId: string | null, readAt: string | null, createdAt: string } }> } };

export type NotificationMarkReadMutationVariables = Exact<{
  input: NotificationMarkReadInput;
}>;


export type NotificationMarkReadMutation = { notificationMarkRead: { notifications: Array<{ id: string, kind: string, title: string, body: string, subjectId: string | null, readAt: string | null, createdAt: string }> | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type VendorSalesSubscriptionVariables = Exact<{
  vendorId: string | number;
}>;


export type VendorSalesSubscription = { vendorSales: { orderId: string, vendorId: string, quantity: number, at: string, show: { id: string, title: string } | null, influencer: { id: string, handle: string, displayName: string } | null, product: { id: string, title: string }, gross: { amountMinor: number, currency: string }, commission: { amountMinor: number, currency: string } } };

export type VendorOrdersQueryVariables = Exact<{
  vendorId: string | number;
  status?: OrderStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type VendorOrdersQuery = { orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, number: string, status: OrderStatus, createdAt: string, total: { amountMinor: number, currency: string }, show: { id: string, title: string } | null, influencer: { id: string, handle: string, displayName: string } | null, lines: Array<{ id: string, quantity: number, commissionBps: number, platformFeeBps: number, refundedQuantity: number, unitPrice: { amountMinor: number, currency: string }, total: { amountMinor: number, currency: string }, product: { id: string, title: string, imageUrls: Array<string> }, vendor: { id: string, slug: string, name: string } }>, vendorOrders: Array<{ id: string, status: string, vendor: { id: string, slug: string, name: string }, subtotal: { amountMinor: number, currency: string }, lines: Array<{ id: string }> }> } }> } };

export type OrderRefundMutationVariables = Exact<{
  input: OrderRefundInput;
}>;


export type OrderRefundMutation = { orderRefund: { order: { id: string, number: string, status: OrderStatus, createdAt: string, total: { amountMinor: number, currency: string }, show: { id: string, title: string } | null, influencer: { id: string, handle: string, displayName: string } | null, lines: Array<{ id: string, quantity: number, commissionBps: number, platformFeeBps: number, refundedQuantity: number, unitPrice: { amountMinor: number, currency: string }, total: { amountMinor: number, currency: string }, product: { id: string, title: string, imageUrls: Array<string> }, vendor: { id: string, slug: string, name: string } }>, vendorOrders: Array<{ id: string, status: string, vendor: { id: string, slug: string, name: string }, subtotal: { amountMinor: number, currency: string }, lines: Array<{ id: string }> }> } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type VendorSalesReportQueryVariables = Exact<{
  vendorId: string | number;
  from: string;
  to: string;
  groupBy: SalesGroupBy;
}>;


export type VendorSalesReportQuery = { vendorSalesReport: Array<{ key: string, label: string, orders: number, units: number, gross: { amountMinor: number, currency: string }, commission: { amountMinor: number, currency: string }, platformFee: { amountMinor: number, currency: string }, vendorNet: { amountMinor: number, currency: string }, refunded: { amountMinor: number, currency: string } }> };

export type BalancesQueryVariables = Exact<{ [key: string]: never; }>;


export type BalancesQuery = { balances: Array<{ partyId: string, partyType: PartyType, currency: string, pending: { amountMinor: number, currency: string }, available: { amountMinor: number, currency: string }, paidOut: { amountMinor: number, currency: string } }> };

export type PayoutsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PayoutsQuery = { payouts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, partyId: string, partyType: PartyType, status: PayoutStatus, period: string, reference: string | null, failure: string | null, createdAt: string, paidAt: string | null, failedAt: string | null, amount: { amountMinor: number, currency: string } } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const UserErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserErrorFields on UserError {
  code
  field
  message
}
    `, {"fragmentName":"UserErrorFields"}) as unknown as TypedDocumentString<UserErrorFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = new TypedDocumentString(`
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
    `, {"fragmentName":"PageInfoFields"}) as unknown as TypedDocumentString<PageInfoFieldsFragment, unknown>;
export const ViewerFieldsFragmentDoc = new TypedDocumentString(`
    fragment ViewerFields on User {
  id
  email
  displayName
  isAdmin
  influencer {
    id
    handle
  }
}
    `, {"fragmentName":"ViewerFields"}) as unknown as TypedDocumentString<ViewerFieldsFragment, unknown>;
export const VendorFieldsFragmentDoc = new TypedDocumentString(`
    fragment VendorFields on Vendor {
  id
  slug
  name
  description
}
    `, {"fragmentName":"VendorFields"}) as unknown as TypedDocumentString<VendorFieldsFragment, unknown>;
export const MoneyFieldsFragmentDoc = new TypedDocumentString(`
    fragment MoneyFields on Money {
  amountMinor
  currency
}
    `, {"fragmentName":"MoneyFields"}) as unknown as TypedDocumentString<MoneyFieldsFragment, unknown>;
export const ProductCardFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`, {"fragmentName":"ProductCardFields"}) as unknown as TypedDocumentString<ProductCardFieldsFragment, unknown>;
export const ProductFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`, {"fragmentName":"ProductFields"}) as unknown as TypedDocumentString<ProductFieldsFragment, unknown>;
export const InfluencerFieldsFragmentDoc = new TypedDocumentString(`
    fragment InfluencerFields on Influencer {
  id
  handle
  displayName
  bio
  avatarUrl
  followerCount
  viewerIsFollowing
}
    `, {"fragmentName":"InfluencerFields"}) as unknown as TypedDocumentString<InfluencerFieldsFragment, unknown>;
export const OfferFieldsFragmentDoc = new TypedDocumentString(`
    fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}
    `, {"fragmentName":"OfferFields"}) as unknown as TypedDocumentString<OfferFieldsFragment, unknown>;
export const CollaborationFieldsFragmentDoc = new TypedDocumentString(`
    fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`, {"fragmentName":"CollaborationFields"}) as unknown as TypedDocumentString<CollaborationFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationFields on Notification {
  id
  kind
  title
  body
  subjectId
  readAt
  createdAt
}
    `, {"fragmentName":"NotificationFields"}) as unknown as TypedDocumentString<NotificationFieldsFragment, unknown>;
export const ShowCardFieldsFragmentDoc = new TypedDocumentString(`
    fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`, {"fragmentName":"ShowCardFields"}) as unknown as TypedDocumentString<ShowCardFieldsFragment, unknown>;
export const FlashSaleFieldsFragmentDoc = new TypedDocumentString(`
    fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`, {"fragmentName":"FlashSaleFields"}) as unknown as TypedDocumentString<FlashSaleFieldsFragment, unknown>;
export const ShowFieldsFragmentDoc = new TypedDocumentString(`
    fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`, {"fragmentName":"ShowFields"}) as unknown as TypedDocumentString<ShowFieldsFragment, unknown>;
export const ChatMessageFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChatMessageFields on ChatMessage {
  id
  body
  createdAt
  author {
    id
    displayName
  }
}
    `, {"fragmentName":"ChatMessageFields"}) as unknown as TypedDocumentString<ChatMessageFieldsFragment, unknown>;
export const QuestionFieldsFragmentDoc = new TypedDocumentString(`
    fragment QuestionFields on Question {
  id
  body
  answer
  answeredAt
  createdAt
  author {
    id
    displayName
  }
  product {
    ...ProductCardFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`, {"fragmentName":"QuestionFields"}) as unknown as TypedDocumentString<QuestionFieldsFragment, unknown>;
export const CartFieldsFragmentDoc = new TypedDocumentString(`
    fragment CartFields on Cart {
  id
  lines {
    id
    quantity
    product {
      ...ProductCardFields
    }
    vendor {
      id
      slug
      name
    }
    unitPrice {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    show {
      id
      title
      status
    }
  }
  subtotals {
    ...MoneyFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`, {"fragmentName":"CartFields"}) as unknown as TypedDocumentString<CartFieldsFragment, unknown>;
export const OrderLineFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`, {"fragmentName":"OrderLineFields"}) as unknown as TypedDocumentString<OrderLineFieldsFragment, unknown>;
export const OrderFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}`, {"fragmentName":"OrderFields"}) as unknown as TypedDocumentString<OrderFieldsFragment, unknown>;
export const SalesRowFieldsFragmentDoc = new TypedDocumentString(`
    fragment SalesRowFields on SalesRow {
  key
  label
  orders
  units
  gross {
    ...MoneyFields
  }
  commission {
    ...MoneyFields
  }
  platformFee {
    ...MoneyFields
  }
  vendorNet {
    ...MoneyFields
  }
  refunded {
    ...MoneyFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`, {"fragmentName":"SalesRowFields"}) as unknown as TypedDocumentString<SalesRowFieldsFragment, unknown>;
export const BalanceFieldsFragmentDoc = new TypedDocumentString(`
    fragment BalanceFields on Balance {
  partyId
  partyType
  currency
  pending {
    ...MoneyFields
  }
  available {
    ...MoneyFields
  }
  paidOut {
    ...MoneyFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`, {"fragmentName":"BalanceFields"}) as unknown as TypedDocumentString<BalanceFieldsFragment, unknown>;
export const PayoutFieldsFragmentDoc = new TypedDocumentString(`
    fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`, {"fragmentName":"PayoutFields"}) as unknown as TypedDocumentString<PayoutFieldsFragment, unknown>;
export const VendorPlatformFeeSetDocument = new TypedDocumentString(`
    mutation VendorPlatformFeeSet($input: VendorPlatformFeeSetInput!) {
  vendorPlatformFeeSet(input: $input) {
    vendor {
      id
      platformFeeBps
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<VendorPlatformFeeSetMutation, VendorPlatformFeeSetMutationVariables>;
export const PayoutRunDocument = new TypedDocumentString(`
    mutation PayoutRun {
  payoutRun {
    period
    created {
      ...PayoutFields
    }
    sent
    failed
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}`) as unknown as TypedDocumentString<PayoutRunMutation, PayoutRunMutationVariables>;
export const PayoutMarkPaidDocument = new TypedDocumentString(`
    mutation PayoutMarkPaid($input: PayoutMarkPaidInput!) {
  payoutMarkPaid(input: $input) {
    payout {
      ...PayoutFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}`) as unknown as TypedDocumentString<PayoutMarkPaidMutation, PayoutMarkPaidMutationVariables>;
export const PayoutMarkFailedDocument = new TypedDocumentString(`
    mutation PayoutMarkFailed($input: PayoutMarkFailedInput!) {
  payoutMarkFailed(input: $input) {
    payout {
      ...PayoutFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}`) as unknown as TypedDocumentString<PayoutMarkFailedMutation, PayoutMarkFailedMutationVariables>;
export const MyInfluencerProfileDocument = new TypedDocumentString(`
    query MyInfluencerProfile {
  me {
    id
    influencer {
      ...InfluencerFields
    }
  }
}
    fragment InfluencerFields on Influencer {
  id
  handle
  displayName
  bio
  avatarUrl
  followerCount
  viewerIsFollowing
}`) as unknown as TypedDocumentString<MyInfluencerProfileQuery, MyInfluencerProfileQueryVariables>;
export const InfluencerProfileCreateDocument = new TypedDocumentString(`
    mutation InfluencerProfileCreate($input: InfluencerProfileCreateInput!) {
  influencerProfileCreate(input: $input) {
    influencer {
      ...InfluencerFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment InfluencerFields on Influencer {
  id
  handle
  displayName
  bio
  avatarUrl
  followerCount
  viewerIsFollowing
}`) as unknown as TypedDocumentString<InfluencerProfileCreateMutation, InfluencerProfileCreateMutationVariables>;
export const OffersDocument = new TypedDocumentString(`
    query Offers($filter: OfferFilter, $first: Int, $after: String) {
  offers(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...OfferFields
        product {
          ...ProductCardFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}`) as unknown as TypedDocumentString<OffersQuery, OffersQueryVariables>;
export const CollaborationBookDocument = new TypedDocumentString(`
    mutation CollaborationBook($input: CollaborationBookInput!) {
  collaborationBook(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`) as unknown as TypedDocumentString<CollaborationBookMutation, CollaborationBookMutationVariables>;
export const CollaborationRequestDocument = new TypedDocumentString(`
    mutation CollaborationRequest($input: CollaborationRequestInput!) {
  collaborationRequest(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`) as unknown as TypedDocumentString<CollaborationRequestMutation, CollaborationRequestMutationVariables>;
export const CollaborationAcceptCounterDocument = new TypedDocumentString(`
    mutation CollaborationAcceptCounter($input: CollaborationIdInput!) {
  collaborationAcceptCounter(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`) as unknown as TypedDocumentString<CollaborationAcceptCounterMutation, CollaborationAcceptCounterMutationVariables>;
export const MyCollaborationsDocument = new TypedDocumentString(`
    query MyCollaborations($filter: CollaborationFilter, $first: Int, $after: String) {
  collaborations(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...CollaborationFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`) as unknown as TypedDocumentString<MyCollaborationsQuery, MyCollaborationsQueryVariables>;
export const ShowcaseDocument = new TypedDocumentString(`
    query Showcase($first: Int, $after: String) {
  showcase(first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...CollaborationFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`) as unknown as TypedDocumentString<ShowcaseQuery, ShowcaseQueryVariables>;
export const NotificationReceivedDocument = new TypedDocumentString(`
    subscription NotificationReceived {
  notificationReceived {
    ...NotificationFields
  }
}
    fragment NotificationFields on Notification {
  id
  kind
  title
  body
  subjectId
  readAt
  createdAt
}`) as unknown as TypedDocumentString<NotificationReceivedSubscription, NotificationReceivedSubscriptionVariables>;
export const ShowCreateDocument = new TypedDocumentString(`
    mutation ShowCreate($input: ShowCreateInput!) {
  showCreate(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`) as unknown as TypedDocumentString<ShowCreateMutation, ShowCreateMutationVariables>;
export const ShowUpdateDocument = new TypedDocumentString(`
    mutation ShowUpdate($input: ShowUpdateInput!) {
  showUpdate(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`) as unknown as TypedDocumentString<ShowUpdateMutation, ShowUpdateMutationVariables>;
export const ShowPublishDocument = new TypedDocumentString(`
    mutation ShowPublish($input: ShowIdInput!) {
  showPublish(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`) as unknown as TypedDocumentString<ShowPublishMutation, ShowPublishMutationVariables>;
export const ShowRescheduleDocument = new TypedDocumentString(`
    mutation ShowReschedule($input: ShowRescheduleInput!) {
  showReschedule(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`) as unknown as TypedDocumentString<ShowRescheduleMutation, ShowRescheduleMutationVariables>;
export const ShowCancelDocument = new TypedDocumentString(`
    mutation ShowCancel($input: ShowIdInput!) {
  showCancel(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`) as unknown as TypedDocumentString<ShowCancelMutation, ShowCancelMutationVariables>;
export const ShowGoLiveDocument = new TypedDocumentString(`
    mutation ShowGoLive($input: ShowIdInput!) {
  showGoLive(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`) as unknown as TypedDocumentString<ShowGoLiveMutation, ShowGoLiveMutationVariables>;
export const ShowEndDocument = new TypedDocumentString(`
    mutation ShowEnd($input: ShowIdInput!) {
  showEnd(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`) as unknown as TypedDocumentString<ShowEndMutation, ShowEndMutationVariables>;
export const MyShowsDocument = new TypedDocumentString(`
    query MyShows($influencerId: ID!, $status: [ShowStatus!] = [DRAFT, SCHEDULED, LIVE], $first: Int, $after: String) {
  influencer(id: $influencerId) {
    id
    shows(filter: {status: $status}, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ShowCardFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}`) as unknown as TypedDocumentString<MyShowsQuery, MyShowsQueryVariables>;
export const ProductPinDocument = new TypedDocumentString(`
    mutation ProductPin($input: ProductPinInput!) {
  productPin(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`) as unknown as TypedDocumentString<ProductPinMutation, ProductPinMutationVariables>;
export const ProductUnpinDocument = new TypedDocumentString(`
    mutation ProductUnpin($input: ShowIdInput!) {
  productUnpin(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`) as unknown as TypedDocumentString<ProductUnpinMutation, ProductUnpinMutationVariables>;
export const QuestionAnswerDocument = new TypedDocumentString(`
    mutation QuestionAnswer($input: QuestionAnswerInput!) {
  questionAnswer(input: $input) {
    question {
      ...QuestionFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment QuestionFields on Question {
  id
  body
  answer
  answeredAt
  createdAt
  author {
    id
    displayName
  }
  product {
    ...ProductCardFields
  }
}`) as unknown as TypedDocumentString<QuestionAnswerMutation, QuestionAnswerMutationVariables>;
export const ChatRemoveDocument = new TypedDocumentString(`
    mutation ChatRemove($input: ChatRemoveInput!) {
  chatRemove(input: $input) {
    message {
      ...ChatMessageFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment ChatMessageFields on ChatMessage {
  id
  body
  createdAt
  author {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<ChatRemoveMutation, ChatRemoveMutationVariables>;
export const ShowModeratorAddDocument = new TypedDocumentString(`
    mutation ShowModeratorAdd($input: ShowUserInput!) {
  showModeratorAdd(input: $input) {
    show {
      id
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<ShowModeratorAddMutation, ShowModeratorAddMutationVariables>;
export const ShowMuteDocument = new TypedDocumentString(`
    mutation ShowMute($input: ShowUserInput!) {
  showMute(input: $input) {
    show {
      id
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<ShowMuteMutation, ShowMuteMutationVariables>;
export const FlashSaleStartDocument = new TypedDocumentString(`
    mutation FlashSaleStart($input: FlashSaleStartInput!) {
  flashSaleStart(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`) as unknown as TypedDocumentString<FlashSaleStartMutation, FlashSaleStartMutationVariables>;
export const FlashSaleEndDocument = new TypedDocumentString(`
    mutation FlashSaleEnd($input: FlashSaleEndInput!) {
  flashSaleEnd(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`) as unknown as TypedDocumentString<FlashSaleEndMutation, FlashSaleEndMutationVariables>;
export const EarningsDocument = new TypedDocumentString(`
    query Earnings($from: Time!, $to: Time!) {
  earnings(from: $from, to: $to) {
    ...SalesRowFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment SalesRowFields on SalesRow {
  key
  label
  orders
  units
  gross {
    ...MoneyFields
  }
  commission {
    ...MoneyFields
  }
  platformFee {
    ...MoneyFields
  }
  vendorNet {
    ...MoneyFields
  }
  refunded {
    ...MoneyFields
  }
}`) as unknown as TypedDocumentString<EarningsQuery, EarningsQueryVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    token
    user {
      ...ViewerFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment ViewerFields on User {
  id
  email
  displayName
  isAdmin
  influencer {
    id
    handle
  }
}`) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    token
    user {
      ...ViewerFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment ViewerFields on User {
  id
  email
  displayName
  isAdmin
  influencer {
    id
    handle
  }
}`) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut {
    ok
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...ViewerFields
  }
}
    fragment ViewerFields on User {
  id
  email
  displayName
  isAdmin
  influencer {
    id
    handle
  }
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const VendorDocument = new TypedDocumentString(`
    query Vendor($slug: String!) {
  vendor(slug: $slug) {
    ...VendorFields
  }
}
    fragment VendorFields on Vendor {
  id
  slug
  name
  description
}`) as unknown as TypedDocumentString<VendorQuery, VendorQueryVariables>;
export const VendorProductsDocument = new TypedDocumentString(`
    query VendorProducts($slug: String!, $first: Int, $after: String) {
  vendor(slug: $slug) {
    id
    products(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ProductCardFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`) as unknown as TypedDocumentString<VendorProductsQuery, VendorProductsQueryVariables>;
export const InfluencerDocument = new TypedDocumentString(`
    query Influencer($handle: String!) {
  influencer(handle: $handle) {
    ...InfluencerFields
  }
}
    fragment InfluencerFields on Influencer {
  id
  handle
  displayName
  bio
  avatarUrl
  followerCount
  viewerIsFollowing
}`) as unknown as TypedDocumentString<InfluencerQuery, InfluencerQueryVariables>;
export const InfluencerFollowDocument = new TypedDocumentString(`
    mutation InfluencerFollow($input: InfluencerFollowInput!) {
  influencerFollow(input: $input) {
    influencer {
      id
      followerCount
      viewerIsFollowing
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<InfluencerFollowMutation, InfluencerFollowMutationVariables>;
export const InfluencerUnfollowDocument = new TypedDocumentString(`
    mutation InfluencerUnfollow($input: InfluencerFollowInput!) {
  influencerUnfollow(input: $input) {
    influencer {
      id
      followerCount
      viewerIsFollowing
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<InfluencerUnfollowMutation, InfluencerUnfollowMutationVariables>;
export const ProductsDocument = new TypedDocumentString(`
    query Products($filter: ProductFilter, $first: Int, $after: String) {
  products(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ProductCardFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`) as unknown as TypedDocumentString<ProductsQuery, ProductsQueryVariables>;
export const ProductDocument = new TypedDocumentString(`
    query Product($id: ID!) {
  product(id: $id) {
    ...ProductFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}`) as unknown as TypedDocumentString<ProductQuery, ProductQueryVariables>;
export const UpcomingShowsDocument = new TypedDocumentString(`
    query UpcomingShows($from: Time, $to: Time, $category: String, $vendorId: ID, $influencerId: ID, $first: Int, $after: String) {
  shows(
    filter: {from: $from, to: $to, category: $category, vendorId: $vendorId, influencerId: $influencerId}
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ShowCardFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}`) as unknown as TypedDocumentString<UpcomingShowsQuery, UpcomingShowsQueryVariables>;
export const ShowDocument = new TypedDocumentString(`
    query Show($id: ID!) {
  show(id: $id) {
    ...ShowFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`) as unknown as TypedDocumentString<ShowQuery, ShowQueryVariables>;
export const ShowJoinDocument = new TypedDocumentString(`
    mutation ShowJoin($input: ShowIdInput!) {
  showJoin(input: $input) {
    token
    url
    canPublish
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<ShowJoinMutation, ShowJoinMutationVariables>;
export const ShowRemindMeDocument = new TypedDocumentString(`
    mutation ShowRemindMe($input: ShowIdInput!) {
  showRemindMe(input: $input) {
    show {
      id
      reminderCount
      viewerHasReminder
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<ShowRemindMeMutation, ShowRemindMeMutationVariables>;
export const ShowReminderCancelDocument = new TypedDocumentString(`
    mutation ShowReminderCancel($input: ShowIdInput!) {
  showReminderCancel(input: $input) {
    show {
      id
      reminderCount
      viewerHasReminder
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<ShowReminderCancelMutation, ShowReminderCancelMutationVariables>;
export const SearchShowsDocument = new TypedDocumentString(`
    query SearchShows($query: String!, $filter: ShowSearchFilter, $sort: ShowSearchSort, $first: Int, $after: String) {
  searchShows(
    query: $query
    filter: $filter
    sort: $sort
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ShowCardFields
      }
    }
    facets {
      name
      values {
        value
        label
        count
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}`) as unknown as TypedDocumentString<SearchShowsQuery, SearchShowsQueryVariables>;
export const SearchProductsDocument = new TypedDocumentString(`
    query SearchProducts($query: String!, $filter: ProductSearchFilter, $sort: ProductSearchSort, $first: Int, $after: String) {
  searchProducts(
    query: $query
    filter: $filter
    sort: $sort
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        product {
          ...ProductCardFields
        }
        shows {
          id
          title
          scheduledStart
          status
        }
      }
    }
    facets {
      name
      values {
        value
        label
        count
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`) as unknown as TypedDocumentString<SearchProductsQuery, SearchProductsQueryVariables>;
export const ChatPostDocument = new TypedDocumentString(`
    mutation ChatPost($input: ChatPostInput!) {
  chatPost(input: $input) {
    message {
      ...ChatMessageFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment ChatMessageFields on ChatMessage {
  id
  body
  createdAt
  author {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<ChatPostMutation, ChatPostMutationVariables>;
export const QuestionAskDocument = new TypedDocumentString(`
    mutation QuestionAsk($input: QuestionAskInput!) {
  questionAsk(input: $input) {
    question {
      ...QuestionFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment QuestionFields on Question {
  id
  body
  answer
  answeredAt
  createdAt
  author {
    id
    displayName
  }
  product {
    ...ProductCardFields
  }
}`) as unknown as TypedDocumentString<QuestionAskMutation, QuestionAskMutationVariables>;
export const ShowChatDocument = new TypedDocumentString(`
    query ShowChat($id: ID!, $first: Int, $after: String) {
  show(id: $id) {
    id
    chat(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ChatMessageFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment ChatMessageFields on ChatMessage {
  id
  body
  createdAt
  author {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<ShowChatQuery, ShowChatQueryVariables>;
export const ShowQuestionsDocument = new TypedDocumentString(`
    query ShowQuestions($id: ID!, $answered: Boolean, $first: Int, $after: String) {
  show(id: $id) {
    id
    questions(filter: {answered: $answered}, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...QuestionFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment QuestionFields on Question {
  id
  body
  answer
  answeredAt
  createdAt
  author {
    id
    displayName
  }
  product {
    ...ProductCardFields
  }
}`) as unknown as TypedDocumentString<ShowQuestionsQuery, ShowQuestionsQueryVariables>;
export const ShowEventsDocument = new TypedDocumentString(`
    subscription ShowEvents($showId: ID!, $afterSeq: Int64) {
  showEvents(showId: $showId, afterSeq: $afterSeq) {
    __typename
    seq
    at
    showId
    ... on ShowStatusChanged {
      status
    }
    ... on ProductPinned {
      product {
        id
        title
      }
    }
    ... on ChatMessagePosted {
      message {
        id
        body
        author {
          id
          displayName
        }
      }
    }
    ... on ChatMessageRemoved {
      messageId
    }
    ... on QuestionAsked {
      question {
        id
        body
        answer
      }
    }
    ... on QuestionAnswered {
      question {
        id
        body
        answer
      }
    }
    ... on ViewerCountChanged {
      count
    }
    ... on StockChanged {
      productId
      stock
    }
    ... on PurchaseMade {
      productId
      quantity
    }
    ... on FlashSaleStarted {
      flashSale {
        product {
          id
          title
        }
        price {
          amountMinor
          currency
        }
        quantity
        remaining
        perBuyerLimit
        endsAt
      }
    }
    ... on FlashSaleEnded {
      productId
    }
  }
}
    `) as unknown as TypedDocumentString<ShowEventsSubscription, ShowEventsSubscriptionVariables>;
export const CartDocument = new TypedDocumentString(`
    query Cart {
  cart {
    ...CartFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CartFields on Cart {
  id
  lines {
    id
    quantity
    product {
      ...ProductCardFields
    }
    vendor {
      id
      slug
      name
    }
    unitPrice {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    show {
      id
      title
      status
    }
  }
  subtotals {
    ...MoneyFields
  }
}`) as unknown as TypedDocumentString<CartQuery, CartQueryVariables>;
export const CartLineAddDocument = new TypedDocumentString(`
    mutation CartLineAdd($input: CartLineAddInput!) {
  cartLineAdd(input: $input) {
    cart {
      ...CartFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CartFields on Cart {
  id
  lines {
    id
    quantity
    product {
      ...ProductCardFields
    }
    vendor {
      id
      slug
      name
    }
    unitPrice {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    show {
      id
      title
      status
    }
  }
  subtotals {
    ...MoneyFields
  }
}`) as unknown as TypedDocumentString<CartLineAddMutation, CartLineAddMutationVariables>;
export const CartLineUpdateDocument = new TypedDocumentString(`
    mutation CartLineUpdate($input: CartLineUpdateInput!) {
  cartLineUpdate(input: $input) {
    cart {
      ...CartFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CartFields on Cart {
  id
  lines {
    id
    quantity
    product {
      ...ProductCardFields
    }
    vendor {
      id
      slug
      name
    }
    unitPrice {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    show {
      id
      title
      status
    }
  }
  subtotals {
    ...MoneyFields
  }
}`) as unknown as TypedDocumentString<CartLineUpdateMutation, CartLineUpdateMutationVariables>;
export const CheckoutDocument = new TypedDocumentString(`
    mutation Checkout($input: CheckoutInput!) {
  checkout(input: $input) {
    order {
      ...OrderFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`) as unknown as TypedDocumentString<CheckoutMutation, CheckoutMutationVariables>;
export const OrderDocument = new TypedDocumentString(`
    query Order($id: ID!) {
  order(id: $id) {
    ...OrderFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`) as unknown as TypedDocumentString<OrderQuery, OrderQueryVariables>;
export const MyOrdersDocument = new TypedDocumentString(`
    query MyOrders($status: OrderStatus, $first: Int, $after: String) {
  orders(filter: {status: $status}, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...OrderFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`) as unknown as TypedDocumentString<MyOrdersQuery, MyOrdersQueryVariables>;
export const MyVendorsDocument = new TypedDocumentString(`
    query MyVendors {
  me {
    id
    vendors {
      ...VendorFields
      products(first: 0) {
        totalCount
      }
    }
  }
}
    fragment VendorFields on Vendor {
  id
  slug
  name
  description
}`) as unknown as TypedDocumentString<MyVendorsQuery, MyVendorsQueryVariables>;
export const VendorCreateDocument = new TypedDocumentString(`
    mutation VendorCreate($input: VendorCreateInput!) {
  vendorCreate(input: $input) {
    vendor {
      ...VendorFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment VendorFields on Vendor {
  id
  slug
  name
  description
}`) as unknown as TypedDocumentString<VendorCreateMutation, VendorCreateMutationVariables>;
export const VendorStaffAddDocument = new TypedDocumentString(`
    mutation VendorStaffAdd($input: VendorStaffAddInput!) {
  vendorStaffAdd(input: $input) {
    vendor {
      id
      staff {
        role
        user {
          id
          displayName
        }
      }
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<VendorStaffAddMutation, VendorStaffAddMutationVariables>;
export const ProductCreateDocument = new TypedDocumentString(`
    mutation ProductCreate($input: ProductCreateInput!) {
  productCreate(input: $input) {
    product {
      ...ProductFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}`) as unknown as TypedDocumentString<ProductCreateMutation, ProductCreateMutationVariables>;
export const ProductUpdateDocument = new TypedDocumentString(`
    mutation ProductUpdate($input: ProductUpdateInput!) {
  productUpdate(input: $input) {
    product {
      ...ProductFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}`) as unknown as TypedDocumentString<ProductUpdateMutation, ProductUpdateMutationVariables>;
export const ProductStockAdjustDocument = new TypedDocumentString(`
    mutation ProductStockAdjust($input: ProductStockAdjustInput!) {
  productStockAdjust(input: $input) {
    product {
      id
      stock
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<ProductStockAdjustMutation, ProductStockAdjustMutationVariables>;
export const ProductArchiveDocument = new TypedDocumentString(`
    mutation ProductArchive($input: ProductArchiveInput!) {
  productArchive(input: $input) {
    product {
      id
      status
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<ProductArchiveMutation, ProductArchiveMutationVariables>;
export const OfferPublishDocument = new TypedDocumentString(`
    mutation OfferPublish($input: OfferPublishInput!) {
  offerPublish(input: $input) {
    offer {
      ...OfferFields
      product {
        id
      }
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}`) as unknown as TypedDocumentString<OfferPublishMutation, OfferPublishMutationVariables>;
export const OfferWithdrawDocument = new TypedDocumentString(`
    mutation OfferWithdraw($input: OfferWithdrawInput!) {
  offerWithdraw(input: $input) {
    offer {
      ...OfferFields
      product {
        id
      }
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}`) as unknown as TypedDocumentString<OfferWithdrawMutation, OfferWithdrawMutationVariables>;
export const ProductWithOfferDocument = new TypedDocumentString(`
    query ProductWithOffer($id: ID!) {
  product(id: $id) {
    ...ProductFields
    openOffer {
      ...OfferFields
    }
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}
fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}`) as unknown as TypedDocumentString<ProductWithOfferQuery, ProductWithOfferQueryVariables>;
export const VendorCollaborationsDocument = new TypedDocumentString(`
    query VendorCollaborations($vendorId: ID!, $status: CollaborationStatus, $first: Int, $after: String) {
  collaborations(
    filter: {vendorId: $vendorId, status: $status}
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...CollaborationFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`) as unknown as TypedDocumentString<VendorCollaborationsQuery, VendorCollaborationsQueryVariables>;
export const CollaborationApproveDocument = new TypedDocumentString(`
    mutation CollaborationApprove($input: CollaborationIdInput!) {
  collaborationApprove(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`) as unknown as TypedDocumentString<CollaborationApproveMutation, CollaborationApproveMutationVariables>;
export const CollaborationRejectDocument = new TypedDocumentString(`
    mutation CollaborationReject($input: CollaborationRejectInput!) {
  collaborationReject(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`) as unknown as TypedDocumentString<CollaborationRejectMutation, CollaborationRejectMutationVariables>;
export const CollaborationCounterDocument = new TypedDocumentString(`
    mutation CollaborationCounter($input: CollaborationCounterInput!) {
  collaborationCounter(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`) as unknown as TypedDocumentString<CollaborationCounterMutation, CollaborationCounterMutationVariables>;
export const CollaborationCancelDocument = new TypedDocumentString(`
    mutation CollaborationCancel($input: CollaborationIdInput!) {
  collaborationCancel(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`) as unknown as TypedDocumentString<CollaborationCancelMutation, CollaborationCancelMutationVariables>;
export const VendorPlatformFeeDocument = new TypedDocumentString(`
    query VendorPlatformFee($id: ID!) {
  vendor(id: $id) {
    id
    platformFeeBps
  }
}
    `) as unknown as TypedDocumentString<VendorPlatformFeeQuery, VendorPlatformFeeQueryVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...NotificationFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment NotificationFields on Notification {
  id
  kind
  title
  body
  subjectId
  readAt
  createdAt
}`) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const NotificationMarkReadDocument = new TypedDocumentString(`
    mutation NotificationMarkRead($input: NotificationMarkReadInput!) {
  notificationMarkRead(input: $input) {
    notifications {
      ...NotificationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment NotificationFields on Notification {
  id
  kind
  title
  body
  subjectId
  readAt
  createdAt
}`) as unknown as TypedDocumentString<NotificationMarkReadMutation, NotificationMarkReadMutationVariables>;
export const VendorSalesDocument = new TypedDocumentString(`
    subscription VendorSales($vendorId: ID!) {
  vendorSales(vendorId: $vendorId) {
    orderId
    vendorId
    show {
      id
      title
    }
    influencer {
      id
      handle
      displayName
    }
    product {
      id
      title
    }
    quantity
    gross {
      amountMinor
      currency
    }
    commission {
      amountMinor
      currency
    }
    at
  }
}
    `) as unknown as TypedDocumentString<VendorSalesSubscription, VendorSalesSubscriptionVariables>;
export const VendorOrdersDocument = new TypedDocumentString(`
    query VendorOrders($vendorId: ID!, $status: OrderStatus, $first: Int, $after: String) {
  orders(
    filter: {vendorId: $vendorId, status: $status}
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...OrderFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`) as unknown as TypedDocumentString<VendorOrdersQuery, VendorOrdersQueryVariables>;
export const OrderRefundDocument = new TypedDocumentString(`
    mutation OrderRefund($input: OrderRefundInput!) {
  orderRefund(input: $input) {
    order {
      ...OrderFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`) as unknown as TypedDocumentString<OrderRefundMutation, OrderRefundMutationVariables>;
export const VendorSalesReportDocument = new TypedDocumentString(`
    query VendorSalesReport($vendorId: ID!, $from: Time!, $to: Time!, $groupBy: SalesGroupBy!) {
  vendorSalesReport(vendorId: $vendorId, from: $from, to: $to, groupBy: $groupBy) {
    ...SalesRowFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment SalesRowFields on SalesRow {
  key
  label
  orders
  units
  gross {
    ...MoneyFields
  }
  commission {
    ...MoneyFields
  }
  platformFee {
    ...MoneyFields
  }
  vendorNet {
    ...MoneyFields
  }
  refunded {
    ...MoneyFields
  }
}`) as unknown as TypedDocumentString<VendorSalesReportQuery, VendorSalesReportQueryVariables>;
export const BalancesDocument = new TypedDocumentString(`
    query Balances {
  balances {
    ...BalanceFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment BalanceFields on Balance {
  partyId
  partyType
  currency
  pending {
    ...MoneyFields
  }
  available {
    ...MoneyFields
  }
  paidOut {
    ...MoneyFields
  }
}`) as unknown as TypedDocumentString<BalancesQuery, BalancesQueryVariables>;
export const PayoutsDocument = new TypedDocumentString(`
    query Payouts($first: Int, $after: String) {
  payouts(first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...PayoutFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}`) as unknown as TypedDocumentString<PayoutsQuery, PayoutsQueryVariables>;