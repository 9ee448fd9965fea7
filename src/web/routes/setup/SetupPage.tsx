// Placeholder: to be replaced by the real page.
export default function SetupPage() {
  return <div>SetupPage</div>;
}
