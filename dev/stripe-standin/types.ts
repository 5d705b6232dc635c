import type Stripe from "stripe";

/**
 * The objects the stand-in serves, typed by the Stripe SDK's own types: each
 * is the subset of Stripe's object that the stand-in writes (the fields a
 * real response also carries, with the types Stripe gives them), so a field
 * the SDK renames or retypes fails the type check here, not in a test. A
 * `Subset` lists the fields it keeps; nested objects that are themselves
 * partial are `Subset`s of Stripe's nested types.
 */
export type Subset<T, K extends keyof T, Nested extends { [P in K]?: unknown } = object> = Omit<Pick<T, K>, keyof Nested> & Nested;

export type Customer = Subset<
  Stripe.Customer,
  | "id"
  | "object"
  | "address"
  | "balance"
  | "created"
  | "currency"
  | "default_source"
  | "delinquent"
  | "description"
  | "email"
  | "invoice_prefix"
  | "invoice_settings"
  | "livemode"
  | "metadata"
  | "name"
  | "next_invoice_sequence"
  | "phone"
  | "preferred_locales"
  | "shipping"
  | "tax_exempt"
  | "test_clock"
>;

/** The cards the test payment page offers (its radio buttons' values). */
export type TestCardNumber = "4242" | "0341";

export type PaymentMethod = Subset<
  Stripe.PaymentMethod,
  "id" | "object" | "allow_redisplay" | "billing_details" | "card" | "created" | "customer" | "livemode" | "metadata" | "type",
  {
    billing_details: Subset<Stripe.PaymentMethod.BillingDetails, "address" | "email" | "name" | "phone">;
    card: Subset<Stripe.PaymentMethod.Card, "brand" | "country" | "display_brand" | "exp_month" | "exp_year" | "funding" | "last4" | "fingerprint">;
  }
>;

/** As kept in the stand-in's state: which test card it is rides along (never sent). */
export type StoredPaymentMethod = PaymentMethod & { _test_card: TestCardNumber };

export type PaymentIntent = Subset<
  Stripe.PaymentIntent,
  | "id"
  | "object"
  | "amount"
  | "amount_capturable"
  | "amount_received"
  | "application_fee_amount"
  | "automatic_payment_methods"
  | "canceled_at"
  | "cancellation_reason"
  | "capture_method"
  | "client_secret"
  | "confirmation_method"
  | "created"
  | "currency"
  | "customer"
  | "description"
  | "last_payment_error"
  | "latest_charge"
  | "livemode"
  | "metadata"
  | "next_action"
  | "on_behalf_of"
  | "payment_method"
  | "payment_method_types"
  | "receipt_email"
  | "setup_future_usage"
  | "status",
  {
    customer: string | null;
    latest_charge: string | null;
    payment_method: string | null;
    last_payment_error: (Subset<Stripe.PaymentIntent.LastPaymentError, "type" | "code" | "decline_code" | "message"> & { payment_method: PaymentMethod }) | null;
  }
>;

export type Charge = Subset<
  Stripe.Charge,
  | "id"
  | "object"
  | "amount"
  | "amount_captured"
  | "amount_refunded"
  | "captured"
  | "created"
  | "currency"
  | "customer"
  | "livemode"
  | "metadata"
  | "paid"
  | "payment_intent"
  | "payment_method"
  | "receipt_url"
  | "refunded"
  | "status",
  { customer: string | null; payment_intent: string }
>;

export type Refund = Subset<
  Stripe.Refund,
  "id" | "object" | "amount" | "balance_transaction" | "charge" | "created" | "currency" | "destination_details" | "metadata" | "payment_intent" | "reason" | "receipt_number" | "status",
  {
    charge: string;
    payment_intent: string;
    destination_details: Subset<Stripe.Refund.DestinationDetails, "type" | "card", { card: Subset<Stripe.Refund.DestinationDetails.Card, "type"> }>;
  }
>;

export type CheckoutSession = Subset<
  Stripe.Checkout.Session,
  | "id"
  | "object"
  | "amount_subtotal"
  | "amount_total"
  | "cancel_url"
  | "client_reference_id"
  | "consent"
  | "consent_collection"
  | "created"
  | "currency"
  | "custom_text"
  | "customer"
  | "customer_creation"
  | "customer_details"
  | "customer_email"
  | "expires_at"
  | "livemode"
  | "locale"
  | "metadata"
  | "mode"
  | "payment_intent"
  | "payment_method_types"
  | "payment_status"
  | "status"
  | "success_url"
  | "url",
  {
    amount_total: number;
    currency: string;
    customer: string | null;
    payment_intent: string | null;
    success_url: string;
    customer_details: Subset<Stripe.Checkout.Session.CustomerDetails, "email" | "name" | "phone" | "address" | "tax_exempt" | "tax_ids"> | null;
  }
>;

/** One line of the test payment page (Stripe keeps line items apart from the session too). */
export interface CheckoutLineItem {
  description: string;
  amount_total: number;
  quantity: number;
  currency: string;
}

/** As kept in the stand-in's state: what completing it needs, and the page's decline notice (never sent). */
export type StoredCheckoutSession = CheckoutSession & {
  _payment_intent_data: { metadata: Record<string, string>; setup_future_usage: "off_session" | "on_session" | null; description: string | null };
  _line_items: CheckoutLineItem[];
  _decline?: string;
};

export type Account = Subset<
  Stripe.Account,
  | "id"
  | "object"
  | "business_type"
  | "capabilities"
  | "charges_enabled"
  | "controller"
  | "country"
  | "created"
  | "default_currency"
  | "details_submitted"
  | "email"
  | "metadata"
  | "payouts_enabled"
  | "requirements"
  | "type",
  {
    controller: Subset<Stripe.Account.Controller, "type">;
    requirements: Subset<Stripe.Account.Requirements, "currently_due" | "disabled_reason">;
  }
>;

export type AccountLink = Stripe.AccountLink;

export type ApiList<T> = Pick<Stripe.ApiList<T>, "object" | "data" | "has_more" | "url">;

/** What an event can carry. */
export type EventObject = Customer | PaymentMethod | PaymentIntent | Charge | Refund | CheckoutSession | Account;

export type Event = Subset<
  Stripe.Event,
  "id" | "object" | "api_version" | "created" | "livemode" | "pending_webhooks" | "request" | "type",
  { type: Stripe.Event.Type; data: { object: EventObject }; account?: string }
>;
