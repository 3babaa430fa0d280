import { formatClusterTime, messageLog, useAppStore } from "../../store";

/** The last messages a component sent or received, newest first. */
export function RecentMessages({ id }: { id: string }) {
  const origin = useAppStore((s) => s.origin);
  const messages = messageLog().messagesOf(id).slice(0, 15);
  return (
    <section className="insp__section" aria-label="Recent messages">
      <h3 className="panel__h">Recent messages</h3>
      {messages.length === 0 ? (
        <p className="panel__hint">No messages yet.</p>
      ) : (
        <ol className="insp__messages">
          {messages.map((m) => (
            <li key={m.seq}>
              <span className="insp__time">{formatClusterTime(m.at, origin)}</span>
              <span className="insp__route">{m.from === id ? `→ ${m.to}` : `← ${m.from}`}</span>
              <span className="insp__summary">{m.summary}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
