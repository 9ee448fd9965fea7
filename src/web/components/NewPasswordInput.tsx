import { PasswordInput, type PasswordInputProps } from "@mantine/core";

/** A required new-password field (8–128 characters, checked by the form; browser suggests one). */
export function NewPasswordInput(props: PasswordInputProps) {
  return <PasswordInput autoComplete="new-password" required maxLength={128} {...props} />;
}
