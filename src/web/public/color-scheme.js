// Before the page draws: the colour scheme Mantine will use (the one chosen, else the system's),
// so a dark system never flashes the light page. What <ColorSchemeScript /> does, as a file
// because the Content-Security-Policy allows no inline script.
(() => {
  try {
    const stored = window.localStorage.getItem("mantine-color-scheme-value");
    const dark =
      stored === "dark" || (stored !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.setAttribute("data-mantine-color-scheme", dark ? "dark" : "light");
  } catch {
    // No storage (private mode): Mantine decides once it starts.
  }
})();
