import { Anchor, Text } from "@mantine/core";
import { Link } from "react-router";

/** "No account yet? Sign up" under a sign-in or sign-up form. */
export function AuthSwitch({ prompt, to, label }: { prompt: string; to: string; label: string }) {
  return (
    <Text size="sm" ta="center">
      {prompt}{" "}
      <Anchor component={Link} to={to}>
        {label}
      </Anchor>
    </Text>
  );
}
