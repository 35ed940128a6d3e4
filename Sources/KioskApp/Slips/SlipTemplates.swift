import Foundation
import Printing

/// The three slips' templates, read once at start from the assets' `slips/` (or the hospital's folder).
public struct SlipTemplates: Sendable {
    public var claim: SlipTemplate
    public var queue: SlipTemplate
    public var pending: SlipTemplate
    public var test: SlipTemplate

    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "slip template \(path): \(reason)" }
    }

    /// Reads `claim.slip`, `queue.slip` and `pending.slip` from `folder`; `test.slip` from the assets if
    /// the folder has none.
    public static func load(folder: URL, assets: URL) throws(LoadError) -> SlipTemplates {
        func read(_ name: String, fallback: URL? = nil) throws(LoadError) -> SlipTemplate {
            var url = folder.appendingPathComponent(name)
            if !FileManager.default.fileExists(atPath: url.path), let fallback { url = fallback.appendingPathComponent(name) }
            do {
                return try SlipTemplate(contentsOf: url)
            } catch {
                throw LoadError(path: url.path, reason: "\(error)")
            }
        }
        let shipped = assets.appendingPathComponent("slips")
        return SlipTemplates(claim: try read("claim.slip"), queue: try read("queue.slip"), pending: try read("pending.slip"),
                             test: try read("test.slip", fallback: shipped))
    }
}
