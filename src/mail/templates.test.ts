import chroma from "chroma-js";
// Values people typed are plain text in mails: escaped, and never a link in the HTML part; the
// link we built still is one.
import { describe, expect, it } from "vitest";
import { renderMail } from "./templates.ts";

const url = "http://localhost:3000/invite/abc?x=1&y=2";

describe("mail templates", () => {
  it("a URL in an invitee's name does not become a link", () => {
    for (const locale of ["ja", "en"] as const) {
      const m = renderMail("invitation", locale, {
        url,
        networkName: "テスト株式会社",
        name: "山田 https://evil.example/login 太郎",
        expiresAt: "2026-12-31",
      });
      const links = [...m.html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((x) => x[1]);
      expect(links).toEqual(["http://localhost:3000/invite/abc?x=1&amp;y=2"]);
      // No URL-looking run of text is left for a mail client's autolinker.
      const textOnly = m.html.replace(/<a [^>]*>.*?<\/a>/g, "").replace(/<[^>]+>/g, "");
      expect(textOnly).toContain("evil");
      expect(m.html).not.toMatch(/https?:\/\/evil/);
      expect(m.text).toContain("山田 https://evil.example/login 太郎");
    }
  });

  it("HTML in names and network names is escaped", () => {
    const m = renderMail("invitation", "ja", {
      url,
      networkName: `<img src=x onerror="alert(1)">社`,
      name: "<b>山田</b> & 'co'",
      expiresAt: "2026-12-31",
    });
    expect(m.html).not.toContain("<img");
    expect(m.html).not.toContain("<b>");
    expect(m.html).toContain("&lt;b&gt;山田&lt;<span>/</span>b&gt; &amp; &#39;co&#39;");
    const r = renderMail("registrationApproved", "en", { networkName: "evil.example", url });
    expect(r.html).toContain("evil<span>.</span>example");
    expect([...r.html.matchAll(/<a /g)]).toHaveLength(1);
  });

  it("the ticket mail: the title typed by an organizer stays inert; the QR image stands over the code", () => {
    const m = renderMail("eventTicket", "ja", {
      networkName: "テスト株式会社",
      name: "山田 花子",
      reason: "promoted",
      title: "<b>交流会</b> https://evil.example",
      when: "2026年12月16日(水) 19:00〜21:00",
      venue: "本社",
      mapUrl: "https://maps.example.com/?q=a&b",
      onlineUrl: "",
      party: 1,
      url,
      ticketCode: "TSUNAGARI-CHECKIN:abc.def",
    });
    expect(m.html).not.toContain("<b>");
    expect(m.html).not.toMatch(/https?:\/\/evil/);
    const links = [...m.html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((x) => x[1]);
    expect(links).toEqual([
      "https://maps.example.com/?q=a&amp;b",
      "http://localhost:3000/invite/abc?x=1&amp;y=2",
    ]);
    expect(m.html).toMatch(
      /<img src="cid:ticket-qr@tsunagari"[^>]*><code[^>]*>TSUNAGARI-CHECKIN:abc\.def<\/code>/,
    );
    expect(m.text).not.toContain("オンライン参加URL");
    // The wording chosen by the reason, in both parts.
    expect(m.text).toContain("キャンセル待ちから参加確定になりました");
    expect(m.html).toContain("キャンセル待ちから参加確定になりました");
    expect(m.text).toContain("TSUNAGARI-CHECKIN:abc.def");
  });

  it("mails without user values keep their link and text", () => {
    const m = renderMail("resetPassword", "en", { url });
    expect(m.html).toContain(`<a href="http://localhost:3000/invite/abc?x=1&amp;y=2">`);
    expect(m.text).toContain(url);
    expect(m.html).not.toContain("\ue000");
  });

  it("heads the mail with the accent, and writes its link in a shade of it that reads on white", () => {
    const dark = renderMail("resetPassword", "ja", { url }, { accentColor: "#c8102e" });
    expect(dark.html).toContain("background:#c8102e");
    expect(dark.html).toContain('style="color:#c8102e"');
    const light = renderMail("resetPassword", "ja", { url }, { accentColor: "#f5d90a" });
    expect(light.html).toContain("background:#f5d90a");
    const link = /<a [^>]*style="color:(#[0-9a-f]{6})"/.exec(light.html)![1];
    expect(chroma.contrast(link, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("the roster notice is in both languages, names inert, and does not say to ignore it", () => {
    for (const locale of ["ja", "en"] as const) {
      const m = renderMail("registrationInYourName", locale, {
        networkName: "テスト株式会社",
        name: "山田 太郎",
        accountName: "<i>偽</i> https://evil.example",
        approved: false,
      });
      expect(m.text).toContain("<i>偽</i> https://evil.example");
      expect(m.text).toMatch(/人事担当[\s\S]*HR department|HR department[\s\S]*人事担当/);
      expect(m.text).not.toMatch(/破棄してください|ignore it/);
      expect(m.html).not.toMatch(/<i>|<a |https?:\/\/evil/);
    }
  });
});
