import { AreaNotFound } from "@/components/layout/area-states";

// Inside a client's portal. The link goes to /portal, which takes a client to their own portal
// (or their list of practices): a client id that is not theirs gets the same page as one that
// never existed, and the way out still works.
export default function PortalNotFound() {
  return <AreaNotFound text="This page does not exist, or it is not yours to see." homeHref="/portal" homeLabel="Go to your portal home" />;
}
