// The reviewers' board of a posting: a column per stage (scrolling sideways on a phone), each
// application with its applicant, date and the reviewers' average rating, leading to the
// application; and the co-reviewers, whom the poster adds or removes.
import {
  Anchor,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatDate } from "../../components/format.ts";
import "./i18n.ts";
import {
  addReviewer,
  applicationKeys,
  BOARD_STAGES,
  type Opportunity,
  removeReviewer,
  useBoard,
} from "./queries.ts";

function Reviewers({
  slug,
  o,
  reviewers,
}: {
  slug: string;
  o: Opportunity;
  reviewers: { userId: string; name: string }[];
}) {
  const { t } = useTranslation("opportunities");
  const qc = useQueryClient();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const [error, setError] = useState<unknown>(null);
  const results = useQuery({
    queryKey: ["directory", slug, "reviewer-pick", q],
    enabled: q.length > 0,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/directory", { params: { path: { slug }, query: { q, limit: 8 } } })),
  });
  const chosen = new Set(reviewers.map((r) => r.userId));
  const change = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: applicationKeys.board(slug, o.id) });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t("application.reviewers")}
      </Text>
      <Group gap={6}>
        {reviewers.map((r, i) => (
          <Badge
            key={r.userId}
            variant="light"
            tt="none"
            rightSection={
              o.manage && i > 0 ? (
                <CloseButton
                  size="xs"
                  aria-label={t("form.remove")}
                  onClick={() => change(() => removeReviewer(slug, o.id, r.userId))}
                />
              ) : undefined
            }
          >
            {r.name}
          </Badge>
        ))}
      </Group>
      {o.manage && (
        <>
          <TextInput
            size="xs"
            placeholder={t("application.reviewerSearch")}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          {(results.data?.items ?? [])
            .filter((c) => c.role !== "alumni" && !chosen.has(c.userId))
            .map((c) => (
              <Group key={c.userId} justify="space-between" wrap="nowrap">
                <Text size="sm">{c.displayName}</Text>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => change(() => addReviewer(slug, o.id, c.userId))}
                >
                  {t("form.add")}
                </Button>
              </Group>
            ))}
        </>
      )}
      <ErrorAlert error={error} />
    </Stack>
  );
}

export function Board({ slug, o }: { slug: string; o: Opportunity }) {
  const { t } = useTranslation("opportunities");
  const board = useBoard(slug, o.id, true);
  if (board.error) return <ErrorAlert error={board.error} />;
  if (!board.data) return null;
  const items = board.data.items;
  const stages = BOARD_STAGES.filter(
    (s) =>
      items.some((a) => a.stage === s) ||
      ["applied", "screening", "interview", "offered", o.type === "rehire" ? "hired" : "contracted"].includes(
        s,
      ),
  );
  return (
    <Card withBorder radius="md" padding="md" data-testid="opportunity-board">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t("application.board")}</Title>
          <Text size="sm" c="dimmed">
            {t("applications", { count: items.length })}
          </Text>
        </Group>
        {!items.length && (
          <Text size="sm" c="dimmed">
            {t("application.boardEmpty")}
          </Text>
        )}
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" wrap="nowrap" gap="sm">
            {stages.map((s) => {
              const col = items.filter((a) => a.stage === s);
              return (
                <Stack key={s} gap={6} w={200} miw={200} data-testid={`board-column-${s}`}>
                  <Group gap={6} justify="space-between">
                    <Text size="xs" fw={700} c="dimmed">
                      {t(`stages.${s}`)}
                    </Text>
                    <Badge size="xs" variant="default">
                      {col.length}
                    </Badge>
                  </Group>
                  {col.map((a) => (
                    <Card
                      key={a.id}
                      withBorder
                      padding="xs"
                      radius="sm"
                      bg="var(--mantine-color-default-hover)"
                    >
                      <Anchor
                        component={Link}
                        to={`/n/${slug}/opportunities/applications/${a.id}`}
                        size="sm"
                        fw={600}
                      >
                        {a.applicant.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[
                          formatDate(a.createdAt),
                          a.rating !== null ? t("application.rated", { rating: a.rating }) : null,
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </Text>
                    </Card>
                  ))}
                </Stack>
              );
            })}
          </Group>
        </ScrollArea>
        <Reviewers slug={slug} o={o} reviewers={board.data.reviewers} />
      </Stack>
    </Card>
  );
}
