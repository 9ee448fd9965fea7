// A text box where "@" offers the members the writer may mention (the directory as they see it;
// on a comment, only who may see the post). The box shows "@名前"; `value`/`onChange` carry the
// stored form `@[名前](mention:<id>)` (components/mentions.ts).
import { Avatar, Combobox, Group, Text, Textarea, type TextareaProps, useCombobox } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { client, unwrap } from "../api/client.ts";
import { type Picked, toEditable, toStored, typedMention } from "./mentions.ts";

type Props = Omit<TextareaProps, "value" | "onChange"> & {
  slug: string;
  /** Commenting on this post: only members who may see it are offered. */
  postId?: string;
  value: string;
  onChange: (stored: string) => void;
};

export function MentionTextarea({ slug, postId, value, onChange, ...rest }: Props) {
  const [text, setText] = useState(() => toEditable(value).text);
  const picked = useRef<Picked>(toEditable(value).picked);
  const box = useRef<HTMLTextAreaElement>(null);
  const [typing, setTyping] = useState<{ start: number; query: string } | null>(null);
  const [query] = useDebouncedValue(typing?.query ?? "", 150);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  // The form was reset (sent) or loaded anew: show what it holds now.
  useEffect(() => {
    if (value !== toStored(text, picked.current)) {
      const e = toEditable(value);
      picked.current = e.picked;
      setText(e.text);
    }
  }, [value, text]);

  const candidates = useQuery({
    queryKey: ["mentionable", slug, postId ?? null, query],
    enabled: typing !== null,
    staleTime: 30_000,
    queryFn: () =>
      unwrap(
        client.GET("/api/n/{slug}/posts/mentionable", {
          params: { path: { slug }, query: { q: query || undefined, postId, limit: 8 } },
        }),
      ),
  });
  const items = typing ? (candidates.data?.items ?? []) : [];

  useEffect(() => {
    if (items.length) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else combobox.closeDropdown();
  }, [items.length, combobox.openDropdown, combobox.closeDropdown, combobox.selectFirstOption]);

  const change = (next: string, caret: number) => {
    setText(next);
    setTyping(typedMention(next, caret));
    onChange(toStored(next, picked.current));
  };

  const pick = (userId: string) => {
    const person = items.find((i) => i.userId === userId);
    if (!person || !typing) return;
    picked.current.set(person.name, person.userId);
    const caret = typing.start + 1 + typing.query.length;
    const insert = `@${person.name} `;
    const next = text.slice(0, typing.start) + insert + text.slice(caret);
    setTyping(null);
    combobox.closeDropdown();
    setText(next);
    onChange(toStored(next, picked.current));
    requestAnimationFrame(() => {
      const at = typing.start + insert.length;
      box.current?.focus();
      box.current?.setSelectionRange(at, at);
    });
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start" withinPortal>
      <Combobox.Target targetType="input">
        <Textarea
          {...rest}
          ref={box}
          value={text}
          onChange={(e) => change(e.currentTarget.value, e.currentTarget.selectionStart ?? 0)}
          onKeyUp={(e) => {
            // The caret moved without typing (arrows, a click): is it still in an "@…"?
            if (e.key.startsWith("Arrow") && !combobox.dropdownOpened) {
              const el = e.currentTarget;
              setTyping(typedMention(el.value, el.selectionStart ?? 0));
            }
          }}
          onBlur={() => {
            combobox.closeDropdown();
            setTyping(null);
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown miw={240}>
        <Combobox.Options>
          {items.map((p) => (
            <Combobox.Option value={p.userId} key={p.userId}>
              <Group gap="xs" wrap="nowrap">
                <Avatar src={p.photoUrl ?? undefined} name={p.name} size={24} color="initials" />
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" truncate>
                    {p.name}
                  </Text>
                  {p.headline && (
                    <Text size="xs" c="dimmed" truncate>
                      {p.headline}
                    </Text>
                  )}
                </div>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
