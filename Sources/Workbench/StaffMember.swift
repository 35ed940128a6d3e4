import Foundation

/// The person signed in at a station: every action is theirs. Their id is kept in full only in memory;
/// the journal and the screens show it masked.
public struct StaffMember: Sendable, Hashable {
    /// 13 digits.
    public var citizenID: String
    /// As the card gives it (Thai), or empty when it could not be read.
    public var name: String
    public var signedInBy: SignIn

    public enum SignIn: String, Sendable, Hashable {
        case card
        case pin
    }

    public init(citizenID: String, name: String, signedInBy: SignIn) {
        self.citizenID = citizenID
        self.name = name
        self.signedInBy = signedInBy
    }
}
