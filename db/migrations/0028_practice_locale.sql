ALTER TABLE "practices" ADD COLUMN "locale" text DEFAULT 'en-US' NOT NULL;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_locale" CHECK ("practices"."locale" in ('en-US', 'en-GB', 'en-CA', 'en-AU'));--> statement-breakpoint
-- Existing practices read as their country does (lib/dates/locales.ts localeForCountry).
UPDATE "practices" SET "locale" = CASE "country" WHEN 'GB' THEN 'en-GB' WHEN 'IE' THEN 'en-GB' WHEN 'CA' THEN 'en-CA' WHEN 'AU' THEN 'en-AU' ELSE 'en-US' END;
