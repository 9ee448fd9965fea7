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
