import { TextInput, type TextInputProps } from "@mantine/core";

/** A required email address field (browser autofill as "email"). */
export function EmailInput(props: TextInputProps) {
  return <TextInput type="email" autoComplete="email" required {...props} />;
}
