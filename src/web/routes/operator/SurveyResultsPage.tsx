// Placeholder: to be replaced by the real page.
export default function SurveyResultsPage() {
  return <div>SurveyResultsPage</div>;
}
