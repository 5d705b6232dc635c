import type { PaymentIntent } from "./types";

/** A refusal in Stripe's error envelope: `{ error: { type, code, message, param } }` with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; code?: string; message: string; param?: string; decline_code?: string; payment_intent?: PaymentIntent },
  ) {
    super(body.message);
  }
}

/** Stripe's 400 `invalid_request_error`, naming the parameter when there is one. */
export function invalid(param: string | null, message: string): ApiError {
  return new ApiError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}) });
}
