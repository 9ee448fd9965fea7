// Placeholder: to be replaced by the real page.
export default function NetworkHomePage() {
  return <div>NetworkHomePage</div>;
}
