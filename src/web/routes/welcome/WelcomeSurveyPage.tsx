// Placeholder: to be replaced by the real page.
export default function WelcomeSurveyPage() {
  return <div>WelcomeSurveyPage</div>;
}
