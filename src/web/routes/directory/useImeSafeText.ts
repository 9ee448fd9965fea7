import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";

/**
 * A text input that commits its (trimmed) value after a pause in typing, never while a Japanese
 * IME is composing (ｍａ → まーけ → マーケティング would otherwise search for every step). Enter
 * commits at once. When `value` changes from outside (back button, "clear"), the input follows.
 * Spread `inputProps` on a Mantine TextInput/Autocomplete-like input.
 */
export function useImeSafeText(value: string, onCommit: (v: string) => void, delay = 350) {
  const [text, setText] = useState(value);
  // The last text typed outside a composition: the only text ever committed.
  const [settled, setSettled] = useState(value);
  const composing = useRef(false);
  const [debounced] = useDebouncedValue(settled, delay);
  const latest = useRef({ value, onCommit });
  latest.current = { value, onCommit };

  useEffect(() => {
    const v = debounced.trim();
    if (v !== latest.current.value.trim()) latest.current.onCommit(v);
  }, [debounced]);

  // Follow outside changes, unless the person is in the middle of typing something else.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (!composing.current && settled.trim() !== value.trim()) {
      setText(value);
      setSettled(value);
    }
  }

  const change = (v: string, isComposing: boolean) => {
    setText(v);
    if (!isComposing && !composing.current) setSettled(v);
  };
  return {
    text,
    /** Sets the text as if typed (e.g. an option picked from a dropdown). */
    setText: (v: string) => change(v, false),
    inputProps: {
      value: text,
      onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
        change(e.currentTarget.value, (e.nativeEvent as InputEvent).isComposing ?? false),
      onCompositionStart: () => {
        composing.current = true;
      },
      onCompositionEnd: (e: React.CompositionEvent<HTMLInputElement>) => {
        composing.current = false;
        change(e.currentTarget.value, false);
      },
      onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => {
        if (e.key === "Enter" && !e.nativeEvent.isComposing && !composing.current) {
          setSettled(text);
          const v = text.trim();
          if (v !== value.trim()) onCommit(v);
        }
      },
    },
  };
}
