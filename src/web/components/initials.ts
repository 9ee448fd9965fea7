/** "山田 花子" → "山田", "Emily Carter" → "EC": what fits in an avatar circle. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (/^[\p{Script=Latin}]/u.test(name))
    return parts
      .map((p) => p[0]?.toUpperCase() ?? "")
      .join("")
      .slice(0, 2);
  return (parts[0] ?? name).slice(0, 2);
}
