// /n/:slug/directory — the member directory: free text and filters (kept in the URL), cards in
// keyset pages. Operators can save the current filters as a segment.
import {
  Box,
  Button,
  Drawer,
  EmptyState,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
} from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatNumber } from "../../components/format.ts";
import { LoadMore } from "../../components/LoadMore.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { useMessageable } from "../messages/queries.ts";
import { SaveSegmentModal } from "../segments/SaveSegmentModal.tsx";
import { FilterControls } from "./FilterControls.tsx";
import {
  activeFilterCount,
  type DirectorySort,
  effectiveSort,
  type Filter,
  filterFromParams,
  filterToParams,
  SORTS,
  sortFromParams,
} from "./filter.ts";
import { MemberCard } from "./MemberCard.tsx";
import { SearchBox } from "./SearchBox.tsx";
import { useDirectorySearch } from "./useDirectory.ts";
import "./i18n.ts";
import "../segments/i18n.ts";

function Results({
  slug,
  filter,
  search: { list, rows, total, loadMore },
  onClear,
  header,
}: {
  slug: string;
  filter: Filter;
  search: ReturnType<typeof useDirectorySearch>;
  onClear: () => void;
  header: (total: number | null) => React.ReactNode;
}) {
  const { t } = useTranslation("directory");
  const messageable = useMessageable(
    slug,
    rows.map((c) => c.userId),
  );
  const filtered = !!filter.q || activeFilterCount(filter) > 0;
  if (list.error && !list.data) {
    return (
      <Stack gap="xs" align="flex-start">
        <ErrorAlert error={list.error} />
        <Button variant="default" size="xs" onClick={() => list.refetch()}>
          {t("retry")}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      {header(list.isLoading ? null : total)}
      {list.isLoading && (
        <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={170} radius="md" />
          ))}
        </SimpleGrid>
      )}
      {list.data && rows.length === 0 && (
        <EmptyState
          mt="lg"
          title={t("empty.title")}
          description={filtered ? t("empty.body") : t("empty.none")}
          withIndicatorBackground
        >
          {filtered && (
            <EmptyState.Actions>
              <Button variant="default" onClick={onClear}>
                {t("clear")}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <SimpleGrid
          cols={{ base: 1, sm: 2, xl: 3 }}
          style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: "opacity 120ms" }}
          aria-busy={list.isFetching}
        >
          {rows.map((c) => (
            <MemberCard key={c.userId} slug={slug} card={c} canMessage={messageable.has(c.userId)} />
          ))}
        </SimpleGrid>
      )}
      <ErrorAlert error={list.data ? list.error : null} />
      {rows.length > 0 && <LoadMore {...loadMore} />}
    </Stack>
  );
}

function Directory({ slug, operator }: { slug: string; operator: boolean }) {
  const { t } = useTranslation("directory");
  const { t: ts } = useTranslation("segments");
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const sort = sortFromParams(params);
  const wide = useMediaQuery("(min-width: 62em)", true, { getInitialValueInEffect: false });
  const [drawer, drawerControls] = useDisclosure();
  const [saving, savingControls] = useDisclosure();
  const active = activeFilterCount(filter);
  const search = useDirectorySearch(slug, filter, sort);

  const go = (next: Filter, nextSort = sort, replace = false) =>
    setParams(filterToParams(next, nextSort), { replace });
  const clear = () => go({ q: filter.q });

  const controls = <FilterControls slug={slug} value={filter} onChange={(f) => go(f)} />;
  const clearButton = active > 0 && (
    <Button variant="subtle" size="xs" onClick={clear}>
      {t("clear")}
    </Button>
  );

  const header = (total: number | null) => (
    <Group justify="space-between" align="center" gap="xs" mih={36}>
      <Text fw={700} fz={22} aria-live="polite" data-testid="directory-total">
        <Text span size="sm" c="dimmed" fw={400} mr={6}>
          {t("totalLabel")}
        </Text>
        {total === null
          ? "…"
          : t(search.capped ? "totalCapped" : "total", { count: total, formatted: formatNumber(total) })}
      </Text>
      {operator && (
        <Button variant="light" size="xs" onClick={savingControls.open}>
          {ts("save.button")}
        </Button>
      )}
    </Group>
  );

  return (
    <Stack gap="md" maw={1400}>
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SearchBox
          grow
          value={filter.q ?? ""}
          onChange={(q) => go({ ...filter, q: q || undefined }, sort, true)}
        />
        <Select
          w={{ base: "calc(50% - 6px)", xs: 140 }}
          label={t("sort")}
          value={effectiveSort(filter, sort)}
          allowDeselect={false}
          onChange={(v) => go(filter, (v as DirectorySort) ?? undefined)}
          data={SORTS.map((s) => ({
            value: s,
            label: t(`sorts.${s}`),
            disabled: s === "relevance" && !filter.q,
          }))}
        />
        {!wide && (
          <Button variant="default" w="calc(50% - 6px)" onClick={drawerControls.open}>
            {active > 0 ? t("filtersWithCount", { count: active }) : t("filters")}
          </Button>
        )}
      </Group>
      <Group align="flex-start" gap="lg" wrap="nowrap">
        {wide && (
          <Paper withBorder radius="md" p="md" w={300} style={{ flexShrink: 0 }} component="aside">
            <Group justify="space-between" mb="sm" mih={30}>
              <Text fw={600}>{t("filters")}</Text>
              {clearButton}
            </Group>
            {controls}
          </Paper>
        )}
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Results slug={slug} filter={filter} search={search} onClear={clear} header={header} />
        </Box>
      </Group>
      {!wide && (
        <Drawer
          opened={drawer}
          onClose={drawerControls.close}
          title={t("filters")}
          position="bottom"
          size="90%"
        >
          <Stack gap="md">
            {controls}
            <Group
              justify="space-between"
              pos="sticky"
              bottom={0}
              py="sm"
              bg="var(--mantine-color-body)"
              style={{ borderTop: "1px solid var(--mantine-color-default-border)", zIndex: 1 }}
            >
              {clearButton || <span />}
              <Button
                onClick={drawerControls.close}
                loading={search.list.isFetching && !search.list.isFetchingNextPage}
              >
                {search.total === null
                  ? t("filters")
                  : t("showResults", { count: search.total, formatted: formatNumber(search.total) })}
              </Button>
            </Group>
          </Stack>
        </Drawer>
      )}
      {operator && (
        <SaveSegmentModal slug={slug} filter={filter} opened={saving} onClose={savingControls.close} />
      )}
    </Stack>
  );
}

export default function DirectoryPage() {
  const { slug = "" } = useParams();
  return (
    <MemberGate slug={slug}>{(n) => <Directory slug={n.slug} operator={n.role === "operator"} />}</MemberGate>
  );
}
