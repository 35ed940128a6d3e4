import Foundation

/// A configuration for `authen-kiosk run` against a running test zone, written to `folder/kiosk.yaml`
/// with the slips, the journal and the log beside it; returns its path.
/// - Parameters:
///   - backend: `direct` (the kiosk reads the card through pcscd and calls the cloud paths) or `agent`
///     (the test zone's agent paths own the reader).
///   - reader: the PC/SC reader, or the agent's terminal; `nil`: any.
///   - qrURL: the unit's phone-authentication address (the QR path); `nil`: none.
/// The hash of the PIN 1234, as `authen-kiosk set-pin` writes it (a test zone accepts a guessable PIN).
let adminPINHash = "$y$j9T$tvtMLwLAtaG93mtI/652$8pVu/xDyAqxcfSa4WRXCGQnSJ24VXpczDLr4kPqhGE8"

/// - Parameter training: a training kiosk, which takes the virtual reader's cards (the tests' only reader).
func writeKioskConfiguration(zone: TestZoneProcess, folder: URL, backend: String, reader: String? = nil, qrURL: String? = nil,
                             training: Bool = true, extra: String = "") throws -> String {
    let path = folder.appendingPathComponent("kiosk.yaml").path
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try """
        mode: kiosk
        training: \(training)
        hospital:
          hcode: "10757"
          name: โรงพยาบาลทดสอบ
          qrURL: "\(qrURL ?? "")"
        card:
          reader: "\(reader ?? "")"
        nhso:
          backend: \(backend)
          zone: test
          agentURL: \(zone.url)
          baseURL: \(zone.url)
          timeoutSeconds: 5
        admin:
          pinHash: "\(adminPINHash)"
        output:
          slips: \(folder.appendingPathComponent("slips").path)
          journal: \(folder.appendingPathComponent("journal.sqlite").path)
          log: \(folder.appendingPathComponent("kiosk.log").path)
        \(extra)
        """.write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o600)
    return path
}

/// The journal as `authen-kiosk journal` lists it (newest first, citizen ids masked).
func journalListing(_ path: URL) throws -> String {
    try runKiosk(["journal", "--file", path.path]).stdout
}
