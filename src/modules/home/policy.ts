// The network's home page is every member's own: what is new for them, read through each module's
// own rules (the feed's audience, the directory's visibility, the bell).
import { anyMember, definePolicy } from "../../server/policy.ts";

export const homePolicy = definePolicy("home", {
  view: anyMember(),
});
