import { signOutAction } from "@/app/sign-out-action";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="min-h-11 rounded-md px-3 py-2 text-sm font-medium text-brand hover:bg-brand-soft">
        Sign out
      </button>
    </form>
  );
}
