import Foundation
import Journey
import ThaiIDCard

/// Where the kiosk learns of cards and gets the person from: a PC/SC reader, NHSO's agent, or the
/// demo's virtual slot.
public protocol CardSource: Sendable {
    /// Posts `cardInserted` / `cardRemoved` as cards come and go, until the task is cancelled; `nil`
    /// where cards are inserted by keys (the demo).
    func watch(_ post: @escaping @Sendable (JourneyEvent) -> Void) -> Task<Void, Never>?
    /// Reads the card in the reader, posting `cardReadProgress` on the way where the reader can tell;
    /// the answer is the result for the journey (`cardRead`, `cardReadFailed`, `agentRead`,
    /// `agentReadFailed`).
    func read(progress post: @escaping @Sendable (EffectResult) -> Void) async -> EffectResult
    /// Reads who holds the card, without asking NHSO about their rights: a guardian's or a staff
    /// member's card, a staff sign-in. Same answers as `read`.
    func readIdentity(progress post: @escaping @Sendable (EffectResult) -> Void) async -> EffectResult
    /// The reader as staff see it in the admin menu: which one, and whether it can be used.
    func statusLine() async -> AdminStatusLine
}

extension CardSource {
    /// A source that never asks NHSO when it reads reads the identity the same way.
    public func readIdentity(progress post: @escaping @Sendable (EffectResult) -> Void) async -> EffectResult {
        await read(progress: post)
    }
}

/// A source that reads the card itself, as the kiosk's own Thai ID card reader.
public protocol ThaiIDCardSource: CardSource {
    func readPerson(progress: @escaping @Sendable (Int) -> Void) async throws(ThaiIDCardError) -> ThaiIDCardPerson
}

extension ThaiIDCardSource {
    public func read(progress post: @escaping @Sendable (EffectResult) -> Void) async -> EffectResult {
        let total = ThaiIDCardReader.textReadSteps
        do throws(ThaiIDCardError) {
            return .cardRead(try await readPerson { post(.cardReadProgress(done: $0, total: total)) })
        } catch {
            return .cardReadFailed(error)
        }
    }
}

