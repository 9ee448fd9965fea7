// A network's brand: the company logo and an accent colour, on the network's pages and in its
// mails. The logo is stored like profile photos (type from the bytes, metadata removed, under
// DATA_DIR/uploads) and served to anyone: a company's logo is public by nature.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { organization } from "../../db/schema/index.ts";
import { audit } from "../../server/audit.ts";
import { findNetwork } from "../../server/guards.ts";
import { inTransaction, type PublicScope, type Scope } from "../../server/scope.ts";
import { errors } from "../../shared/errors.ts";
import {
  detectImageType,
  photoErrors,
  photoFile,
  removePhoto,
  stripImageMetadata,
  writePhoto,
} from "../profiles/index.ts";
import { logoUrl, presentBrand } from "./presenter.ts";
import { brandOf, replaceLogo, setAccentColor } from "./queries.ts";

/** The brand in a network's mails, with the logo's absolute URL (the mail is read elsewhere). */
export async function mailBrandOf(db: Db, networkId: string, baseUrl: string) {
  const [n] = await db
    .select({ slug: organization.slug })
    .from(organization)
    .where(eq(organization.id, networkId));
  if (!n) return null;
  const b = await brandOf(db, networkId);
  const url = logoUrl(n.slug, b.logo);
  return { logoUrl: url ? `${baseUrl}${url}` : null, accentColor: b.accentColor };
}

export async function branding(scope: Scope) {
  return presentBrand(scope.network.slug, await brandOf(scope.db, scope.network.id));
}

export async function updateBranding(scope: Scope, input: { accentColor: string | null }) {
  await inTransaction(scope, async (tx) => {
    const previous = await setAccentColor(tx.db, tx.network.id, input.accentColor, tx.actor.userId);
    if (previous !== input.accentColor) {
      await audit(tx.db, {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "branding.update",
        targetType: "network",
        targetId: tx.network.id,
        data: { accentColor: { from: previous, to: input.accentColor } },
      });
    }
  });
  return branding(scope);
}

/** Stores the new logo first, then points the network at it; the old file goes after the commit. */
export async function setLogo(scope: Scope, buf: Buffer) {
  if (!buf.length) throw photoErrors.missing();
  const type = detectImageType(buf);
  const clean = type && stripImageMetadata(type.ext, buf);
  if (!type || !clean) throw photoErrors.type();
  const { dataDir } = scope.ctx.config;
  const rel = await writePhoto(dataDir, scope.network.id, "logo", type, clean);
  let old: string | null = null;
  try {
    await inTransaction(scope, async (tx) => {
      old = await replaceLogo(tx.db, tx.network.id, rel);
      await audit(tx.db, {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "branding.logo_set",
        targetType: "network",
        targetId: tx.network.id,
        data: { bytes: clean.length, type: type.mime },
      });
    });
  } catch (err) {
    await removePhoto(dataDir, rel);
    throw err;
  }
  await removePhoto(dataDir, old);
  return branding(scope);
}

export async function removeLogo(scope: Scope) {
  let old: string | null = null;
  await inTransaction(scope, async (tx) => {
    old = await replaceLogo(tx.db, tx.network.id, null);
    if (old) {
      await audit(tx.db, {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "branding.logo_removed",
        targetType: "network",
        targetId: tx.network.id,
      });
    }
  });
  await removePhoto(scope.ctx.config.dataDir, old);
  return branding(scope);
}

/** The logo file of an active network, for anyone (404 when none). */
export async function logoFile(scope: PublicScope, slug: string) {
  const notFound = () => errors.notFound({ ja: "ロゴ", en: "logo" });
  const n = await findNetwork(scope.db, slug);
  if (n?.status !== "active") throw notFound();
  const { logo } = await brandOf(scope.db, n.id);
  const file = logo ? photoFile(scope.ctx.config.dataDir, logo) : null;
  if (!file) throw notFound();
  return file;
}
