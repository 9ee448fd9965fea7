// For the owner's "how others see me" preview: keep only the fields a viewer kind may see,
// following the same rule as the server's presenter (operators see operators + members fields).
import { PROFILE_FIELDS } from "../../../shared/profile.ts";
import type { ProfileView } from "./model.ts";

export type ViewAs = "me" | "operators" | "members";

export function filterAs(p: ProfileView, as: ViewAs): ProfileView {
  if (as === "me" || !p.visibility) return p;
  const out: Record<string, unknown> = { userId: p.userId, displayName: p.displayName };
  for (const f of PROFILE_FIELDS) {
    if (f === "displayName") continue;
    const v = p.visibility[f];
    const visible = v === "members" || (as === "operators" && v === "operators");
    const key = f === "photo" ? "photoUrl" : f;
    if (visible) out[key] = (p as Record<string, unknown>)[key];
  }
  return out as ProfileView;
}
