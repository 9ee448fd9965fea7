// Every member may search the directory; what they find is what their audience may see (service.ts).
import { anyMember, definePolicy } from "../../server/policy.ts";

export const directoryPolicy = definePolicy("directory", {
  search: anyMember(),
});
