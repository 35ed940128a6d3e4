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

    /// The values each template may name (a misspelt one would silently drop its line).
    static let place = ["hospital.name", "hospital.hcode", "kiosk.name", "logo", "date"]
    static let values: [String: Set<String>] = [
        "claim.slip": Set(place + ["claimCode", "service", "mainRight", "patient.name", "patient.id",
                                   "proxy.name", "proxy.id", "proxy.role", "proxy.relationship", "copy"]),
        "queue.slip": Set(place + ["reference"]),
        "pending.slip": Set(place + ["reference", "patient.name", "patient.id"]),
        "test.slip": Set(place + ["printer", "claimCode"]),
    ]

    /// Reads `claim.slip`, `queue.slip`, `pending.slip` and `test.slip` from `folder`; a file the folder
    /// does not have comes from the assets' `slips/`. A value name a template may not use is refused.
    public static func load(folder: URL, assets: URL) throws(LoadError) -> SlipTemplates {
        let shipped = assets.appendingPathComponent("slips")
        func read(_ name: String) throws(LoadError) -> SlipTemplate {
            var url = folder.appendingPathComponent(name)
            if !FileManager.default.fileExists(atPath: url.path) { url = shipped.appendingPathComponent(name) }
            let template: SlipTemplate
            do {
                template = try SlipTemplate(contentsOf: url)
            } catch {
                throw LoadError(path: url.path, reason: "\(error)")
            }
            let known = values[name] ?? []
            if let unknown = template.valueNames.first(where: { !known.contains($0.name) }) {
                throw LoadError(path: url.path, reason: "line \(unknown.line): {\(unknown.name)} is not a value of this slip; its values: \(known.sorted().joined(separator: ", "))")
            }
            return template
        }
        return SlipTemplates(claim: try read("claim.slip"), queue: try read("queue.slip"), pending: try read("pending.slip"),
                             test: try read("test.slip"))
    }
}
