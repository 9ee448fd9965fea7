// Inputs that suggest the labels already in use in the network (skills, departments, locations),
// so people pick "マーケティング部" instead of typing a fourth spelling of it. Used by the
// directory filters and by the profile editor.
import {
  Autocomplete,
  type AutocompleteProps,
  Group,
  TagsInput,
  type TagsInputProps,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { type SuggestField, useSuggestions } from "./useSuggestions.ts";

const countOption =
  (counts: Map<string, number>) =>
  ({ option }: { option: { value: string } }) => (
    <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
      <span>{option.value}</span>
      {counts.has(option.value) && (
        <Text span size="xs" c="dimmed">
          {counts.get(option.value)}
        </Text>
      )}
    </Group>
  );

/** A TagsInput whose dropdown offers the labels in use that start with what is typed. */
export function SuggestTagsInput({
  slug,
  field,
  ...props
}: Omit<TagsInputProps, "data" | "searchValue" | "onSearchChange"> & { slug: string; field: SuggestField }) {
  const [search, setSearch] = useState("");
  const { labels, counts } = useSuggestions(slug, field, search);
  return (
    <TagsInput
      {...props}
      data={labels}
      searchValue={search}
      onSearchChange={setSearch}
      renderOption={countOption(counts)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** An Autocomplete over the labels in use (one value, e.g. a location prefix). */
export function SuggestAutocomplete({
  slug,
  field,
  ...props
}: Omit<AutocompleteProps, "data"> & { slug: string; field: SuggestField; value: string }) {
  const { labels, counts } = useSuggestions(slug, field, props.value);
  return <Autocomplete {...props} data={labels} renderOption={countOption(counts)} />;
}
