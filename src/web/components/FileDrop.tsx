// A drop area for one file, with a hidden file input that a button opens (`openRef`). Written
// here rather than taken from @mantine/dropzone, whose current versions need Node 22 to build
// (react-dropzone 20): the product supports Node 20. Accepts by file extension and size; anything
// else goes to `onReject`.
import { Paper } from "@mantine/core";
import { type RefObject, useImperativeHandle, useRef, useState } from "react";

export function FileDrop({
  openRef,
  onDrop,
  onReject,
  extensions,
  maxSize,
  disabled,
  label,
  children,
}: {
  openRef: RefObject<(() => void) | null>;
  onDrop: (file: File) => void;
  onReject: () => void;
  /** Lower-case extensions with the dot: [".csv", ".txt"]. */
  extensions: string[];
  maxSize: number;
  disabled?: boolean;
  label: string;
  children: React.ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  useImperativeHandle(openRef, () => () => input.current?.click(), []);
  const take = (files: FileList | null) => {
    const f = files?.[0];
    if (!f) return;
    const ok = extensions.some((e) => f.name.toLowerCase().endsWith(e)) && f.size <= maxSize;
    if (ok) onDrop(f);
    else onReject();
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      role="button"
      tabIndex={disabled ? -1 : 0}
      aria-label={label}
      aria-disabled={disabled}
      onClick={() => !disabled && input.current?.click()}
      onKeyDown={(e) => {
        if (!disabled && (e.key === "Enter" || e.key === " ")) {
          e.preventDefault();
          input.current?.click();
        }
      }}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) take(e.dataTransfer.files);
      }}
      style={{
        borderStyle: "dashed",
        borderWidth: 2,
        cursor: disabled ? "not-allowed" : "pointer",
        opacity: disabled ? 0.6 : 1,
        background: over ? "var(--mantine-primary-color-light)" : undefined,
      }}
    >
      <input
        ref={input}
        type="file"
        accept={extensions.join(",")}
        hidden
        disabled={disabled}
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = ""; // the same file may be chosen again after a fix
        }}
      />
      {children}
    </Paper>
  );
}
