/// What is wrong with a configuration file, naming the key and what it accepts, so hospital IT can fix
/// it without reading code.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var problems: [String]

    public var description: String {
        "\(file): " + (problems.count == 1 ? problems[0] : "\n  - " + problems.joined(separator: "\n  - "))
    }
}
