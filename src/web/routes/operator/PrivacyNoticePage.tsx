// Placeholder: to be replaced by the real page.
export default function PrivacyNoticePage() {
  return <div>PrivacyNoticePage</div>;
}
