// Placeholder: to be replaced by the real page.
export default function HomePage() {
  return <div>HomePage</div>;
}
