import type { Metadata } from "next";
import { BrandForm, LogoForm } from "@/components/brand/brand-settings-forms";
import { BrandMark } from "@/components/layout/public-header";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { brandStyle, loadBrand } from "@/lib/brand/load-brand";
import { BackToSettings } from "@/components/settings/back-to-settings";

export const metadata: Metadata = { title: "Name and look" };
export const dynamic = "force-dynamic";

export default async function BrandSettingsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "brand.manage");
  const brand = (await loadBrand(scope.practice.id))!;
  return (
    <>
      <BackToSettings slug={slug} />
      <PageHeader
        title="Name and look"
        description="What clients see on your booking page, their portal, the manage and pay pages and every email: your name, logo and colour. The software's name appears only in a small footer."
      />
      <div className="space-y-4">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Name and colour</h2>
          <BrandForm
            slug={slug}
            practiceName={brand.practiceName}
            defaults={{ displayName: brand.name === brand.practiceName ? "" : brand.name, colour: brand.colour ?? "" }}
          />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Logo</h2>
          <LogoForm slug={slug} hasLogo={brand.logoPath !== null} />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">How clients see it</h2>
          <div style={brandStyle(brand)} className="rounded-md border border-line">
            <div className="border-b-4 border-b-brand bg-surface px-4 py-3">
              <BrandMark brand={brand} href={`/book/${brand.slug}`} />
            </div>
            <div className="p-4">
              <span className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 py-2 font-medium text-white">Book a session</span>
            </div>
          </div>
        </Card>
      </div>
    </>
  );
}
