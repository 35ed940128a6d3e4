import Foundation

/// Whether an address names this machine: the only place plain HTTP may reach (the test-zone simulator,
/// NHSO's agent on the box itself).
public enum LoopbackAddress {
    static let hosts: Set<String> = ["127.0.0.1", "localhost", "::1"]

    public static func contains(_ url: String) -> Bool {
        hosts.contains(URLComponents(string: url)?.host ?? "")
    }
}
