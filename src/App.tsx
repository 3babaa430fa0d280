import { ApplyExample, Diagram, NarrationLog, PlaybackBar, StepCard, Timeline, usePlaybackKeys } from "./ui";
import { SidePanel } from "./ui/panels";

export function App() {
  usePlaybackKeys();
  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <span className="brand__mark" aria-hidden="true" />
          kubeglass
        </h1>
        <PlaybackBar />
        <ApplyExample />
      </header>
      <div className="workspace">
        <main className="stage">
          <Diagram />
          <StepCard />
        </main>
        <SidePanel />
      </div>
      <footer className="dock">
        <Timeline />
        <NarrationLog />
      </footer>
    </div>
  );
}
