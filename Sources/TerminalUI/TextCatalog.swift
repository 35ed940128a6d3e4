import Foundation
import Journey

/// Every text on screen, by key, in each language: loaded from `assets/text/<language>.json`.
public struct TextCatalog: Sendable {
    public let texts: [Language: [String: String]]

    public init(texts: [Language: [String: String]]) {
        self.texts = texts
    }

    public enum LoadError: Error, CustomStringConvertible {
        case missing(path: String)
        case unreadable(path: String, reason: String)

        public var description: String {
            switch self {
            case .missing(let path): "text catalog not found: \(path)"
            case .unreadable(let path, let reason): "text catalog \(path) cannot be read: \(reason)"
            }
        }
    }

    /// Loads `th.json` and `en.json` from `assets/text`.
    public static func load(assets: URL) throws -> TextCatalog {
        var texts: [Language: [String: String]] = [:]
        for language in [Language.thai, .english] {
            let url = assets.appendingPathComponent("text/\(language.rawValue).json")
            guard FileManager.default.fileExists(atPath: url.path) else { throw LoadError.missing(path: url.path) }
            do {
                texts[language] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
            } catch {
                throw LoadError.unreadable(path: url.path, reason: "\(error)")
            }
        }
        return TextCatalog(texts: texts)
    }

    /// The text for `key`; the Thai text if the English one is missing; the key itself as a last resort
    /// (visible, so a missing text is noticed, never a blank screen).
    public func text(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        var text = texts[language]?[key] ?? texts[.thai]?[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }
}

/// Where the assets folder is: `AUTHEN_KIOSK_ASSETS`, the package's `assets/` above the executable
/// (a development build), or the installed `/usr/share/authen-kiosk/assets`.
public enum AssetLocator {
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let path = environment["AUTHEN_KIOSK_ASSETS"] { return URL(fileURLWithPath: path) }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("assets")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("text/th.json").path) { return candidate }
        }
        let installed = URL(fileURLWithPath: "/usr/share/authen-kiosk/assets")
        return FileManager.default.fileExists(atPath: installed.path) ? installed : nil
    }
}
