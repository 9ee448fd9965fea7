// The roster: search, state filter, keyset pages, and selecting leavers to invite.
import {
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { download } from "../../../api/download.ts";
import { CsvExportMenu } from "../../../components/CsvExportMenu.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { ListTable } from "../../../components/ListTable.tsx";
import { LoadMore } from "../../../components/LoadMore.tsx";
import { SearchInput } from "../../../components/SearchInput.tsx";
import { StatusBadge } from "../../../components/StatusBadge.tsx";
import { presentOnly, usePagedList } from "../../../components/usePagedList.ts";
import { dateCell, formatCalendarDate } from "../format.ts";
import { createInvitations, invitationKeys } from "../invitations/queries.ts";
import { type RosterExportQuery, rosterKeys, rosterPage } from "./queries.ts";
import { RosterRowActions } from "./RosterRowActions.tsx";
import "../i18n.ts";
import {
  DEFAULT_INVITE_OPTIONS,
  InviteOptionsFields,
  InviteResultView,
} from "../invitations/InviteParts.tsx";
import type { InviteOptions, RosterEntry, RosterState } from "../types.ts";

export const STATE_COLORS: Record<RosterState, string> = {
  not_invited: "gray",
  invited: "blue",
  member: "teal",
};
const invitable = (e: RosterEntry) => !!e.email && e.state !== "member";

export function RosterTable({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation(["operator", "common", "ui"]);
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [status, setStatus] = useState<string>("");
  const [sort, setSort] = useState<string>("employeeNumber");
  const [selected, setSelected] = useState<Map<string, RosterEntry>>(new Map());
  const [inviteOpen, setInviteOpen] = useState(false);
  const [options, setOptions] = useState<InviteOptions>(DEFAULT_INVITE_OPTIONS(i18n.language));

  const filter = { q: debounced, status, sort };
  const { list, rows, loadMore } = usePagedList(rosterKeys.list(slug, filter), (page) =>
    rosterPage(slug, filter, page),
  );

  const invite = useMutation({
    mutationFn: () => createInvitations(slug, { rosterEntryIds: [...selected.keys()], ...options }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: rosterKeys.all(slug) });
      qc.invalidateQueries({ queryKey: invitationKeys.all(slug) });
    },
  });

  const toggle = (e: RosterEntry, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(e.id, e);
      else next.delete(e.id);
      return next;
    });
  const pageInvitable = rows.filter(invitable);
  const allOnPage = pageInvitable.length > 0 && pageInvitable.every((e) => selected.has(e.id));
  const someOnPage = pageInvitable.some((e) => selected.has(e.id));
  const describeRef = (ref: string) => {
    const e = selected.get(ref) ?? rows.find((r) => r.id === ref);
    return e ? `${e.name}（${e.employeeNumber}）` : ref;
  };
  const closeInvite = () => {
    setInviteOpen(false);
    if (invite.data) setSelected(new Map());
    invite.reset();
  };

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4">
            {t("roster.table.title")}
          </Title>
          <CsvExportMenu
            note={t("roster.table.exportNote")}
            onExport={(encoding) =>
              download("/api/n/{slug}/roster/export.csv", {
                path: { slug },
                query: { ...(presentOnly(filter) as RosterExportQuery), encoding },
              })
            }
          />
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SearchInput
            label={t("roster.table.search")}
            placeholder={t("roster.table.searchPlaceholder")}
            value={q}
            onChange={setQ}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="roster-state-label">
              {t("roster.table.state")}
            </Text>
            <SegmentedControl
              aria-labelledby="roster-state-label"
              value={status}
              onChange={setStatus}
              data={[
                { value: "", label: t("roster.table.all") },
                { value: "not_invited", label: t("roster.states.not_invited") },
                { value: "invited", label: t("roster.states.invited") },
                { value: "member", label: t("roster.states.member") },
              ]}
            />
          </Stack>
          <Select
            w={190}
            label={t("roster.table.sort")}
            value={sort}
            onChange={(v) => v && setSort(v)}
            allowDeselect={false}
            data={[
              { value: "employeeNumber", label: t("roster.table.sortEmployeeNumber") },
              { value: "name", label: t("roster.table.sortName") },
            ]}
          />
        </Group>

        {selected.size > 0 && (
          <Group
            gap="xs"
            p="xs"
            bg="var(--mantine-color-teal-light)"
            style={{ borderRadius: "var(--mantine-radius-sm)", position: "sticky", top: 60, zIndex: 2 }}
          >
            <Text size="sm" fw={600} aria-live="polite">
              {t("roster.invite.selected", { count: selected.size })}
            </Text>
            <Button size="xs" onClick={() => setInviteOpen(true)}>
              {t("roster.invite.button", { count: selected.size })}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setSelected(new Map())}>
              {t("roster.invite.clear")}
            </Button>
          </Group>
        )}

        <ListTable
          error={list.error}
          loading={list.isLoading}
          skeletonHeight={200}
          count={list.data && rows.length}
          empty={debounced || status ? t("roster.table.empty") : t("roster.table.emptyRoster")}
          emptyPy="md"
          minWidth={980}
          highlightOnHover
          striped
          head={
            <>
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t("roster.table.selectAll")}
                  checked={allOnPage}
                  indeterminate={someOnPage && !allOnPage}
                  disabled={pageInvitable.length === 0}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setSelected((prev) => {
                      const next = new Map(prev);
                      for (const r of pageInvitable) on ? next.set(r.id, r) : next.delete(r.id);
                      return next;
                    });
                  }}
                />
              </Table.Th>
              <Table.Th>{t("roster.table.name")}</Table.Th>
              <Table.Th>{t("roster.table.state")}</Table.Th>
              <Table.Th>{t("roster.table.employeeNumber")}</Table.Th>
              <Table.Th>{t("roster.table.period")}</Table.Th>
              <Table.Th>{t("roster.table.department")}</Table.Th>
              <Table.Th>{t("roster.table.email")}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t("roster.row.actions")}</VisuallyHidden>
              </Table.Th>
            </>
          }
        >
          {rows.map((e) => {
            const why = !e.email
              ? t("roster.table.noEmail")
              : e.state === "member"
                ? t("roster.table.isMember")
                : null;
            const box = (
              <Checkbox
                aria-label={why ?? t("roster.table.select", { name: e.name })}
                checked={selected.has(e.id)}
                disabled={!!why}
                onChange={(ev) => toggle(e, ev.currentTarget.checked)}
              />
            );
            return (
              <Table.Tr key={e.id} bg={selected.has(e.id) ? "var(--mantine-color-teal-light)" : undefined}>
                <Table.Td>
                  {why ? (
                    <Tooltip label={why} withArrow>
                      <span>{box}</span>
                    </Tooltip>
                  ) : (
                    box
                  )}
                </Table.Td>
                <Table.Td miw={110}>
                  <Text size="sm" fw={500}>
                    {e.name}
                  </Text>
                  {e.nameKana && (
                    <Text size="xs" c="dimmed">
                      {e.nameKana}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge color={STATE_COLORS[e.state]}>{t(`roster.states.${e.state}`)}</StatusBadge>
                  {e.invitedAt && e.state !== "member" && (
                    <Text size="xs" c="dimmed">
                      {t("roster.table.invitedAt", { date: dateCell(e.invitedAt) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ff="monospace">{e.employeeNumber}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {formatCalendarDate(e.joinDate)}
                  {i18n.language === "en" ? " – " : "〜"}
                  <br />
                  {formatCalendarDate(e.leaveDate)}
                </Table.Td>
                <Table.Td>{e.department ?? "—"}</Table.Td>
                <Table.Td miw={200} style={{ wordBreak: "break-all" }}>
                  {e.email ?? "—"}
                </Table.Td>
                <Table.Td>
                  <RosterRowActions slug={slug} entry={e} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
        {rows.length > 0 && <LoadMore {...loadMore} />}
      </Stack>

      <Modal
        opened={inviteOpen}
        onClose={closeInvite}
        title={t("roster.invite.title", { count: selected.size })}
        size="lg"
      >
        <Stack gap="md">
          {!invite.data && (
            <>
              <Text size="sm">{t("roster.invite.body")}</Text>
              <InviteOptionsFields value={options} onChange={setOptions} />
              <ErrorAlert error={invite.error} />
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={closeInvite}>
                  {t("common:cancel")}
                </Button>
                <Button onClick={() => invite.mutate()} loading={invite.isPending}>
                  {t("roster.invite.button", { count: selected.size })}
                </Button>
              </Group>
            </>
          )}
          {invite.data && (
            <>
              <InviteResultView result={invite.data} describeRef={describeRef} />
              <Group justify="flex-end">
                <Button onClick={closeInvite}>{t("ui:close")}</Button>
              </Group>
            </>
          )}
        </Stack>
      </Modal>
    </Card>
  );
}
