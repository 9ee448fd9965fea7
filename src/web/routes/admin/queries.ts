// Query keys of the platform admin pages.
export const adminNetworkKeys = { all: ["admin-networks"] as const };
