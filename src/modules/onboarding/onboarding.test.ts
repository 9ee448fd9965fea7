// The operators' first steps follow the data (notice, roster, invitations, brand), and branding —
// logo and accent colour — reaches the network's pages (/api/me, the public page) and its mails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BASE_URL,
  call,
  createTestEnv,
  mailsTo,
  makeMember,
  makeNetwork,
  type TestEnv,
  uniq,
} from "../../test/harness.ts";
import { multipartFile } from "../members/testing.ts";
import { IMAGES } from "../profiles/testing.ts";
import { uploadRoster } from "../roster/testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const ROSTER = [
  "社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス",
  "B1,山田 太郎,ヤマダ タロウ,2015/4/1,2024/3/31,営業部,",
].join("\n");

describe("first steps", () => {
  it("are done as the network gets its roster, its first invitations and its brand", async () => {
    const net = await makeNetwork(env, { name: "ブランド商事" });
    const steps = async () => {
      const res = await call(env, { url: `/api/n/${net.slug}/onboarding`, user: net.operator });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const first = await steps();
    expect(first.steps.map((s: any) => [s.key, s.done])).toEqual([
      ["privacy", true],
      ["roster", false],
      ["invite", false],
      ["brand", false],
      ["welcome", false],
    ]);
    expect([first.done, first.total]).toEqual([1, 5]);

    expect((await uploadRoster(env, net.slug, net.operator, ROSTER)).statusCode).toBe(200);
    const invited = `${uniq("ob")}@example.com`;
    const inv = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations`,
      user: net.operator,
      payload: { invitees: [{ email: invited }] },
    });
    expect(inv.statusCode).toBe(201);
    const colour = await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/branding`,
      user: net.operator,
      payload: { accentColor: "#C8102E" },
    });
    expect(colour.statusCode, colour.body).toBe(200);
    expect(colour.json()).toEqual({ accentColor: "#c8102e", logoUrl: null });
    const welcome = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/posts`,
      user: net.operator,
      payload: { kind: "announcement", title: "ようこそ", body: "アルムナイネットワークを開設しました。" },
    });
    expect(welcome.statusCode, welcome.body).toBe(201);
    const after = await steps();
    expect(after.steps.map((s: any) => s.done)).toEqual([true, true, true, true, true]);
    expect(after.steps.find((s: any) => s.key === "roster").count).toBe(1);

    const alum = await makeMember(env, net, "alumni");
    expect((await call(env, { url: `/api/n/${net.slug}/onboarding`, user: alum })).statusCode).toBe(403);
    expect((await call(env, { url: `/api/n/${net.slug}/onboarding` })).statusCode).toBe(401);
  });
});

describe("branding", () => {
  it("a logo and an accent colour on the pages and in the mails; bad input changes nothing", async () => {
    const net = await makeNetwork(env, { name: "ロゴ商事" });
    const up = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/branding/logo`,
      user: net.operator,
      ...multipartFile(IMAGES.png, { filename: "logo.png" }),
    });
    expect(up.statusCode, up.body).toBe(200);
    const { logoUrl } = up.json();
    expect(logoUrl).toMatch(new RegExp(`^/api/networks/${net.slug}/logo\\?v=`));
    // Anyone may fetch it (the invitation and registration pages show it).
    const img = await call(env, { url: logoUrl });
    expect(img.statusCode).toBe(200);
    expect(img.headers["content-type"]).toBe("image/png");

    const bad = await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/branding`,
      user: net.operator,
      payload: { accentColor: "red" },
    });
    expect(bad.statusCode).toBe(400);
    const notImage = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/branding/logo`,
      user: net.operator,
      ...multipartFile(Buffer.from("not an image"), { filename: "logo.png" }),
    });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().error.code).toBe("PHOTO_TYPE_UNSUPPORTED");
    await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/branding`,
      user: net.operator,
      payload: { accentColor: "#0055aa" },
    });

    const me = (await call(env, { url: "/api/me", user: net.operator })).json();
    expect(me.networks.find((n: any) => n.slug === net.slug).brand).toEqual({
      logoUrl,
      accentColor: "#0055aa",
    });
    const pub = (await call(env, { url: `/api/networks/${net.slug}/public` })).json();
    expect(pub.brand).toEqual({ logoUrl, accentColor: "#0055aa" });

    const to = `${uniq("br")}@example.com`;
    await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations`,
      user: net.operator,
      payload: { invitees: [{ email: to }] },
    });
    const [mail] = await mailsTo(env, to);
    expect(mail.html).toContain(`<img src="${BASE_URL}${logoUrl}" alt="ロゴ商事"`);
    expect(mail.html).toContain("background:#0055aa");

    const removed = await call(env, {
      method: "DELETE",
      url: `/api/n/${net.slug}/branding/logo`,
      user: net.operator,
    });
    expect(removed.json().logoUrl).toBeNull();
    expect((await call(env, { url: logoUrl })).statusCode).toBe(404);

    const alum = await makeMember(env, net, "alumni");
    const refused = await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/branding`,
      user: alum,
      payload: { accentColor: "#000000" },
    });
    expect(refused.statusCode).toBe(403);
  });
});
