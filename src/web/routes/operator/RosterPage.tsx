// Placeholder: to be replaced by the real page.
export default function RosterPage() {
  return <div>RosterPage</div>;
}
