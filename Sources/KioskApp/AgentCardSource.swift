import Journey
import Logging
import NHSO
import SmartCard

/// The card reader of NHSO's Secure Smartcard Agent. Where the agent runs it owns the reader, so the
/// kiosk never opens it: presence comes from the agent's terminal list, and the person, with the rights
/// already checked, from its `read`.
///
/// The agent has no way to announce a card, so the terminal list is asked for a few times a second
/// (one loopback request; the cost is measured in the README).
public final class AgentCardSource: CardSource {
    let agent: NHSOAgentReader
    /// The agent's reader for polling, its own failures not logged (a down agent would fill the log
    /// several times a second): the source logs when the reader becomes usable or stops being so.
    let poller: NHSOAgentReader
    let logger: Logger
    /// The agent's terminal to use; `nil`: any that holds a card.
    let terminal: String?
    /// A training kiosk's: the agent's virtual terminals count too (see `PCSCCardSource`).
    let allowsVirtualReaders: Bool
    let pollInterval: Duration

    public init(url: String, timeouts: NHSOTimeouts, terminal: String?, allowsVirtualReaders: Bool = false, logger: Logger,
                pollInterval: Duration = .milliseconds(400)) {
        self.allowsVirtualReaders = allowsVirtualReaders
        agent = NHSOAgentReader(url: url, timeouts: timeouts, logger: logger)
        var quiet = logger
        quiet.logLevel = .critical
        poller = NHSOAgentReader(url: url, timeouts: timeouts, logger: quiet)
        self.logger = logger
        self.terminal = terminal
        self.pollInterval = pollInterval
    }

    public func statusLine() async -> AdminStatusLine {
        do throws(NHSOError) {
            let terminals = try await agent.terminals().filter(isUsable)
            if terminals.isEmpty { return AdminStatusLine(subject: "reader", ok: false, detail: "NHSO's agent lists no reader \(terminal ?? "")") }
            return AdminStatusLine(subject: "reader", ok: true, detail: "through NHSO's agent: " + terminals.map(\.terminalName).joined(separator: ", "))
        } catch {
            return AdminStatusLine(subject: "reader", ok: false, detail: "NHSO's agent does not answer (\(error.staffMessage))")
        }
    }

    func isUsable(_ candidate: AgentTerminal) -> Bool {
        (terminal == nil || candidate.terminalName == terminal) && (allowsVirtualReaders || !VirtualReader.isVirtual(candidate.terminalName))
    }

    public func watch(_ post: @escaping @Sendable (JourneyEvent) -> Void) -> Task<Void, Never>? {
        Task {
            // What the last answers said; only this task reads and writes them.
            var available: Bool?
            var present = false
            while !Task.isCancelled {
                let answer: Result<[AgentTerminal], NHSOError>
                do throws(NHSOError) { answer = .success(try await poller.terminals()) } catch { answer = .failure(error) }
                let terminals = try? answer.get()
                let ours = terminals?.filter(isUsable) ?? []
                // No answer, or no terminal of ours: the agent is down or its reader unplugged.
                let usable = !ours.isEmpty
                if usable != available {
                    switch answer {
                    case .success where usable: logger.notice("NHSO agent's card reader is ready", metadata: ["url": "\(agent.url)"])
                    case .success: logger.warning("NHSO agent has no card reader", metadata: ["terminal": "\(terminal ?? "any")"])
                    case .failure(let error): logger.warning("NHSO agent is not answering", metadata: ["reason": "\(error.staffMessage)"])
                    }
                    available = usable
                    post(.readerAvailable(usable))
                }
                // A hiccup of the agent does not cancel a card on screen: presence changes only on an answer.
                if terminals != nil, ours.contains(where: \.isPresent) != present {
                    present.toggle()
                    post(present ? .cardInserted : .cardRemoved)
                }
                try? await Task.sleep(for: pollInterval)
            }
        }
    }

    /// The agent's `read-card-only`: the card's person, no rights check, so it answers with NHSO
    /// unreachable (a staff member's card at a station whose network is down still reads).
    public func readIdentity(progress post: @escaping @Sendable (EffectResult) -> Void) async -> EffectResult {
        do throws(NHSOError) {
            return .agentRead(try await agent.readCardOnly())
        } catch {
            return .agentReadFailed(error)
        }
    }

    /// One call does the read and the rights check: there is no progress to report.
    public func read(progress post: @escaping @Sendable (EffectResult) -> Void) async -> EffectResult {
        do throws(NHSOError) {
            return .agentRead(try await agent.readCard())
        } catch {
            return .agentReadFailed(error)
        }
    }
}
