// 受付: the organizers' check-in page on a phone — scan attendees' QR codes with the camera
// (html5-qrcode), or find them in the list; a second scan only says when they were checked in.
// Walk-ins are added by name; the counts and the attendance CSV (Excel, UTF-8 BOM or Shift_JIS).
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { client, unwrap } from "../../api/client.ts";
import { formatDateTime } from "../../components/dates.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import "./i18n.ts";
import { eventKeys, useEvent, useRsvps } from "./queries.ts";

type Result = { ok: boolean; text: string };

function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation("events");
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);
  const last = useRef<{ code: string; at: number } | null>(null);
  useEffect(() => {
    if (!on) return;
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    (async () => {
      const { Html5Qrcode } = await import("html5-qrcode");
      if (cancelled) return;
      const reader = new Html5Qrcode("checkin-camera");
      try {
        await reader.start(
          { facingMode: "environment" },
          { fps: 8, qrbox: { width: 220, height: 220 } },
          (text) => {
            // The same code held in front of the camera is read many times a second: once is enough.
            const now = Date.now();
            if (last.current && last.current.code === text && now - last.current.at < 3000) return;
            last.current = { code: text, at: now };
            onCode(text);
          },
          () => {},
        );
        stop = async () => {
          await reader.stop().catch(() => {});
          reader.clear();
        };
      } catch {
        setFailed(true);
        setOn(false);
      }
    })();
    return () => {
      cancelled = true;
      void stop?.();
    };
  }, [on, onCode]);
  return (
    <Stack gap="xs">
      <div id="checkin-camera" style={{ width: "100%", maxWidth: 360 }} />
      {failed && (
        <Alert color="yellow" variant="light">
          {t("checkin.cameraError")}
        </Alert>
      )}
      <Button
        onClick={() => setOn((v) => !v)}
        variant={on ? "default" : "filled"}
        size="md"
        data-testid="scan-toggle"
      >
        {on ? t("checkin.stop") : t("checkin.scan")}
      </Button>
    </Stack>
  );
}

function CheckIn({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation("events");
  const qc = useQueryClient();
  const event = useEvent(slug, id);
  const rsvps = useRsvps(slug, id, true);
  const summaryKey = [...eventKeys.event(slug, id), "attendance"];
  const summary = useQuery({
    queryKey: summaryKey,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/events/{id}/attendance", { params: { path: { slug, id } } })),
  });
  const [q, setQ] = useState("");
  const [name, setName] = useState("");
  const [guests, setGuests] = useState<number | string>(0);
  const [result, setResult] = useState<Result | null>(null);
  const [thanks, setThanks] = useState("");
  const { error, busy, run } = useSubmit<string>();
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: eventKeys.rsvps(slug, id) });
    await qc.invalidateQueries({ queryKey: summaryKey });
  };
  const said = (out: { name: string; already: boolean; checkedInAt: string }) =>
    setResult({
      ok: !out.already,
      text: out.already
        ? t("checkin.already", { name: out.name, time: formatDateTime(out.checkedInAt) })
        : t("checkin.ok", { name: out.name }),
    });
  const byCode = useRef<(code: string) => Promise<void>>(async () => {});
  byCode.current = (code: string) =>
    run(async () => {
      said(
        await unwrap(
          client.POST("/api/n/{slug}/events/{id}/checkins", {
            params: { path: { slug, id } },
            body: { code },
          }),
        ),
      );
      await refresh();
    });
  const [onCode] = useState(() => (code: string) => byCode.current(code));
  if (event.isLoading) return <PageLoader />;
  if (!event.data) return <ErrorAlert error={event.error} />;
  const people = (rsvps.data?.items ?? []).filter(
    (r) =>
      (r.status === "confirmed" || r.status === "walk_in") &&
      (!q || r.name.includes(q) || (r.email ?? "").includes(q)),
  );
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to={`/n/${slug}/events/${id}`} size="sm">
        ← {event.data.title}
      </Anchor>
      <Title order={2}>{t("checkin.title")}</Title>
      {summary.data && (
        <Text size="sm" data-testid="attendance-summary">
          {t("checkin.summary", summary.data)}
        </Text>
      )}
      <Scanner onCode={onCode} />
      {result && (
        <Alert color={result.ok ? "teal" : "yellow"} variant="filled" data-testid="checkin-result">
          {result.text}
        </Alert>
      )}
      <ErrorAlert error={error} />
      <TextInput
        label={t("checkin.search")}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="checkin-search"
      />
      <Stack gap={6}>
        {!people.length && (
          <Text size="sm" c="dimmed">
            {t("checkin.none")}
          </Text>
        )}
        {people.map((r) => (
          <Card key={r.id} withBorder padding="xs" radius="sm">
            <Group justify="space-between" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {r.name}
                  {r.guests > 0 && ` ${t("attendees.guests", { count: r.guests })}`}
                </Text>
                {r.status === "walk_in" && (
                  <Badge size="xs" variant="light">
                    {t("my.walk_in", { position: "" })}
                  </Badge>
                )}
                {r.checkedInAt && (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(r.checkedInAt)}
                  </Text>
                )}
              </div>
              {r.checkedInAt ? (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  loading={busy === `u${r.id}`}
                  onClick={() =>
                    run(
                      async () => {
                        await unwrap(
                          client.DELETE("/api/n/{slug}/events/{id}/checkins/{rsvpId}", {
                            params: { path: { slug, id, rsvpId: r.id } },
                          }),
                        );
                        await refresh();
                      },
                      { as: `u${r.id}` },
                    )
                  }
                >
                  {t("checkin.undo")}
                </Button>
              ) : (
                <Button
                  size="compact-md"
                  loading={busy === `c${r.id}`}
                  onClick={() =>
                    run(
                      async () => {
                        said(
                          await unwrap(
                            client.POST("/api/n/{slug}/events/{id}/checkins", {
                              params: { path: { slug, id } },
                              body: { rsvpId: r.id },
                            }),
                          ),
                        );
                        await refresh();
                      },
                      { as: `c${r.id}` },
                    )
                  }
                >
                  {t("checkin.checkIn")}
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      <Card withBorder padding="sm" radius="md">
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t("checkin.walkIn")}
          </Text>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label={t("checkin.walkInName")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={100}
              flex={1}
              miw={160}
            />
            <NumberInput
              label={t("rsvp.guests")}
              value={guests}
              onChange={setGuests}
              min={0}
              max={10}
              w={90}
            />
            <Button
              disabled={!name.trim()}
              loading={busy === "walk-in"}
              onClick={() =>
                run(
                  async () => {
                    said(
                      await unwrap(
                        client.POST("/api/n/{slug}/events/{id}/walk-ins", {
                          params: { path: { slug, id } },
                          body: { name, guests: Number(guests) || 0 },
                        }),
                      ),
                    );
                    setName("");
                    await refresh();
                  },
                  { as: "walk-in" },
                )
              }
            >
              {t("checkin.add")}
            </Button>
          </Group>
        </Stack>
      </Card>
      {!!summary.data?.checkedIn && Date.parse(event.data.startsAt) < Date.now() && (
        <Card withBorder padding="sm" radius="md">
          <Stack gap="xs">
            <Textarea
              label={t("checkin.thanks")}
              placeholder={t("checkin.thanksPlaceholder")}
              value={thanks}
              onChange={(e) => setThanks(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
            />
            <Button
              w="fit-content"
              disabled={!thanks.trim()}
              loading={busy === "thanks"}
              onClick={() =>
                run(
                  async () => {
                    const out = await unwrap(
                      client.POST("/api/n/{slug}/events/{id}/thanks", {
                        params: { path: { slug, id } },
                        body: { message: thanks },
                      }),
                    );
                    setResult({ ok: true, text: t("checkin.thanksSent", { count: out.sent }) });
                  },
                  { as: "thanks" },
                )
              }
            >
              {t("checkin.thanksSend")}
            </Button>
          </Stack>
        </Card>
      )}
      <Group gap="xs">
        <Button
          component="a"
          variant="default"
          href={`/api/n/${encodeURIComponent(slug)}/events/${encodeURIComponent(id)}/attendance.csv`}
          download
        >
          {t("checkin.csv")}
        </Button>
        <Button
          component="a"
          variant="subtle"
          href={`/api/n/${encodeURIComponent(slug)}/events/${encodeURIComponent(id)}/attendance.csv?encoding=shift_jis`}
          download
        >
          {t("checkin.csvSjis")}
        </Button>
      </Group>
    </Stack>
  );
}

export default function CheckInPage() {
  const { slug = "", id = "" } = useParams();
  return <MemberGate slug={slug}>{() => <CheckIn slug={slug} id={id} />}</MemberGate>;
}
