import { LazyMotion, MotionConfig } from "framer-motion";
import { ApplyExample, Diagram, NarrationLog, PlaybackBar, StepCard, Timeline, usePlaybackKeys } from "./ui";
import { SidePanel } from "./ui/panels";

const loadMotionFeatures = () => import("./ui/motionFeatures").then((m) => m.default);

export function App() {
  usePlaybackKeys();
  return (
    <LazyMotion features={loadMotionFeatures} strict>
      <MotionConfig reducedMotion="user">
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
      </MotionConfig>
    </LazyMotion>
  );
}
