import Foundation
import KioskConfig

/// What a station's workbench needs from its configuration: who may sign in, when they are signed out,
/// where reports go, and the token's zone and file (never the token itself).
public struct WorkbenchSetup: Sendable {
    public var staffIDs: Set<String>
    public var signOutAfter: TimeInterval
    /// Where exported reports are written (made `0750` where missing).
    public var exportFolder: String
    /// `test` or `production`.
    public var zone: String
    /// The token's file, where it comes from one; `nil`: none, or the environment.
    public var tokenFile: String?
    /// Where the token came from, as the admin status says it; `nil`: no token.
    public var tokenSummary: String?

    public init(staffIDs: Set<String>, signOutAfter: TimeInterval, exportFolder: String, zone: String, tokenFile: String?, tokenSummary: String?) {
        self.staffIDs = staffIDs
        self.signOutAfter = signOutAfter
        self.exportFolder = exportFolder
        self.zone = zone
        self.tokenFile = tokenFile
        self.tokenSummary = tokenSummary
    }
}
