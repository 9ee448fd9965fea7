import {
  Badge,
  Card,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { LoadMore } from "../../components/LoadMore.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { RequireOperator } from "../../components/RequireRole.tsx";
import { useMe } from "../../session.ts";
import "./i18n.ts";
import { dateCell, ymCell } from "./format.ts";
import { MemberActions } from "./MemberActions.tsx";
import type { MemberItem, Page } from "./types.ts";

const ROLE_COLORS = { operator: "grape", employee: "blue", alumni: "teal" } as const;

function Members({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation("operator");
  const { t: tc } = useTranslation();
  const { data: me } = useMe();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const list = useInfiniteQuery({
    queryKey: ["members", slug, { q: debounced, role, status }],
    initialPageParam: "",
    queryFn: ({ pageParam }) => {
      const p = new URLSearchParams({ limit: "50" });
      if (debounced) p.set("q", debounced);
      if (role) p.set("role", role);
      if (status) p.set("status", status);
      if (pageParam) p.set("cursor", pageParam);
      return api<Page<MemberItem>>(`/api/n/${encodeURIComponent(slug)}/members?${p}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const c = (k: string) => t(`members.columns.${k}`);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group gap="sm" align="flex-end">
          <TextInput
            style={{ flex: "1 1 260px" }}
            type="search"
            label={t("members.search")}
            placeholder={t("members.searchPlaceholder")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Select
            w={150}
            label={t("members.role")}
            placeholder={t("members.all")}
            clearable
            value={role}
            onChange={setRole}
            data={(["operator", "employee", "alumni"] as const).map((r) => ({
              value: r,
              label: tc(`roles.${r}`),
            }))}
          />
          <Select
            w={150}
            label={t("members.status")}
            placeholder={t("members.all")}
            clearable
            value={status}
            onChange={setStatus}
            data={(["active", "suspended"] as const).map((s) => ({
              value: s,
              label: t(`members.statuses.${s}`),
            }))}
          />
        </Group>
        <ErrorAlert error={list.error} />
        {list.isLoading && <Skeleton h={240} />}
        {list.data && rows.length === 0 && (
          <Text size="sm" c="dimmed" py="md">
            {t("members.empty")}
          </Text>
        )}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={980}>
            <Table fz="sm" verticalSpacing={6} striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{c("name")}</Table.Th>
                  <Table.Th>{c("email")}</Table.Th>
                  <Table.Th>{c("role")}</Table.Th>
                  <Table.Th>{c("status")}</Table.Th>
                  <Table.Th>{c("period")}</Table.Th>
                  <Table.Th>{c("joined")}</Table.Th>
                  <Table.Th>{c("lastActive")}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{c("actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((m) => {
                  const self = m.userId === me?.user.id;
                  return (
                    <Table.Tr key={m.userId} opacity={m.status === "suspended" ? 0.7 : undefined}>
                      <Table.Td miw={110}>
                        <Text size="sm" fw={500}>
                          {m.name}
                          {self && (
                            <Badge miw="max-content" size="xs" variant="outline" ml={6}>
                              {t("members.you")}
                            </Badge>
                          )}
                        </Text>
                        {m.displayName && m.displayName !== m.name && (
                          <Text size="xs" c="dimmed">
                            {m.displayName}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td miw={200} style={{ wordBreak: "break-all" }}>
                        {m.email}
                      </Table.Td>
                      <Table.Td>
                        <Badge miw="max-content" size="sm" variant="light" color={ROLE_COLORS[m.role]}>
                          {tc(`roles.${m.role}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          miw="max-content"
                          size="sm"
                          variant={m.status === "active" ? "dot" : "filled"}
                          color={m.status === "active" ? "teal" : "red"}
                        >
                          {t(`members.statuses.${m.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {m.joinYm || m.leaveYm ? (
                          <>
                            {ymCell(m.joinYm)}
                            {i18n.language === "en" ? " –" : "〜"}
                            <br />
                            {ymCell(m.leaveYm)}
                          </>
                        ) : (
                          "—"
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {dateCell(m.createdAt)}
                        {m.verifiedVia && (
                          <Text size="xs" c="dimmed">
                            {t(`members.verifiedVia.${m.verifiedVia}`, { defaultValue: m.verifiedVia })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {m.lastActiveAt ? dateCell(m.lastActiveAt) : t("members.never")}
                      </Table.Td>
                      <Table.Td>
                        {self ? (
                          <Text size="xs" c="dimmed" title={t("members.self")}>
                            —
                          </Text>
                        ) : (
                          <MemberActions slug={slug} member={m} />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.data && rows.length > 0 && (
          <LoadMore
            shown={rows.length}
            total={total}
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => list.fetchNextPage()}
          />
        )}
      </Stack>
    </Card>
  );
}

export default function MembersPage() {
  const { t } = useTranslation("operator");
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap={0} maw={1200}>
          <PageTitle title={t("members.title")} subtitle={t("members.description")} />
          <Members slug={network.slug} />
        </Stack>
      )}
    </RequireOperator>
  );
}
