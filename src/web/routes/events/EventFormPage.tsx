// Creating or editing an event (organizers): title, description, format, venue and/or online link,
// times in Japan time (all day allowed), capacity, guests, RSVP window, audience and side, approval,
// questions, and when it is published.
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorAlert, fieldErrors } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import type { MyNetwork } from "../../session.ts";
import { useGroups } from "../groups/queries.ts";
import { useSegments } from "../segments/queries.ts";
import { CoverPicker, type CoverValue } from "./Cover.tsx";
import "./i18n.ts";
import {
  createEvent,
  type EventFormat,
  type EventInput,
  type EventItem,
  editEvent,
  eventKeys,
  FORMATS,
  fromJstInput,
  toJstInput,
  useEvent,
} from "./queries.ts";

type Question = { id?: string; label: string; required: boolean };
type Publish = "now" | "later" | "draft";

function nextWeekAt(hour: number) {
  const d = new Date(Date.now() + 7 * 86_400_000 + 9 * 3600_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
}

function EventForm({ network, event }: { network: MyNetwork; event?: EventItem }) {
  const { t } = useTranslation("events");
  const slug = network.slug;
  const nav = useNavigate();
  const qc = useQueryClient();
  const operator = network.role === "operator";
  const segments = useSegments(slug);
  const groups = useGroups(slug);
  const [title, setTitle] = useState(event?.title ?? "");
  const [description, setDescription] = useState(event?.description ?? "");
  const [format, setFormat] = useState<EventFormat>(event?.format ?? "in_person");
  const [venueName, setVenueName] = useState(event?.venueName ?? "");
  const [venueAddress, setVenueAddress] = useState(event?.venueAddress ?? "");
  const [mapUrl, setMapUrl] = useState(event?.mapUrl ?? "");
  const [onlineUrl, setOnlineUrl] = useState(event?.onlineUrl ?? "");
  const [startsAt, setStartsAt] = useState(event ? toJstInput(event.startsAt) : nextWeekAt(19));
  const [endsAt, setEndsAt] = useState(event ? toJstInput(event.endsAt) : nextWeekAt(21));
  const [allDay, setAllDay] = useState(event?.allDay ?? false);
  const [capacity, setCapacity] = useState<number | string>(event?.capacity ?? "");
  const [guestsMax, setGuestsMax] = useState<number | string>(event?.guestsMax ?? 0);
  const [rsvpOpensAt, setRsvpOpensAt] = useState(toJstInput(event?.rsvpOpensAt));
  const [rsvpClosesAt, setRsvpClosesAt] = useState(toJstInput(event?.rsvpClosesAt));
  const [audience, setAudience] = useState<"network" | "segment" | "group">(
    event?.audience.type ?? "network",
  );
  const [segmentId, setSegmentId] = useState<string | null>(event?.audience.segmentId ?? null);
  const [groupId, setGroupId] = useState<string | null>(event?.audience.groupId ?? null);
  const [sides, setSides] = useState<EventInput["sides"]>(event?.sides ?? "all");
  const [approval, setApproval] = useState(event?.approval ?? false);
  const [offerHours, setOfferHours] = useState<number | string>(event?.offerHours ?? "");
  const [questions, setQuestions] = useState<Question[]>(event?.questions ?? []);
  const [publish, setPublish] = useState<Publish>(
    event ? (event.status === "draft" ? "draft" : "later") : "now",
  );
  const [publishAt, setPublishAt] = useState(toJstInput(event?.publishedAt));
  const [cover, setCover] = useState<CoverValue>(
    event?.coverImageId && event.coverUrl ? { id: event.coverImageId, url: event.coverUrl } : null,
  );
  const { error, busy, run } = useSubmit();
  const errs = fieldErrors(error);
  const published = event && (event.status === "published" || event.status === "cancelled");
  const body = () => {
    const common = {
      title,
      description,
      format,
      venueName: format === "online" ? null : venueName || null,
      venueAddress: format === "online" ? null : venueAddress || null,
      mapUrl: format === "online" ? null : mapUrl || null,
      onlineUrl: format === "in_person" ? null : onlineUrl || null,
      startsAt: allDay ? `${startsAt.slice(0, 10)}T00:00:00+09:00` : fromJstInput(startsAt)!,
      endsAt: allDay ? `${endsAt.slice(0, 10)}T00:00:00+09:00` : fromJstInput(endsAt)!,
      allDay,
      capacity: capacity === "" ? null : Number(capacity),
      guestsMax: Number(guestsMax) || 0,
      rsvpOpensAt: fromJstInput(rsvpOpensAt),
      rsvpClosesAt: fromJstInput(rsvpClosesAt),
      sides,
      approval,
      offerHours: offerHours === "" ? null : Number(offerHours),
      questions: questions.filter((q) => q.label.trim()),
      coverImageId: cover?.id ?? null,
    };
    const publishValue = publish === "now" ? "now" : publish === "draft" ? null : fromJstInput(publishAt);
    return { common, publishValue };
  };
  const save = () =>
    run(async () => {
      const { common, publishValue } = body();
      if (event) {
        await editEvent(slug, event.id, { ...common, ...(published ? {} : { publishAt: publishValue }) });
        notifications.show({ color: "teal", message: t("form.saved") });
        await qc.invalidateQueries({ queryKey: eventKeys.all(slug) });
        nav(`/n/${slug}/events/${event.id}`);
      } else {
        const created = await createEvent(slug, {
          ...common,
          audience:
            audience === "segment" && segmentId
              ? { type: "segment", segmentId }
              : audience === "group" && groupId
                ? { type: "group", groupId }
                : { type: "network" },
          publishAt: publishValue,
        });
        notifications.show({ color: "teal", message: t("form.created", { title: created.title }) });
        await qc.invalidateQueries({ queryKey: eventKeys.all(slug) });
        nav(`/n/${slug}/events/${created.id}`);
      }
    });
  return (
    <Stack gap="sm" maw={720}>
      <PageTitle title={event ? t("form.editTitle") : t("form.createTitle")} />
      <TextInput
        label={t("form.titleField")}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maxLength={120}
        required
        error={errs.title}
        data-testid="event-title"
      />
      <Textarea
        label={t("form.description")}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={4}
        maxRows={14}
        maxLength={10000}
        error={errs.description}
      />
      <CoverPicker slug={slug} value={cover} onChange={setCover} />
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t("form.format")}
        </Text>
        <SegmentedControl
          value={format}
          onChange={(v) => setFormat(v as EventFormat)}
          data={FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))}
          fullWidth
          data-testid="event-format"
        />
      </div>
      {format !== "online" && (
        <>
          <TextInput
            label={t("form.venueName")}
            value={venueName}
            onChange={(e) => setVenueName(e.currentTarget.value)}
            maxLength={200}
            error={errs.venueName}
            data-testid="event-venue"
          />
          <TextInput
            label={t("form.venueAddress")}
            value={venueAddress}
            onChange={(e) => setVenueAddress(e.currentTarget.value)}
            maxLength={300}
          />
          <TextInput
            label={t("form.mapUrl")}
            value={mapUrl}
            onChange={(e) => setMapUrl(e.currentTarget.value)}
            placeholder="https://maps.google.com/…"
            error={errs.mapUrl}
          />
        </>
      )}
      {format !== "in_person" && (
        <TextInput
          label={t("form.onlineUrl")}
          value={onlineUrl}
          onChange={(e) => setOnlineUrl(e.currentTarget.value)}
          placeholder="https://"
          error={errs.onlineUrl}
          data-testid="event-online-url"
        />
      )}
      <Switch
        label={t("form.allDay")}
        checked={allDay}
        onChange={(e) => setAllDay(e.currentTarget.checked)}
      />
      <Group grow wrap="wrap" align="flex-start">
        <TextInput
          type={allDay ? "date" : "datetime-local"}
          label={t("form.startsAt")}
          value={allDay ? startsAt.slice(0, 10) : startsAt}
          onChange={(e) => setStartsAt(allDay ? `${e.currentTarget.value}T00:00` : e.currentTarget.value)}
          required
          miw={200}
          error={errs.startsAt}
          data-testid="event-starts"
        />
        <TextInput
          type={allDay ? "date" : "datetime-local"}
          label={t("form.endsAt")}
          value={allDay ? endsAt.slice(0, 10) : endsAt}
          onChange={(e) => setEndsAt(allDay ? `${e.currentTarget.value}T00:00` : e.currentTarget.value)}
          required
          miw={200}
          error={errs.endsAt}
          data-testid="event-ends"
        />
      </Group>
      <Group grow wrap="wrap" align="flex-start">
        <NumberInput
          label={t("form.capacity")}
          value={capacity}
          onChange={setCapacity}
          min={1}
          max={100000}
          allowDecimal={false}
          miw={160}
          data-testid="event-capacity"
        />
        <NumberInput
          label={t("form.guestsMax")}
          value={guestsMax}
          onChange={setGuestsMax}
          min={0}
          max={10}
          allowDecimal={false}
          miw={160}
        />
      </Group>
      <Group grow wrap="wrap" align="flex-start">
        <TextInput
          type="datetime-local"
          label={t("form.rsvpOpensAt")}
          value={rsvpOpensAt}
          onChange={(e) => setRsvpOpensAt(e.currentTarget.value)}
          miw={200}
        />
        <TextInput
          type="datetime-local"
          label={t("form.rsvpClosesAt")}
          value={rsvpClosesAt}
          onChange={(e) => setRsvpClosesAt(e.currentTarget.value)}
          miw={200}
        />
      </Group>
      {!event && (
        <Radio.Group
          label={t("form.audience")}
          value={audience}
          onChange={(v) => setAudience(v as typeof audience)}
        >
          <Group gap="md" mt={4}>
            <Radio value="network" label={t("form.audienceNetwork")} />
            {operator && (
              <Radio value="segment" label={t("form.audienceSegment")} data-testid="audience-segment" />
            )}
            <Radio value="group" label={t("form.audienceGroup")} />
          </Group>
        </Radio.Group>
      )}
      {!event && audience === "segment" && (
        <Select
          label={t("form.segment")}
          data={(segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={segmentId}
          onChange={setSegmentId}
          searchable
          data-testid="event-segment"
        />
      )}
      {!event && audience === "group" && (
        <Select
          label={t("form.group")}
          data={(groups.data?.items ?? [])
            .filter((g) => g.can.post)
            .map((g) => ({ value: g.id, label: g.name }))}
          value={groupId}
          onChange={setGroupId}
          searchable
        />
      )}
      <Radio.Group label={t("form.sides")} value={sides} onChange={(v) => setSides(v as EventInput["sides"])}>
        <Group gap="md" mt={4}>
          {(["all", "alumni", "employees"] as const).map((s) => (
            <Radio key={s} value={s} label={t(`sides.${s}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Checkbox
        label={t("form.approval")}
        checked={approval}
        onChange={(e) => setApproval(e.currentTarget.checked)}
      />
      <NumberInput
        label={t("form.offerHours")}
        value={offerHours}
        onChange={setOfferHours}
        min={1}
        max={168}
        allowDecimal={false}
        w={200}
      />
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t("form.questions")}
        </Text>
        {questions.map((q, i) => (
          <Group key={q.id ?? `new-${i}`} gap="xs" wrap="nowrap" align="center">
            <TextInput
              flex={1}
              placeholder={t("form.questionLabel")}
              value={q.label}
              maxLength={200}
              onChange={(e) => {
                const label = e.currentTarget.value;
                setQuestions((qs) => qs.map((x, j) => (j === i ? { ...x, label } : x)));
              }}
            />
            <Checkbox
              label={t("form.required")}
              checked={q.required}
              onChange={(e) => {
                const required = e.currentTarget.checked;
                setQuestions((qs) => qs.map((x, j) => (j === i ? { ...x, required } : x)));
              }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("form.removeQuestion")}
              onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {questions.length < 10 && (
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            onClick={() => setQuestions((qs) => [...qs, { label: "", required: false }])}
          >
            {t("form.addQuestion")}
          </Button>
        )}
      </Stack>
      <Text size="xs" c="dimmed">
        {t("form.reminders")}
      </Text>
      {!published && (
        <Radio.Group label={t("form.publish")} value={publish} onChange={(v) => setPublish(v as Publish)}>
          <Stack gap={6} mt={4}>
            <Radio value="now" label={t("form.publishNow")} />
            <Radio value="later" label={t("form.publishLater")} />
            <Radio value="draft" label={t("form.publishDraft")} />
          </Stack>
        </Radio.Group>
      )}
      {!published && publish === "later" && (
        <TextInput
          type="datetime-local"
          label={t("form.publishAt")}
          value={publishAt}
          onChange={(e) => setPublishAt(e.currentTarget.value)}
          w={240}
        />
      )}
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button
          onClick={save}
          loading={busy === "submit"}
          disabled={!title.trim()}
          size="md"
          data-testid="event-save"
        >
          {event ? t("form.save") : t("form.create")}
        </Button>
      </Group>
    </Stack>
  );
}

function EditLoader({ network, id }: { network: MyNetwork; id: string }) {
  const q = useEvent(network.slug, id);
  if (q.isLoading) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return <EventForm network={network} event={q.data} />;
}

export default function EventFormPage() {
  const { slug = "", id } = useParams();
  return (
    <MemberGate slug={slug}>
      {(network) => (id ? <EditLoader network={network} id={id} /> : <EventForm network={network} />)}
    </MemberGate>
  );
}
