import {
  AppShell,
  Badge,
  Box,
  Burger,
  Group,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Select,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate, useParams } from "react-router";
import { authPost } from "../api/auth.ts";
import { setLanguage } from "../i18n/index.ts";
import { useFeedSummary } from "../routes/feed/queries.ts";
import { useMessagesUnread } from "../routes/messages/queries.ts";
import { useOpenCases } from "../routes/moderation/queries.ts";
import { NotificationBell } from "../routes/notifications/NotificationBell.tsx";
import { signOut, useMe } from "../session.ts";
import { accentStyle } from "./brand.ts";
import { TwoFactorGate } from "./TwoFactorGate.tsx";

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const { data: me } = useMe();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("language")}
      value={i18n.language === "en" ? "en" : "ja"}
      data={[
        { value: "ja", label: "日本語" },
        { value: "en", label: "EN" },
      ]}
      onChange={async (v) => {
        await setLanguage(v as "ja" | "en");
        if (me) await authPost("/api/auth/update-user", { locale: v as "ja" | "en" }).catch(() => {});
      }}
    />
  );
}

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { data: me } = useMe();
  const { slug } = useParams();
  const nav = useNavigate();
  const qc = useQueryClient();
  const loc = useLocation();
  const current = me?.networks.find((n) => n.slug === slug);
  const feedNew = useFeedSummary(current?.slug).data?.newPosts ?? 0;
  const dmUnread = useMessagesUnread(current?.slug).data?.messages ?? 0;
  const openCases = useOpenCases(current?.slug, current?.role === "operator").data?.open ?? 0;
  const showNav = !!me && (!!current || me.user.platformAdmin || me.networks.length > 0);
  // `section`: also active on the pages under it (a segment's members, its editor).
  const link = (to: string, label: string, section = false, badge?: React.ReactNode) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      label={label}
      rightSection={badge}
      active={loc.pathname === to || (section && loc.pathname.startsWith(`${to}/`))}
      onClick={close}
    />
  );
  const networkSwitch = (w: number | string) => (
    <Select
      aria-label={t("switchNetwork")}
      size="xs"
      w={w}
      value={current?.slug ?? null}
      placeholder={t("switchNetwork")}
      data={(me?.networks ?? []).map((n) => ({ value: n.slug, label: n.name }))}
      onChange={(v) => {
        if (v) nav(`/n/${v}`);
        close();
      }}
      allowDeselect={false}
    />
  );
  return (
    <AppShell
      style={accentStyle(current?.brand.accentColor)}
      header={{ height: 56 }}
      // Without a sidebar (signed out, 404) no room is kept for one: the page is centred.
      navbar={showNav ? { width: 240, breakpoint: "sm", collapsed: { mobile: !opened } } : undefined}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            {showNav && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                w={44}
                h={44}
                ml={-8}
                aria-label={t("menu")}
              />
            )}
            <UnstyledButton component={Link} to="/" mih={44} display="flex" style={{ alignItems: "center" }}>
              <Title order={4} style={{ whiteSpace: "nowrap" }}>
                {t("appName")}
              </Title>
            </UnstyledButton>
            {current?.brand.logoUrl ? (
              <Box
                component="img"
                src={current.brand.logoUrl}
                alt={current.name}
                visibleFrom="xs"
                style={{ height: 32, width: "auto", maxWidth: 160, objectFit: "contain" }}
              />
            ) : (
              <Text size="sm" c="dimmed" visibleFrom="md">
                {t("tagline")}
              </Text>
            )}
          </Group>
          <Group gap={6} wrap="nowrap">
            {me && me.networks.length > 0 && <Box visibleFrom="xs">{networkSwitch(200)}</Box>}
            {current && <NotificationBell slug={current.slug} />}
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      {showNav && (
        <AppShell.Navbar p="xs">
          <ScrollArea>
            {/* On a phone the header has room for the bell and the language: the switch is here. */}
            {me && me.networks.length > 0 && (
              <Box hiddenFrom="xs" pb="xs">
                {networkSwitch("100%")}
              </Box>
            )}
            {current && (
              <>
                {link(`/n/${current.slug}`, t("nav.home"))}
                {link(
                  `/n/${current.slug}/feed`,
                  t("nav.feed"),
                  false,
                  feedNew ? (
                    <Badge
                      size="sm"
                      color="red"
                      circle={feedNew < 10}
                      aria-label={t("nav.feedNew", { count: feedNew })}
                    >
                      {feedNew > 99 ? "99+" : feedNew}
                    </Badge>
                  ) : undefined,
                )}
                {link(
                  `/n/${current.slug}/messages`,
                  t("nav.messages"),
                  true,
                  dmUnread ? (
                    <Badge
                      size="sm"
                      color="red"
                      circle={dmUnread < 10}
                      aria-label={t("nav.messagesUnread", { count: dmUnread })}
                      data-testid="messages-badge"
                    >
                      {dmUnread > 99 ? "99+" : dmUnread}
                    </Badge>
                  ) : undefined,
                )}
                {link(`/n/${current.slug}/groups`, t("nav.groups"), true)}
                {link(`/n/${current.slug}/events`, t("nav.events"), true)}
                {link(`/n/${current.slug}/opportunities`, t("nav.opportunities"), true)}
                {link(`/n/${current.slug}/directory`, t("nav.directory"))}
                {link(`/n/${current.slug}/profile`, t("nav.profile"))}
                {link(`/n/${current.slug}/inquiries`, t("nav.inquiries"), true)}
                {link(`/n/${current.slug}/settings/consent`, t("nav.consent"))}
                {link(`/n/${current.slug}/settings/notifications`, t("nav.notifications"))}
                {current.role === "operator" && (
                  <>
                    <Text size="xs" c="dimmed" mt="md" mb={4} px="sm">
                      {t("nav.operatorSection")}
                    </Text>
                    {link(`/n/${current.slug}/admin/inquiries`, t("nav.desk"), true)}
                    {link(
                      `/n/${current.slug}/admin/moderation`,
                      t("nav.moderation"),
                      false,
                      openCases ? (
                        <Badge
                          size="sm"
                          color="red"
                          circle={openCases < 10}
                          aria-label={t("nav.moderationOpen", { count: openCases })}
                          data-testid="moderation-badge"
                        >
                          {openCases > 99 ? "99+" : openCases}
                        </Badge>
                      ) : undefined,
                    )}
                    {link(`/n/${current.slug}/admin/approvals`, t("nav.approvals"))}
                    {link(`/n/${current.slug}/admin/roster`, t("nav.roster"))}
                    {link(`/n/${current.slug}/admin/invitations`, t("nav.invitations"))}
                    {link(`/n/${current.slug}/admin/members`, t("nav.members"))}
                    {link(`/n/${current.slug}/admin/segments`, t("nav.segments"), true)}
                    {link(`/n/${current.slug}/admin/survey`, t("nav.survey"))}
                    {link(`/n/${current.slug}/admin/privacy`, t("nav.privacy"))}
                    {link(`/n/${current.slug}/admin/branding`, t("nav.branding"))}
                    {link(`/n/${current.slug}/admin/api-tokens`, t("nav.apiTokens"))}
                    {link(`/n/${current.slug}/admin/audit`, t("nav.audit"))}
                  </>
                )}
              </>
            )}
            {me && !current && me.networks.map((n) => link(`/n/${n.slug}`, n.name))}
            {me?.user.platformAdmin && link("/admin", t("nav.admin"))}
            {me && (
              <NavLink
                mt="md"
                label={t("signOut")}
                onClick={async () => {
                  await signOut();
                  qc.clear();
                  nav("/sign-in");
                }}
              />
            )}
          </ScrollArea>
        </AppShell.Navbar>
      )}
      <AppShell.Main>
        <TwoFactorGate>
          <Outlet />
        </TwoFactorGate>
      </AppShell.Main>
    </AppShell>
  );
}
