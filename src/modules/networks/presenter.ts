export function presentNetwork(n: {
  id: string;
  name: string;
  slug: string;
  status: string;
  createdAt: Date;
}) {
  return { id: n.id, name: n.name, slug: n.slug, status: n.status, createdAt: n.createdAt.toISOString() };
}

export function presentNotice(n: { version: number; body: string; purposes: string[]; createdAt: Date }) {
  return { version: n.version, body: n.body, purposes: n.purposes, createdAt: n.createdAt.toISOString() };
}

/** The logo's public URL (its file name changes with every upload: it can be cached for long). */
export function logoUrl(slug: string, logo: string | null): string | null {
  if (!logo) return null;
  const version = logo.replace(/^.*-/, "").replace(/\.[a-z]+$/, "");
  return `/api/networks/${encodeURIComponent(slug)}/logo?v=${version}`;
}

export function presentBrand(slug: string, b: { logo: string | null; accentColor: string | null }) {
  return { logoUrl: logoUrl(slug, b.logo), accentColor: b.accentColor };
}
