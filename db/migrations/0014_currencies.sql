-- One currency list (lib/money/currencies.ts): the checks drop CAD and NZD, which no form could ever
-- write (the service form, packages and fees only ever offered USD, GBP, EUR and AUD). A database
-- holding a CAD or NZD row fails here on purpose: that row needs a decision, not a silent pass.
ALTER TABLE "services" DROP CONSTRAINT "services_currency";--> statement-breakpoint
ALTER TABLE "fees" DROP CONSTRAINT "fees_currency";--> statement-breakpoint
ALTER TABLE "packages" DROP CONSTRAINT "packages_currency";--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_currency";--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_currency" CHECK ("appointments"."currency" in ('USD', 'GBP', 'EUR', 'AUD'));--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_currency" CHECK ("services"."currency" in ('USD', 'GBP', 'EUR', 'AUD'));--> statement-breakpoint
ALTER TABLE "fees" ADD CONSTRAINT "fees_currency" CHECK ("fees"."currency" in ('USD', 'GBP', 'EUR', 'AUD'));--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_currency" CHECK ("packages"."currency" in ('USD', 'GBP', 'EUR', 'AUD'));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_currency" CHECK ("payments"."currency" in ('USD', 'GBP', 'EUR', 'AUD'));--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_currency" CHECK ("refunds"."currency" in ('USD', 'GBP', 'EUR', 'AUD'));