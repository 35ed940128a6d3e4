/// A sentence for the patient, in Thai (shown first) and English.
public struct LocalizedText: Sendable, Hashable {
    public var th: String
    public var en: String

    public init(th: String, en: String) {
        self.th = th
        self.en = en
    }
}
