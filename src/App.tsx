export function App() {
  return (
    <main className="placeholder">
      <h1>kubeglass</h1>
      <p>A Kubernetes cluster that runs entirely in your browser, as a glass box.</p>
    </main>
  );
}
